package io.jenkins.plugins.containerrollout.core.report;

import io.jenkins.plugins.containerrollout.core.analysis.AnalysisVerdict;
import io.jenkins.plugins.containerrollout.core.analysis.WindowResult;
import io.jenkins.plugins.containerrollout.core.record.EventDetails;
import io.jenkins.plugins.containerrollout.core.record.RolloutRecord;
import io.jenkins.plugins.containerrollout.core.record.TimelineEvent;
import io.jenkins.plugins.containerrollout.core.record.TimelineEvent.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * A canary's steps as a table: step i of n, the weight the plan set, the share of the router's weight the new
 * revision actually got, and each analysis at that step (an analysis is repeated at the same weight until it passes
 * or {@code failureLimit} is reached), then the promotion or the abort. All of it comes from the record's timeline
 * ({@code TRAFFIC} events and the record's analysis windows, or for records written before those were kept, the canary
 * {@code PROBE} events' text) and the {@code steps} setting; a step never reached says so.
 * The record has no per-revision count of the requests served, so "actual" is the router's weight share.
 */
final class CanarySteps {
    private CanarySteps() {
    }

    static void render(StringBuilder out, RolloutRecord r) {
        List<Integer> weights = planned(r);
        if (weights.isEmpty()) {
            return;
        }
        out.append("<h3>Canary steps</h3><table class=\"plain canary\"><thead><tr><th scope=\"col\">Step</th>")
                .append("<th scope=\"col\">Set weight</th><th scope=\"col\">Actual weight</th>")
                .append("<th scope=\"col\">Analysis</th></tr></thead><tbody>");
        for (int i = 0; i < weights.size(); i++) {
            int w = weights.get(i);
            TimelineEvent set = lastTraffic(r, w);
            List<TimelineEvent> analyses = r.events().stream()
                    .filter(e -> EventDetails.analysisWeight(e).equals(OptionalInt.of(w))).toList();
            // the structured windows when the record keeps them; the timeline's text for records written before
            List<WindowResult> windows = r.analysis().stream()
                    .filter(x -> AnalysisWindows.weightAt(r, x.fromMillis()).equals(OptionalInt.of(w))).toList();
            boolean failed = r.analysis().isEmpty() ? analyses.stream().anyMatch(EventDetails::failedAnalysis)
                    : windows.stream().anyMatch(x -> x.verdict() == AnalysisVerdict.FAIL);
            out.append("<tr").append(failed ? " class=\"ev-failed\"" : "").append("><td>").append(i + 1).append(" of ")
                    .append(weights.size()).append("</td><td class=\"num\">").append(w).append(" %</td><td class=\"num\">")
                    .append(set == null ? "not reached" : EventDetails.canaryShare(set.detail()).isPresent()
                            ? Format.px(EventDetails.canaryShare(set.detail()).getAsDouble()) + " %" : "")
                    .append("</td><td>");
            if (r.analysis().isEmpty() ? analyses.isEmpty() : windows.isEmpty()) {
                out.append(set == null ? "\u2013" : "no analysis recorded");
            }
            if (r.analysis().isEmpty()) {
                for (TimelineEvent a : analyses) {
                    out.append("<div><span class=\"tag ").append(EventDetails.failedAnalysis(a) ? "bad\">failed" : "ok\">passed")
                            .append("</span> ").append(Html.text(Html.clip(verdict(a.detail()), 400)));
                    since(out, r, a.atMillis());
                }
            }
            for (WindowResult x : windows) {
                out.append("<div>").append(AnalysisWindows.tag(x.verdict())).append(' ')
                        .append(x.source() == null ? "" : x.source().label()).append(": ")
                        .append(Html.text(Html.clip(x.reason(), 400)));
                since(out, r, x.toMillis());
            }
            out.append("</td></tr>");
        }
        TimelineEvent end = ending(r);
        if (end != null) {
            int w = EventDetails.canaryWeight(end.detail()).orElse(-1);
            out.append("<tr><td>").append(w == 0 ? "abort" : "promotion").append("</td><td class=\"num\">").append(w)
                    .append(" %</td><td class=\"num\">")
                    .append(Format.px(EventDetails.canaryShare(end.detail()).orElse(0))).append(" %</td><td>")
                    .append(w == 0 ? "the new revision taken out of the traffic at +" : "all traffic to the new revision at +")
                    .append(Format.duration(Math.max(0, end.atMillis() - r.startedAtMillis()))).append("</td></tr>");
        }
        out.append("</tbody></table>");
    }

    /** Closes an analysis line with when it was decided, after the rollout's start. */
    private static void since(StringBuilder out, RolloutRecord r, long atMillis) {
        out.append(" <span class=\"muted\">+").append(Format.duration(Math.max(0, atMillis - r.startedAtMillis())))
                .append("</span></div>");
    }

    /** The plan's weights from the {@code steps} setting, else the weights the timeline set between 0 and 100. */
    static List<Integer> planned(RolloutRecord r) {
        List<Integer> out = new ArrayList<>();
        String steps = r.settings().getOrDefault("steps", "");
        for (String s : steps.split(",")) {
            try {
                out.add(Integer.parseInt(s.trim().split(":")[0].trim()));
            } catch (NumberFormatException e) {
                // not a step: the timeline below decides
            }
        }
        if (out.isEmpty()) {
            for (TimelineEvent e : r.eventsOf(Type.TRAFFIC)) {
                int w = EventDetails.canaryWeight(e.detail()).orElse(0);
                if (w > 0 && w < 100 && !out.contains(w)) {
                    out.add(w);
                }
            }
        }
        return out;
    }

    private static TimelineEvent lastTraffic(RolloutRecord r, int weight) {
        TimelineEvent found = null;
        for (TimelineEvent e : r.eventsOf(Type.TRAFFIC)) {
            if (EventDetails.canaryWeight(e.detail()).equals(OptionalInt.of(weight))) {
                found = e;
            }
        }
        return found;
    }

    /** The canary's last traffic change when it is the promotion (100 %) or the abort (0 %). */
    private static TimelineEvent ending(RolloutRecord r) {
        TimelineEvent last = null;
        for (TimelineEvent e : r.eventsOf(Type.TRAFFIC)) {
            if (EventDetails.canaryWeight(e.detail()).isPresent()) {
                last = e;
            }
        }
        int w = last == null ? -1 : EventDetails.canaryWeight(last.detail()).getAsInt();
        return w == 0 || w == 100 ? last : null;
    }

    /** "49/60 ok (81.7 %), ...: failed (...)": the analysis without its "canary analysis at 20 % of URL" prefix. */
    private static String verdict(String detail) {
        int of = detail.indexOf(" of ");
        int colon = of < 0 ? -1 : detail.indexOf(": ", of);
        return colon < 0 ? detail : detail.substring(colon + 2);
    }
}
