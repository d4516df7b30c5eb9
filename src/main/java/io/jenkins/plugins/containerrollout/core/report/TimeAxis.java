package io.jenkins.plugins.containerrollout.core.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Maps rollout time to x pixels and draws the axis; the timeline and the run-state chart share one instance per
 * rollout so their x positions line up when read one above the other.
 */
final class TimeAxis {
    private final long start;
    private final long span;
    private final double left;
    private final double width;

    TimeAxis(long startMillis, long endMillis, double left, double width) {
        this.start = startMillis;
        this.span = Math.max(1, endMillis - startMillis);
        this.left = left;
        this.width = width;
    }

    /** Where the plot begins: the left margin, which holds the labels. */
    double left() {
        return left;
    }

    double x(long atMillis) {
        long clamped = Math.max(start, Math.min(start + span, atMillis));
        return left + width * (clamped - start) / span;
    }

    /** Seconds since the rollout began, as shown in tooltips. */
    String offset(long atMillis) {
        return "+" + Format.duration(Math.max(0, atMillis - start));
    }

    /** Tick offsets (ms) at a 1-2-5 step giving about eight ticks. */
    List<Long> ticks() {
        double raw = span / 8.0;
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = magnitude;
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * magnitude >= raw) {
                step = m * magnitude;
                break;
            }
        }
        long stepMillis = Math.max(1, Math.round(step));
        List<Long> ticks = new ArrayList<>();
        for (long t = 0; t <= span; t += stepMillis) {
            ticks.add(t);
        }
        return ticks;
    }

    /** {@code 0 s}, {@code 2.5 s}, {@code 2 min}: ticks fall on round numbers, so no padding digits. */
    private String tickLabel(long t) {
        if (span >= 180_000 && t % 60_000 == 0) {
            return t / 60_000 + " min";
        }
        return java.math.BigDecimal.valueOf(t, 3).stripTrailingZeros().toPlainString() + " s";
    }

    /** Vertical grid lines from {@code top} to {@code bottom} and labelled ticks below {@code bottom}. */
    void draw(StringBuilder svg, double top, double bottom) {
        svg.append("<g class=\"axis\">");
        for (long t : ticks()) {
            double x = x(start + t);
            svg.append("<line class=\"grid\" x1=\"").append(Format.px(x)).append("\" y1=\"").append(Format.px(top))
                    .append("\" x2=\"").append(Format.px(x)).append("\" y2=\"").append(Format.px(bottom)).append("\"/>")
                    .append("<text x=\"").append(Format.px(x)).append("\" y=\"").append(Format.px(bottom + 16))
                    .append("\" text-anchor=\"middle\">").append(tickLabel(t)).append("</text>");
        }
        svg.append("<text class=\"axis-label\" x=\"").append(Format.px(left + width)).append("\" y=\"")
                .append(Format.px(bottom + 32)).append("\" text-anchor=\"end\">time since the rollout began</text>");
        svg.append("</g>");
    }
}
