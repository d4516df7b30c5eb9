package io.jenkins.plugins.containerrollout.core.report;

import io.jenkins.plugins.containerrollout.core.record.RolloutMetrics;
import io.jenkins.plugins.containerrollout.core.record.RolloutRecord;

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
        row(out, "S<sub>min</sub> \u2013 availability floor", Format.percent(m.availabilityFloor()),
                "Lowest share of the desired replicas that were ready at any moment of the rollout: the capacity "
                        + "users could count on.");
        row(out, "E \u2013 scale rate", Format.rate(m.scaleRate()) + " replicas/s",
                "Replicas that passed their health gate per second of rollout (replicas already serving do not count).");
        row(out, "R \u2013 rollback rate", Format.percent(m.rollbackRate()),
                "Replicas of the new revision that failed or were rolled back, out of those started.");
        row(out, "Duration", Format.duration(m.durationMillis()), "Wall time from the start to the end of the rollout.");
        row(out, "Time to restore", m.timeToRestoreMillis() < 0 ? "\u2013 (nothing to restore)"
                        : Format.duration(m.timeToRestoreMillis()),
                "From the first failure until the previous revision served again with every desired replica ready.");
        out.append("</tbody></table>");
    }

    /** {@code name} is trusted markup written above (it carries {@code <sub>}); value and meaning are escaped. */
    private static void row(StringBuilder out, String name, String value, String meaning) {
        out.append("<tr><th scope=\"row\">").append(name).append("</th><td class=\"num\">").append(Html.text(value))
                .append("</td><td>").append(Html.text(meaning)).append("</td></tr>");
    }
}
