package io.jenkins.plugins.containerrollout.core.report;

import io.jenkins.plugins.containerrollout.core.record.Operation;
import io.jenkins.plugins.containerrollout.core.record.Outcome;
import io.jenkins.plugins.containerrollout.core.record.RolloutRecord;
import io.jenkins.plugins.containerrollout.core.record.TimelineEvent;
import java.util.TreeSet;

/**
 * One rollout: what it did in a sentence, the strategy (a canary's steps and analysis windows), the timeline (with its legend and the events as a table, the
 * chart's text alternative), the run-state chart and the metrics table.
 */
final class RolloutSection {
    /** Rows of the event table; the chart still draws every lane. */
    static final int MAX_EVENT_ROWS = 500;

    private RolloutSection() {
    }

    static void render(StringBuilder out, RolloutRecord r, String id) {
        out.append("<p class=\"message\">").append(Badge.of(r.outcome())).append(' ').append(Html.text(r.message()))
                .append("</p>");
        Facts facts = Facts.open(out, "facts")
                .add("operation", r.operation().name().toLowerCase())
                .add("strategy", StrategySettings.name(r.strategy()))
                .add("replicas", String.valueOf(r.desiredReplicas()))
                .add("revisions", r.toRevision() == 0 ? Format.revisions(r)
                        : Format.revisions(r) + ", serving " + r.servingRevision())
                .add("started", Format.instant(r.startedAtMillis()))
                .add("duration", Format.duration(r.finishedAtMillis() - r.startedAtMillis()));
        Links.deployedBy(facts, r.buildUrl(), r.toRevision());
        facts.close();
        if (!r.settings().isEmpty()) {
            // one compact line, as the settings are written in the DSL: they matter when something went wrong
            out.append("<p class=\"settings\">");
            String sep = "";
            for (String line : StrategySettings.lines(r.settings())) {
                out.append(sep).append("<code>").append(Html.text(line)).append("</code>");
                sep = " \u00b7 ";
            }
            out.append("</p>");
        }
        if ("canary".equals(r.strategy())) {
            CanarySteps.render(out, r);
        }
        AnalysisWindows.render(out, r);

        if (r.outcome() == Outcome.ABORTED && r.events().isEmpty()) {
            out.append("<p class=\"note\">The step was aborted before the agent reported: its timeline and metrics"
                    + " stayed there.</p>");
            return;
        }
        TreeSet<Integer> revisions = new TreeSet<>();
        r.events().stream().filter(e -> e.slot() >= 0).forEach(e -> revisions.add(e.revision()));
        RevisionColors colors = new RevisionColors(revisions);
        out.append("<h3 id=\"").append(id).append("-timeline\">Timeline</h3>");
        legend(out, colors, r);
        out.append("<div class=\"chart-box\">");
        TimelineChart.render(out, r, colors, id + "-tl");
        out.append("</div>");
        DiagnosisView.render(out, r, id);
        events(out, r);
        if (r.metrics() == null) {
            // a record read back from partial JSON: the timeline above is all there is
            out.append("<p class=\"note\">No metrics were recorded for this rollout.</p>");
            return;
        }
        out.append("<h3>Run state S(t)</h3><div class=\"chart-box\">");
        RunStateChart.render(out, r, id + "-rs");
        out.append("</div><h3>Metrics</h3>");
        MetricsTable.render(out, r);
    }

    private static void legend(StringBuilder out, RevisionColors colors, RolloutRecord r) {
        out.append("<ul class=\"legend\">");
        for (int rev : colors.revisions()) {
            boolean back = r.operation() == Operation.ROLLBACK;
            String role = rev == r.toRevision() ? (back ? " (restored)" : " (new)")
                    : rev == r.fromRevision() ? (back ? " (rolled back)" : " (previous)") : "";
            out.append("<li><span class=\"swatch\" style=\"background:").append(colors.of(rev)).append("\"></span>revision ")
                    .append(rev).append(role).append("</li>");
        }
        out.append("<li><span class=\"swatch starting\"></span>starting (created \u2502, started \u2022)</li>")
                .append("<li><span class=\"sym failed\">\u2715</span>failed</li>")
                .append("<li><span class=\"sym stopped\"></span>stopped</li>")
                .append("<li><span class=\"sym traffic\">\u25c6</span>traffic change</li>");
        if (!r.eventsOf(TimelineEvent.Type.ROLLBACK_STARTED).isEmpty()) {
            out.append("<li><span class=\"swatch rollback\"></span>rollback</li>");
        }
        out.append("</ul>");
    }

    private static void events(StringBuilder out, RolloutRecord r) {
        out.append("<details class=\"events\"><summary>All ").append(r.events().size())
                .append(" timeline events as a table</summary><table class=\"plain\"><thead><tr>")
                .append("<th scope=\"col\">Time</th><th scope=\"col\">Event</th><th scope=\"col\">Revision</th>")
                .append("<th scope=\"col\">Slot</th><th scope=\"col\">Detail</th></tr></thead><tbody>");
        int n = 0;
        for (TimelineEvent e : r.events()) {
            if (n++ == MAX_EVENT_ROWS) {
                break;
            }
            out.append("<tr class=\"ev-").append(e.type().name().toLowerCase()).append("\"><td class=\"num\">+")
                    .append(Format.duration(Math.max(0, e.atMillis() - r.startedAtMillis()))).append("</td><td>")
                    .append(e.type().name().toLowerCase().replace('_', ' ')).append("</td><td class=\"num\">")
                    .append(e.revision()).append("</td><td class=\"num\">").append(e.slot() < 0 ? "" : e.slot())
                    .append("</td><td>").append(Html.text(Html.clip(e.detail(), 300))).append("</td></tr>");
        }
        out.append("</tbody></table>");
        if (r.events().size() > MAX_EVENT_ROWS) {
            out.append("<p class=\"note\">").append(r.events().size() - MAX_EVENT_ROWS).append(" more events.</p>");
        }
        out.append("</details>");
    }
}
