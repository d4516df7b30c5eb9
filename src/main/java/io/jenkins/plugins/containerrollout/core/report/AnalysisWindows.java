package io.jenkins.plugins.containerrollout.core.report;

import io.jenkins.plugins.containerrollout.core.analysis.AnalysisSource;
import io.jenkins.plugins.containerrollout.core.analysis.AnalysisVerdict;
import io.jenkins.plugins.containerrollout.core.analysis.WindowResult;
import io.jenkins.plugins.containerrollout.core.record.EventDetails;
import io.jenkins.plugins.containerrollout.core.record.RolloutRecord;
import io.jenkins.plugins.containerrollout.core.record.TimelineEvent;
import java.util.List;
import java.util.OptionalInt;

/**
 * A canary's analysis windows ({@link RolloutRecord#analysis()}) as a table, one row per window: the step it belongs
 * to, when it began (after the rollout's start) and how long it ran, where its numbers come from, the canary's and the
 * stable revision's requests, failures and success ratio, their average latency, the Prometheus query and its value,
 * the verdict, the thresholds, and the reason on a line of its own below. A failed window is marked. The window carries no weight of its
 * own, so its step is the canary weight of the last {@code TRAFFIC} event at or before the window began.
 */
final class AnalysisWindows {
    /** Rows of the table: inconclusive windows extend a pause, so a long canary may have many. */
    static final int MAX_ROWS = 200;
    private static final List<String> HEADINGS = List.of("Step", "Window", "Source", "Canary", "Stable",
            "Avg latency canary / stable", "Query = value", "Verdict", "Thresholds");

    private AnalysisWindows() {
    }

    static void render(StringBuilder out, RolloutRecord r) {
        List<WindowResult> windows = r.analysis();
        if (windows.isEmpty()) {
            return;
        }
        List<Integer> plan = CanarySteps.planned(r);
        out.append("<h3>Analysis windows</h3><table class=\"plain analysis\"><thead><tr>");
        for (String h : HEADINGS) {
            out.append("<th scope=\"col\">").append(h).append("</th>");
        }
        out.append("</tr></thead>");
        int n = 0;
        for (WindowResult w : windows) {
            if (n++ == MAX_ROWS) {
                break;
            }
            // one body per window: its numbers, then its reason across the table (too long for a column)
            out.append("<tbody").append(w.verdict() == AnalysisVerdict.FAIL ? " class=\"window-failed\"" : "").append("><tr><td>")
                    .append(step(plan, weightAt(r, w.fromMillis()))).append("</td><td class=\"num\">+")
                    .append(Format.duration(Math.max(0, w.fromMillis() - r.startedAtMillis()))).append(" for ")
                    .append(Format.duration(Math.max(0, w.millis()))).append("</td><td>")
                    .append(w.source() == null ? "" : w.source().label()).append("</td><td class=\"num\">")
                    .append(w.source() == AnalysisSource.PROMETHEUS ? "\u2013" : traffic(w.canaryRequests(), w.canaryFailures()))
                    .append("</td><td class=\"num\">")
                    .append(w.source() == AnalysisSource.ROUTER ? traffic(w.stableRequests(), w.stableFailures()) : "\u2013")
                    .append("</td><td class=\"num\">").append(millis(w.canaryAvgResponseMillis())).append(" / ")
                    .append(millis(w.stableAvgResponseMillis())).append("</td><td>").append(query(w)).append("</td><td>")
                    .append(tag(w.verdict())).append("</td><td>").append(Html.text(Html.clip(w.thresholds(), 300)))
                    .append("</td></tr><tr><td class=\"reason\" colspan=\"").append(HEADINGS.size()).append("\">")
                    .append(Html.text(Html.clip(w.reason(), 600))).append("</td></tr></tbody>");
        }
        out.append("</table>");
        if (windows.size() > MAX_ROWS) {
            out.append("<p class=\"note\">").append(windows.size() - MAX_ROWS).append(" more windows.</p>");
        }
    }

    /**
     * The canary weight set by the last canary {@code TRAFFIC} event at or before {@code millis}: the step a window
     * that began then belongs to. Empty before the first one.
     */
    static OptionalInt weightAt(RolloutRecord r, long millis) {
        OptionalInt weight = OptionalInt.empty();
        for (TimelineEvent e : r.eventsOf(TimelineEvent.Type.TRAFFIC)) {
            if (e.atMillis() > millis) {
                break;
            }
            OptionalInt w = EventDetails.canaryWeight(e.detail());
            if (w.isPresent()) {
                weight = w;
            }
        }
        return weight;
    }

    /** The verdict as a word on a colour: {@code passed}, {@code failed}, {@code inconclusive}. */
    static String tag(AnalysisVerdict v) {
        if (v == null) {
            return "";
        }
        return switch (v) {
            case PASS -> "<span class=\"tag ok\">passed</span>";
            case FAIL -> "<span class=\"tag bad\">failed</span>";
            case INCONCLUSIVE -> "<span class=\"tag neutral\">inconclusive</span>";
        };
    }

    /** {@code 2 of 3 · 10 %}; a weight the plan does not list as itself; "–" before the first canary weight. */
    private static String step(List<Integer> plan, OptionalInt weight) {
        if (weight.isEmpty()) {
            return "\u2013";
        }
        int i = plan.indexOf(weight.getAsInt());
        return (i < 0 ? "" : (i + 1) + " of " + plan.size() + " \u00b7 ") + weight.getAsInt() + " %";
    }

    /** {@code 40 requests, 40 failed<br>0.0 % ok}; "no requests" when there were none. */
    private static String traffic(long requests, long failures) {
        if (requests <= 0) {
            return "no requests";
        }
        return requests + " requests, " + failures + " failed<br>" + Format.px(100.0 * (requests - failures) / requests)
                + " % ok";
    }

    private static String millis(double ms) {
        return ms < 0 ? "\u2013" : Format.px(ms) + " ms";
    }

    private static String query(WindowResult w) {
        if (w.query() == null) {
            return "\u2013";
        }
        return "<code>" + Html.text(Html.clip(w.query(), 400)) + "</code> = "
                + (w.value() == null ? "no series" : Html.text(String.valueOf(w.value())));
    }
}
