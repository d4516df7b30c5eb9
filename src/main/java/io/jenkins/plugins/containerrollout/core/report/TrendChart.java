package io.jenkins.plugins.containerrollout.core.report;

import io.jenkins.plugins.containerrollout.core.metrics.BuildTrend;
import java.util.List;
import java.util.function.LongFunction;
import java.util.function.ToLongFunction;

/**
 * The job page's trend charts as server-rendered SVG: one bar per build, oldest on the left, stacked by series, each
 * bar with a {@code <title>} tooltip and the legend in words (never colour alone). No script, no external reference;
 * every piece of text goes through {@link Html#text}, so the markup can be put into a page as it is.
 *
 * <p>Usage: {@code String svg = TrendChart.outcomes("Rollout outcomes", trends);}
 */
public final class TrendChart {
    static final int WIDTH = 480;
    static final int HEIGHT = 170;
    private static final int LEFT = 44;
    private static final int RIGHT = 8;
    private static final int TOP = 24;
    private static final int BOTTOM = 36;

    /** A stacked part of each bar. */
    record Series(String name, String color, ToLongFunction<BuildTrend> value) {
    }

    private TrendChart() {
    }

    /** Rollout duration per build. */
    public static String duration(String title, List<BuildTrend> builds) {
        return render(title, builds, List.of(new Series("duration", "#0969da", BuildTrend::durationMillis)), TrendChart::seconds);
    }

    /** Rollouts per build by outcome: succeeded, rolled back, failed. */
    public static String outcomes(String title, List<BuildTrend> builds) {
        return render(title, builds, List.of(
                new Series("succeeded", "#1a7f37", BuildTrend::succeeded),
                new Series("rolled back", "#9a6700", BuildTrend::rolledBack),
                new Series("failed", "#cf222e", BuildTrend::failed)), Long::toString);
    }

    /** Test cases per build: passed, failed. */
    public static String tests(String title, List<BuildTrend> builds) {
        return render(title, builds, List.of(
                new Series("passed", "#1a7f37", BuildTrend::testsPassed),
                new Series("failed", "#cf222e", BuildTrend::testsFailed)), Long::toString);
    }

    static String render(String title, List<BuildTrend> builds, List<Series> series, LongFunction<String> format) {
        long max = 0;
        for (BuildTrend b : builds) {
            max = Math.max(max, total(b, series));
        }
        // the margin grows to the axis label (a long duration), so the label is never cut at the chart's left edge
        String maxLabel = format.apply(max);
        int left = Math.max(LEFT, (int) Math.ceil(TextWidth.of(maxLabel, 10)) + 8);
        StringBuilder svg = new StringBuilder(512 + builds.size() * 160);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"cr-trend\" role=\"img\" width=\"").append(WIDTH)
                .append("\" height=\"").append(HEIGHT).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" aria-label=\"").append(Html.attr(title)).append("\"><title>").append(Html.text(title))
                .append("</title><text x=\"").append(left).append("\" y=\"14\" font-size=\"12\" font-weight=\"600\">")
                .append(Html.text(title)).append("</text>");
        int plotW = WIDTH - left - RIGHT;
        int plotH = HEIGHT - TOP - BOTTOM;
        int baseY = TOP + plotH;
        svg.append("<line x1=\"").append(left).append("\" y1=\"").append(baseY).append("\" x2=\"").append(WIDTH - RIGHT)
                .append("\" y2=\"").append(baseY).append("\" stroke=\"#8c959f\"/>")
                .append("<text x=\"").append(left - 4).append("\" y=\"").append(TOP + 4)
                .append("\" font-size=\"10\" text-anchor=\"end\">").append(Html.text(maxLabel)).append("</text>");
        if (builds.isEmpty()) {
            svg.append("<text x=\"").append(left + plotW / 2).append("\" y=\"").append(TOP + plotH / 2)
                    .append("\" font-size=\"12\" text-anchor=\"middle\">no rollouts yet</text>");
        }
        double slot = builds.isEmpty() ? plotW : (double) plotW / builds.size();
        double barW = Math.max(1, slot * 0.7);
        int labelEvery = Math.max(1, (int) Math.ceil(builds.size() / 12.0));
        for (int i = 0; i < builds.size(); i++) {
            BuildTrend b = builds.get(i);
            double x = left + i * slot + (slot - barW) / 2;
            StringBuilder tip = new StringBuilder("#").append(b.build());
            svg.append("<g class=\"bar\">");
            double y = baseY;
            for (Series s : series) {
                long v = s.value().applyAsLong(b);
                tip.append(", ").append(s.name()).append(' ').append(format.apply(v));
                if (v <= 0 || max == 0) {
                    continue;
                }
                double h = (double) v / max * plotH;
                y -= h;
                num(num(num(num(svg.append("<rect x=\""), x).append("\" y=\""), y).append("\" width=\""), barW)
                        .append("\" height=\""), h).append("\" fill=\"").append(s.color()).append("\"/>");
            }
            // A transparent full-height target carries the tooltip, so empty builds have one too.
            num(num(svg.append("<rect x=\""), left + i * slot).append("\" y=\"").append(TOP).append("\" width=\""), slot)
                    .append("\" height=\"").append(plotH).append("\" fill=\"transparent\"><title>")
                    .append(Html.text(tip)).append("</title></rect></g>");
            if (i % labelEvery == 0) {
                num(svg.append("<text x=\""), left + i * slot + slot / 2).append("\" y=\"").append(baseY + 12)
                        .append("\" font-size=\"9\" text-anchor=\"middle\">#").append(b.build()).append("</text>");
            }
        }
        double lx = left;
        for (Series s : series) {
            num(num(svg.append("<rect x=\""), lx).append("\" y=\"").append(HEIGHT - 12).append("\" width=\"10\" height=\"10\" fill=\"")
                    .append(s.color()).append("\"/><text x=\""), lx + 14).append("\" y=\"").append(HEIGHT - 3)
                    .append("\" font-size=\"10\">").append(Html.text(s.name())).append("</text>");
            lx += 24 + TextWidth.of(s.name(), 10);
        }
        return svg.append("</svg>").toString();
    }

    private static long total(BuildTrend b, List<Series> series) {
        long t = 0;
        for (Series s : series) {
            t += Math.max(0, s.value().applyAsLong(b));
        }
        return t;
    }

    /** {@code 4.2 s}; by hand, because {@code String.format} costs more than the rest of a bar on a cold JVM. */
    private static String seconds(long millis) {
        long tenths = Math.round(millis / 100.0);
        return new StringBuilder(12).append(tenths / 10).append('.').append(tenths % 10).append(" s").toString();
    }

    /** One decimal at most, appended in place: string concatenation would cost a bootstrap per call site on a cold JVM. */
    private static StringBuilder num(StringBuilder out, double v) {
        long r = Math.round(v * 10);
        out.append(r / 10);
        return r % 10 == 0 ? out : out.append('.').append(Math.abs(r % 10));
    }
}
