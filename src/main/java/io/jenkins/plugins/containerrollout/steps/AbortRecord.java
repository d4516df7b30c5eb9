package io.jenkins.plugins.containerrollout.steps;

import io.jenkins.plugins.containerrollout.core.record.Operation;
import io.jenkins.plugins.containerrollout.core.record.Outcome;
import io.jenkins.plugins.containerrollout.core.record.RolloutMetrics;
import io.jenkins.plugins.containerrollout.core.record.RolloutRecord;
import io.jenkins.plugins.containerrollout.core.report.ReportEntry;
import java.util.List;
import java.util.Map;

/**
 * What a deploy or rollback step is doing on the agent, kept on the controller so that an aborted build still
 * records it: the agent returns its record only when it finishes, and an abort interrupts the step before that. The
 * record it makes is {@link Outcome#ABORTED}, with what the controller knows (application, operation, image, strategy,
 * replicas, start and abort time); the timeline and revisions stayed on the agent.
 *
 * <p>Usage: {@code run.whenAborted(new AbortRecord(Operation.DEPLOY, app, image, "rolling", 4)); ... run.onAgent(...)}
 *
 * @param operation       deploy or rollback
 * @param app             the application
 * @param image           the image asked for, or null (a rollback restores a recorded one)
 * @param strategy        the strategy's name, or "" for a rollback
 * @param desiredReplicas replicas asked for, 0 when the step does not know
 */
record AbortRecord(Operation operation, String app, String image, String strategy, int desiredReplicas) {

    /** The build entry for an abort at {@code abortedAtMillis} of a step started at {@code startedAtMillis}. */
    ReportEntry.Rollout entry(String functionName, long startedAtMillis, long abortedAtMillis) {
        long took = Math.max(0, abortedAtMillis - startedAtMillis);
        String message = functionName + " was aborted after " + took / 1000 + " s, before the agent reported: " + app
                + " is left as the abort found it (possibly between revisions) until the next containerDeploy converges"
                + " it or containerRollback restores a revision";
        return new ReportEntry.Rollout(new RolloutRecord(app, operation, 0, 0, 0, image, null, null, desiredReplicas,
                strategy, Map.of(), List.of(), Outcome.ABORTED, message, startedAtMillis, abortedAtMillis,
                new RolloutMetrics(List.of(), 0, 0, 0, took, -1)));
    }
}
