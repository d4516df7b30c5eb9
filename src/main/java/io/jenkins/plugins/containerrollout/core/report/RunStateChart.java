package io.jenkins.plugins.containerrollout.core.report;

import io.jenkins.plugins.containerrollout.core.record.Operation;
import io.jenkins.plugins.containerrollout.core.record.RolloutRecord;
import io.jenkins.plugins.containerrollout.core.record.RunStateSample;
import java.util.List;

/**
 * The run state S(t) = ready / desired replicas as an SVG step chart on the same time axis as the timeline, 0–100 %
 * (higher while surge replicas are up), with its minimum – the availability floor – marked and labelled.
 */
final class RunStateChart {
    private static final double TOP = 14;
    private static final double PLOT = 150;

    private RunStateChart() {
    }

    /** The sample holding the minimum: the first one, if several share it (when the floor was first reached). */
    static RunStateSample minimum(List<RunStateSample> samples) {
        RunStateSample min = samples.get(0);
        for (RunStateSample s : samples) {
            if (s.value() < min.value()) {
                min = s;
            }
        }
        return min;
    }

    static void render(StringBuilder out, RolloutRecord r, String id) {
        List<RunStateSample> samples = r.metrics().runState();
        if (samples.isEmpty()) {
            out.append("<p class=\"note\">No run-state samples were recorded.</p>");
            return;
        }
        TimeAxis axis = TimelineChart.axis(r);
        double max = samples.stream().mapToDouble(RunStateSample::value).max().orElse(1);
        double yMax = Math.max(1.0, Math.ceil(max * 4) / 4);
        double bottom = TOP + PLOT;
        RunStateSample min = minimum(samples);
        String minText = firstDeploy(r) ? "first deploy: nothing served before revision " + r.toRevision()
                + ", so S starts at 0 %" : "minimum S = " + Format.percent(min.value()) + " (" + min.ready() + " of "
                + r.desiredReplicas() + " ready) at " + axis.offset(min.atMillis());

        out.append("<svg class=\"chart runstate\" role=\"img\" viewBox=\"0 0 ").append(Format.px(TimelineChart.WIDTH))
                .append(' ').append(Format.px(bottom + 40)).append("\" aria-labelledby=\"").append(id).append("-t ")
                .append(id).append("-d\"><title id=\"").append(id).append("-t\">Run state S(t) of ")
                .append(Html.text(r.app())).append("</title><desc id=\"").append(id).append("-d\">Share of desired replicas ready over time; ")
                .append(Html.text(minText)).append(".</desc>");
        Svg svg = new Svg(out);
        axis.draw(out, TOP, bottom);
        TimelineChart.rollbackWindow(svg, r, axis, TOP, bottom);
        for (double v = 0; v <= yMax + 1e-9; v += 0.25) {
            double y = y(v, yMax, bottom);
            svg.line(v == 1.0 ? "grid full" : "grid", axis.left(), y, TimelineChart.WIDTH - TimelineChart.RIGHT, y,
                    null).text("tick", axis.left() - TimelineChart.LABEL_GAP, y + 4, "end", Format.percent(v));
        }

        StringBuilder d = new StringBuilder();
        for (int i = 0; i < samples.size(); i++) {
            RunStateSample s = samples.get(i);
            double x = axis.x(s.atMillis());
            double yy = y(s.value(), yMax, bottom);
            if (i == 0) {
                d.append('M').append(Format.px(x)).append(' ').append(Format.px(yy));
            } else {
                d.append('H').append(Format.px(x)).append('V').append(Format.px(yy));
            }
        }
        d.append("H").append(Format.px(axis.x(r.finishedAtMillis())));
        String line = d.toString();
        svg.path("area", line + "V" + Format.px(bottom) + "H" + Format.px(axis.x(samples.get(0).atMillis())) + "Z", null);
        svg.path("step", line, "S(t), " + samples.size() + " changes; final " + Format.percent(
                samples.get(samples.size() - 1).value()));

        if (firstDeploy(r)) {
            // nothing served before: S starts at 0 by definition, and there was no availability to keep
            svg.text("tick", axis.left() + 8, TOP + 14, "start", minText);
            out.append("</svg>");
            return;
        }
        double mx = axis.x(min.atMillis());
        double my = y(min.value(), yMax, bottom);
        svg.line("floor", axis.left(), my, TimelineChart.WIDTH - TimelineChart.RIGHT, my, null);
        svg.circle("minimum", mx, my, 6, null, minText);
        // the label goes where it fits: right of the point unless that would cross the chart's right edge
        boolean leftSide = mx + 10 + TextWidth.of(minText, 12.5) > TimelineChart.WIDTH - 4;
        // the curve never goes below its minimum, so the space under the floor line is free for the label
        double labelY = my + 20 <= bottom - 4 ? my + 20 : my - 10;
        svg.text("minimum-label", leftSide ? mx - 10 : mx + 10, labelY, leftSide ? "end" : "start", minText);
        out.append("</svg>");
    }

    /** A deploy with no revision before it: its S(t) starts at 0 and its floor is no alarm. */
    static boolean firstDeploy(RolloutRecord r) {
        return r.operation() == Operation.DEPLOY && r.fromRevision() == 0;
    }

    private static double y(double value, double yMax, double bottom) {
        return bottom - PLOT * Math.max(0, value) / yMax;
    }
}
