package io.jenkins.plugins.containerrollout.core.record;

import io.jenkins.plugins.containerrollout.core.analysis.WindowResult;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * Everything one deploy or rollback did to an application: the revisions it moved between, what it ran, how, the
 * timeline of replica events, the outcome and the metrics. Immutable, {@link Serializable} (it travels back from a
 * Jenkins agent) and a plain Jackson record (the build folder keeps it as JSON; the CLI prints it).
 *
 * <p>Usage: {@code RolloutRecord r = deployer.deploy(request, sink); if (r.outcome() == Outcome.ROLLED_BACK) ...}
 *
 * @param app              application name
 * @param operation        deploy or rollback
 * @param fromRevision     the revision serving before (0 on a first deploy)
 * @param toRevision       the revision asked for (for a deploy, the new or re-used revision)
 * @param servingRevision  the revision serving when the rollout ended (after an automatic rollback: the old one)
 * @param image            the image reference as requested (or as recorded, for a rollback)
 * @param imageId          the local image id the replicas run ({@code sha256:...})
 * @param digest           the repository digest when the image came from a registry, else null
 * @param desiredReplicas  replicas asked for
 * @param strategy         {@code recreate} or {@code rolling}
 * @param settings         the resolved strategy settings ({@code maxSurge=1}, {@code maxUnavailable=0}, ...)
 * @param events           the timeline, in order
 * @param outcome          how it ended
 * @param message          one line saying why it ended so (the failure cause, or "4/4 replicas on revision 7")
 * @param startedAtMillis  epoch milliseconds
 * @param finishedAtMillis epoch milliseconds
 * @param metrics          run state, availability floor, scale rate, rollback rate, duration, time to restore
 * @param commit           the source commit of the target revision ({@code GIT_COMMIT} when it was deployed), or null
 * @param buildUrl         the URL of the build that deployed the target revision, or null
 * @param analysis         a canary's analysis windows, in order: source, the canary's and the stable revision's
 *                         traffic, the query and its value, the verdict and its thresholds (empty for other strategies
 *                         and for records written before they were kept)
 * @param diagnoses        why each replica that failed did, captured before it was removed (empty when none failed,
 *                         and for records written before they were kept)
 * @param pause            where the rollout holds when its outcome is {@link Outcome#PAUSED} (waiting for promote or
 *                         abort), else null
 */
public record RolloutRecord(
        String app,
        Operation operation,
        int fromRevision,
        int toRevision,
        int servingRevision,
        String image,
        String imageId,
        String digest,
        int desiredReplicas,
        String strategy,
        Map<String, String> settings,
        List<TimelineEvent> events,
        Outcome outcome,
        String message,
        long startedAtMillis,
        long finishedAtMillis,
        RolloutMetrics metrics,
        String commit,
        String buildUrl,
        List<WindowResult> analysis,
        List<ReplicaDiagnosis> diagnoses,
        PauseInfo pause) implements Serializable {

    public RolloutRecord {
        settings = Map.copyOf(settings);
        events = List.copyOf(events);
        analysis = analysis == null ? List.of() : List.copyOf(analysis);
        diagnoses = diagnoses == null ? List.of() : List.copyOf(diagnoses);
    }

    /** A record of a rollout that does not hold at a pause. */
    public RolloutRecord(String app, Operation operation, int fromRevision, int toRevision, int servingRevision,
            String image, String imageId, String digest, int desiredReplicas, String strategy, Map<String, String> settings,
            List<TimelineEvent> events, Outcome outcome, String message, long startedAtMillis, long finishedAtMillis,
            RolloutMetrics metrics, String commit, String buildUrl, List<WindowResult> analysis,
            List<ReplicaDiagnosis> diagnoses) {
        this(app, operation, fromRevision, toRevision, servingRevision, image, imageId, digest, desiredReplicas, strategy,
                settings, events, outcome, message, startedAtMillis, finishedAtMillis, metrics, commit, buildUrl,
                analysis, diagnoses, null);
    }

    /** A record without analysis windows (every strategy but canary). */
    public RolloutRecord(String app, Operation operation, int fromRevision, int toRevision, int servingRevision,
            String image, String imageId, String digest, int desiredReplicas, String strategy, Map<String, String> settings,
            List<TimelineEvent> events, Outcome outcome, String message, long startedAtMillis, long finishedAtMillis,
            RolloutMetrics metrics, String commit, String buildUrl) {
        this(app, operation, fromRevision, toRevision, servingRevision, image, imageId, digest, desiredReplicas, strategy,
                settings, events, outcome, message, startedAtMillis, finishedAtMillis, metrics, commit, buildUrl, null,
                null);
    }

    /** A record whose target's commit and build are not known (records written before they were kept, tests). */
    public RolloutRecord(String app, Operation operation, int fromRevision, int toRevision, int servingRevision,
            String image, String imageId, String digest, int desiredReplicas, String strategy, Map<String, String> settings,
            List<TimelineEvent> events, Outcome outcome, String message, long startedAtMillis, long finishedAtMillis,
            RolloutMetrics metrics) {
        this(app, operation, fromRevision, toRevision, servingRevision, image, imageId, digest, desiredReplicas, strategy,
                settings, events, outcome, message, startedAtMillis, finishedAtMillis, metrics, null, null);
    }

    /** This record with a canary's analysis windows; usage: {@code r.withAnalysis(timeline.analyses())}. */
    public RolloutRecord withAnalysis(List<WindowResult> windows) {
        return new RolloutRecord(app, operation, fromRevision, toRevision, servingRevision, image, imageId, digest,
                desiredReplicas, strategy, settings, events, outcome, message, startedAtMillis, finishedAtMillis, metrics,
                commit, buildUrl, windows, diagnoses, pause);
    }

    /** This record with the failed replicas' diagnoses; usage: {@code r.withDiagnoses(timeline.diagnoses())}. */
    public RolloutRecord withDiagnoses(List<ReplicaDiagnosis> found) {
        return new RolloutRecord(app, operation, fromRevision, toRevision, servingRevision, image, imageId, digest,
                desiredReplicas, strategy, settings, events, outcome, message, startedAtMillis, finishedAtMillis, metrics,
                commit, buildUrl, analysis, found, pause);
    }

    /** This record with the target revision's commit and deploying build; usage: {@code r.withTarget(commit, url)}. */
    public RolloutRecord withTarget(String newCommit, String newBuildUrl) {
        return new RolloutRecord(app, operation, fromRevision, toRevision, servingRevision, image, imageId, digest,
                desiredReplicas, strategy, settings, events, outcome, message, startedAtMillis, finishedAtMillis, metrics,
                newCommit, newBuildUrl, analysis, diagnoses, pause);
    }

    /** This record holding at {@code where} (outcome {@link Outcome#PAUSED}); usage: {@code r.withPause(info)}. */
    public RolloutRecord withPause(PauseInfo where) {
        return new RolloutRecord(app, operation, fromRevision, toRevision, servingRevision, image, imageId, digest,
                desiredReplicas, strategy, settings, events, outcome, message, startedAtMillis, finishedAtMillis, metrics,
                commit, buildUrl, analysis, diagnoses, where);
    }

    /** Events of one type, in order; handy for reports and tests. */
    public List<TimelineEvent> eventsOf(TimelineEvent.Type type) {
        return events.stream().filter(e -> e.type() == type).toList();
    }
}
