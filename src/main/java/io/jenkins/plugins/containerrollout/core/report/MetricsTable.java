package io.jenkins.plugins.containerrollout.core.report;

import io.jenkins.plugins.containerrollout.core.record.EventDetails;
import io.jenkins.plugins.containerrollout.core.record.Operation;
import io.jenkins.plugins.containerrollout.core.record.RolloutMetrics;
import io.jenkins.plugins.containerrollout.core.record.RolloutRecord;
import io.jenkins.plugins.containerrollout.core.record.TimelineEvent;
import java.util.Optional;

/**
 * The rollout's metrics as a table, each with a one-line meaning, so the numbers can be read without the docs.
 * Definitions: {@link io.jenkins.plugins.containerrollout.core.record.MetricsCalculator} and docs/report.md.
 */
final class MetricsTable {
    private MetricsTable() {
    }

    static void render(StringBuilder out, RolloutRecord r) {
        RolloutMetrics m = r.metrics();
        out.append("<table class=\"metrics\"><caption class=\"sr-only\">Metrics of this rollout</caption><thead><tr>")
                .append("<th scope=\"col\">Metric</th><th scope=\"col\">Value</th><th scope=\"col\">Meaning</th>")
                .append("</tr></thead><tbody>");
        if (RunStateChart.firstDeploy(r)) {
            row(out, "S<sub>min</sub> \u2013 availability floor", "\u2013 (first deploy)", "Nothing served before revision "
                    + r.toRevision() + ", so there was no capacity to keep: S rose from 0 % as its replicas became ready.");
        } else {
            row(out, "S<sub>min</sub> \u2013 availability floor", Format.percent(m.availabilityFloor()),
                    "Lowest share of the desired replicas that were ready at any moment of the rollout: the capacity "
                            + "users could count on.");
        }
        row(out, "E \u2013 scale rate", Format.rate(m.scaleRate()) + " replicas/s",
                "Replicas that passed their health gate per second of rollout (replicas already serving do not count).");
        row(out, "R \u2013 rollback rate", Format.percent(m.rollbackRate()),
                "Replicas of the new revision that failed, or were stopped because the revision was given up (an "
                        + "aborted canary, a rollback), out of those started.");
        row(out, "Duration", Format.duration(m.durationMillis()), "Wall time from the start to the end of the rollout.");
        row(out, "Time to restore", m.timeToRestoreMillis() < 0 ? "\u2013 (nothing to restore)"
                : Format.duration(m.timeToRestoreMillis()), restoreMeaning(r));
        out.append("</tbody></table>");
    }

    /** What the time to restore measured here, with the two moments it runs between when they are known. */
    private static String restoreMeaning(RolloutRecord r) {
        String what = r.operation() == Operation.ROLLBACK
                ? "From the start of the rollback until revision " + r.toRevision()
                + " had every desired replica ready and all the traffic"
                : "From the first failure until the previous revision had every desired replica ready and all the traffic";
        long ttr = r.metrics().timeToRestoreMillis();
        Optional<TimelineEvent> failure = r.events().stream().filter(EventDetails::failure).findFirst();
        if (ttr < 0 || r.operation() == Operation.ROLLBACK || failure.isEmpty()) {
            return what + ".";
        }
        long from = failure.get().atMillis();
        StringBuilder s = new StringBuilder(what).append(": here from +")
                .append(Format.duration(from - r.startedAtMillis())).append(" (").append(what(failure.get()))
                .append(") to +")
                .append(Format.duration(from + ttr - r.startedAtMillis())).append('.');
        r.eventsOf(TimelineEvent.Type.RESTORED).stream().findFirst().filter(e -> e.atMillis() > from + ttr)
                .ifPresent(e -> s.append(" The rollback itself ended at +").append(Format.duration(e.atMillis()
                        - r.startedAtMillis())).append(", once the failed revision's replicas had stopped."));
        return s.toString();
    }

    /** The first failure in a few words; its full text is in the timeline and the event table. */
    private static String what(TimelineEvent e) {
        if (e.type() == TimelineEvent.Type.FAILED) {
            return TimelineChart.label(e.revision(), e.slot(), e.port()) + " failed";
        }
        if (e.type() == TimelineEvent.Type.ROLLBACK_STARTED) {
            return "the rollback began";
        }
        return EventDetails.analysisWeight(e).isPresent() ? "the canary analysis at "
                + EventDetails.analysisWeight(e).getAsInt() + " % failed" : "revision " + e.revision() + " was given up";
    }

    /** {@code name} is trusted markup written above (it carries {@code <sub>}); value and meaning are escaped. */
    private static void row(StringBuilder out, String name, String value, String meaning) {
        out.append("<tr><th scope=\"row\">").append(name).append("</th><td class=\"num\">").append(Html.text(value))
                .append("</td><td>").append(Html.text(meaning)).append("</td></tr>");
    }
}
