package io.jenkins.plugins.containerrollout.steps;

import hudson.AbortException;
import io.jenkins.plugins.containerrollout.core.record.Outcome;
import io.jenkins.plugins.containerrollout.core.record.PauseInfo;
import io.jenkins.plugins.containerrollout.core.record.RolloutRecord;
import io.jenkins.plugins.containerrollout.core.report.ReportEntry;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@code containerDeploy} and {@code containerRollback} return to the Pipeline script: a small map of plain
 * values ({@code app}, {@code revision}, {@code previousRevision}, {@code outcome}, {@code servingRevision},
 * {@code durationMillis}, {@code availabilityFloor}, {@code timeToRestoreMillis}, {@code message}, and where a paused
 * rollout holds: {@code pausedAtStep}, {@code pausedWeight}, {@code previewUrl}, null unless the outcome is
 * {@code PAUSED}). The full record goes to the build's report; this map is what a script branches on.
 *
 * <p>Usage: {@code Map<String, Object> summary = DeploySummary.of(record);}
 */
public final class DeploySummary {
    private DeploySummary() {
    }

    /** The summary map (mutable JDK collections only, so the CPS engine can persist it). */
    public static Map<String, Object> of(RolloutRecord record) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("app", record.app());
        summary.put("revision", record.toRevision());
        summary.put("previousRevision", record.fromRevision());
        summary.put("outcome", record.outcome().name());
        summary.put("servingRevision", record.servingRevision());
        summary.put("durationMillis", record.metrics().durationMillis());
        summary.put("availabilityFloor", record.metrics().availabilityFloor());
        summary.put("timeToRestoreMillis", record.metrics().timeToRestoreMillis());
        summary.put("message", record.message());
        PauseInfo pause = record.outcome() == Outcome.PAUSED ? record.pause() : null;
        // always present, so a script reads d.previewUrl without a containsKey; a canary's step is 1-based, blue-green 0
        summary.put("pausedAtStep", pause == null ? null : pause.step());
        summary.put("pausedWeight", pause == null ? null : pause.weight());
        summary.put("previewUrl", pause == null ? null : pause.previewUrl());
        return summary;
    }

    /**
     * Why this rollout fails its step, or null when it does not: {@code FAILED} always fails (the application is not
     * on the revision asked for); {@code ROLLED_BACK} fails unless {@code failOnRollback} is off. {@code PAUSED} (the
     * rollout holds where it was asked to, waiting for promote or abort) and {@code ABORTED} (what a rollback of a
     * paused rollout returns: what the user asked for) return normally.
     */
    static String failure(String functionName, RolloutRecord record, boolean failOnRollback) {
        Outcome outcome = record.outcome();
        if (outcome == Outcome.SUCCEEDED || outcome == Outcome.PAUSED || outcome == Outcome.ABORTED
                || (outcome == Outcome.ROLLED_BACK && !failOnRollback)) {
            return null;
        }
        return functionName + ": " + record.app() + " " + outcome.name() + ": " + record.message();
    }

    /**
     * Ends a deploy or rollback step: records the rollout with the build, says how it ended on the console, then
     * fails the step when {@link #failure} says so, else returns the summary.
     *
     * @throws AbortException naming the outcome and its cause, after the record is attached
     */
    static Map<String, Object> conclude(StepRun run, RolloutRecord record, boolean failOnRollback) throws IOException {
        run.record(new ReportEntry.Rollout(record));
        run.console().line(record.app() + " " + record.outcome().name() + ": " + record.message());
        String failure = failure(run.functionName(), record, failOnRollback);
        if (failure != null) {
            throw new AbortException(run.masker().mask(failure));
        }
        return of(record);
    }
}
