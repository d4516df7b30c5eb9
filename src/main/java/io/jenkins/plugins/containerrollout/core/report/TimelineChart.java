package io.jenkins.plugins.containerrollout.core.report;

import io.jenkins.plugins.containerrollout.core.record.RolloutRecord;
import io.jenkins.plugins.containerrollout.core.record.TimelineEvent;
import io.jenkins.plugins.containerrollout.core.record.TimelineEvent.Type;
import io.jenkins.plugins.containerrollout.core.report.ReplicaLanes.Lane;
import io.jenkins.plugins.containerrollout.core.report.ReplicaLanes.Mark;
import io.jenkins.plugins.containerrollout.core.report.ReplicaLanes.Phase;
import io.jenkins.plugins.containerrollout.core.report.ReplicaLanes.Segment;
import java.util.List;

/**
 * The rollout timeline as SVG: an application lane on top (traffic changes, phases), then one lane per replica
 * (revision × slot) with its starting and ready intervals coloured by revision, failures and stops marked, and the
 * rollback window highlighted across all lanes.
 */
final class TimelineChart {
    static final double WIDTH = 1120;
    static final double LEFT = 150;
    static final double RIGHT = 24;
    /** Space between a lane label's end and the plot. */
    static final double LABEL_GAP = 8;
    private static final String APP_LABEL = "traffic \u00b7 phases";
    /** Lanes beyond this are summarised in one line: 50 replicas over two revisions still fit. */
    static final int MAX_LANES = 160;
    private static final double APP_LANE = 34;
    private static final double TOP = 8;

    private TimelineChart() {
    }

    /** The widest left margin a chart takes; a label wider than that is cut with its full text in a tooltip. */
    static final double MAX_LEFT = 420;
    /** Lane labels' font size in px (the CSS's {@code .lane-label}). */
    private static final double LABEL_PX = 11.5;

    static TimeAxis axis(RolloutRecord r) {
        double left = left(r);
        return new TimeAxis(r.startedAtMillis(), Math.max(r.finishedAtMillis(), r.startedAtMillis() + 1), left,
                WIDTH - left - RIGHT);
    }

    /**
     * The left margin both charts of a rollout use (they share one time axis): {@link #LEFT}, grown to the widest
     * lane label as {@link TextWidth} estimates it, so no label is cut at the chart's edge.
     */
    static double left(RolloutRecord r) {
        double widest = TextWidth.of(APP_LABEL, LABEL_PX);
        for (TimelineEvent e : r.events()) {
            if (e.slot() >= 0) {
                widest = Math.max(widest, TextWidth.of(label(e.revision(), e.slot(), e.port()), LABEL_PX));
            }
        }
        return Math.min(MAX_LEFT, Math.max(LEFT, Math.ceil(widest) + LABEL_GAP + 4));
    }

    /** A replica lane's label, {@code rev 7 · slot 1 · :18081}. */
    static String label(int revision, int slot, int port) {
        return new ReplicaLanes.Lane(revision, slot, port, List.of(), List.of()).label() + (port > 0 ? " \u00b7 :" + port
                : "");
    }

    static void render(StringBuilder out, RolloutRecord r, RevisionColors colors, String id) {
        List<Lane> all = ReplicaLanes.of(r.events(), r.startedAtMillis(), r.finishedAtMillis());
        List<Lane> lanes = all.size() > MAX_LANES ? all.subList(0, MAX_LANES) : all;
        double laneH = lanes.size() <= 16 ? 22 : Math.max(9, 400.0 / lanes.size());
        double lanesTop = TOP + APP_LANE + 6;
        double bottom = lanesTop + laneH * Math.max(1, lanes.size());
        double height = bottom + 40;
        TimeAxis axis = axis(r);
        double left = axis.left();

        out.append("<svg class=\"chart timeline\" role=\"img\" viewBox=\"0 0 ").append(Format.px(WIDTH)).append(' ')
                .append(Format.px(height)).append("\" aria-labelledby=\"").append(id).append("-t ").append(id)
                .append("-d\"><title id=\"").append(id).append("-t\">Timeline of ").append(Html.text(r.app()))
                .append("</title><desc id=\"").append(id).append("-d\">").append(Html.text(description(r, all)))
                .append("</desc>");
        Svg svg = new Svg(out);
        // painter's order: backgrounds, grid, rollback band, then what happened on top
        svg.rect("lane-bg app", left, TOP, WIDTH - left - RIGHT, APP_LANE, null, null);
        for (int i = 0; i < lanes.size(); i += 2) {
            svg.rect("lane-bg", left, lanesTop + i * laneH, WIDTH - left - RIGHT, laneH, null, null);
        }
        axis.draw(out, TOP, bottom);
        rollbackWindow(svg, r, axis, TOP, bottom);
        svg.text("lane-label", left - LABEL_GAP, TOP + APP_LANE / 2 + 4, "end", APP_LABEL);
        for (TimelineEvent e : r.events()) {
            if (e.slot() < 0) {
                appMark(svg, e, axis, TOP + APP_LANE / 2);
            }
        }
        double y = lanesTop;
        for (Lane lane : lanes) {
            lane(svg, lane, colors.of(lane.revision()), axis, y, laneH);
            y += laneH;
        }
        if (all.size() > lanes.size()) {
            svg.text("note", left, bottom + 30, "start", (all.size() - lanes.size()) + " more replica lanes not drawn");
        }
        out.append("</svg>");
    }

    private static void lane(Svg svg, Lane lane, String color, TimeAxis axis, double y, double h) {
        double mid = y + h / 2;
        String label = label(lane.revision(), lane.slot(), lane.port());
        svg.text(h >= 14 ? "lane-label" : "lane-label small", axis.left() - LABEL_GAP, mid + (h >= 14 ? 4 : 3), "end",
                fit(label, axis.left() - LABEL_GAP - 4));
        double barH = Math.max(4, h * 0.56);
        for (Segment s : lane.segments()) {
            boolean ready = s.phase() == Phase.READY;
            String what = ready ? "ready" : "starting";
            svg.rect(ready ? "bar ready" : "bar starting", axis.x(s.from()), mid - barH / 2,
                    axis.x(s.to()) - axis.x(s.from()), barH, color, label + ": " + what + " from " + axis.offset(s.from())
                            + " to " + axis.offset(s.to()));
        }
        for (Mark m : lane.marks()) {
            double x = axis.x(m.at());
            String tip = label + ": " + m.type().name().toLowerCase() + " at " + axis.offset(m.at())
                    + (m.detail().isEmpty() ? "" : " \u2013 " + Html.clip(m.detail(), 200));
            switch (m.type()) {
                case FAILED -> {
                    double r = Math.max(3.5, barH * 0.55);
                    svg.circle("mark failed", x, mid, r, null, tip);
                    svg.path("mark failed-x", cross(x, mid, r * 0.55), null);
                }
                case STOPPED -> svg.rect("mark stopped", x - 2, mid - barH / 2 - 2, 4, barH + 4, null, tip);
                case STARTED -> svg.circle("mark started", x, mid, Math.max(2, barH * 0.22), null, tip);
                case CREATED -> svg.line("mark created", x, mid - barH / 2, x, mid + barH / 2, tip);
                case PROBE -> svg.circle("mark probe", x, mid - barH / 2 - 1, 2.2, null, tip);
                default -> { }
            }
        }
    }

    /** {@code label}, cut with an ellipsis only if it is wider than {@link #MAX_LEFT} allows (the bars' tooltips name it). */
    static String fit(String label, double room) {
        String s = label;
        while (s.length() > 1 && TextWidth.of(s, LABEL_PX) > room) {
            s = s.substring(0, s.length() - 2) + "\u2026";
        }
        return s;
    }

    private static void appMark(Svg svg, TimelineEvent e, TimeAxis axis, double mid) {
        double x = axis.x(e.atMillis());
        String tip = e.type().name().toLowerCase().replace('_', ' ') + " at " + axis.offset(e.atMillis())
                + (e.detail().isEmpty() ? "" : " \u2013 " + Html.clip(e.detail(), 300));
        switch (e.type()) {
            case TRAFFIC -> svg.path("mark traffic", diamond(x, mid, 5), tip);
            case PHASE -> svg.path("mark phase", "M" + Format.px(x) + " " + Format.px(mid + 8) + "V" + Format.px(mid - 9)
                    + "l7 3.5l-7 3.5z", tip);
            case ROLLBACK_STARTED, RESTORED -> svg.circle(e.type() == Type.RESTORED ? "mark restored" : "mark rollback", x,
                    mid, 6, null, tip);
            case PROBE -> svg.circle("mark probe", x, mid, 2.5, null, tip);
            default -> { }
        }
    }

    /** The time from the rollback's start to the restore (or the end) shaded red across every lane. */
    static void rollbackWindow(Svg svg, RolloutRecord r, TimeAxis axis, double top, double bottom) {
        List<TimelineEvent> starts = r.eventsOf(Type.ROLLBACK_STARTED);
        if (starts.isEmpty()) {
            return;
        }
        long from = starts.get(0).atMillis();
        long to = r.eventsOf(Type.RESTORED).stream().mapToLong(TimelineEvent::atMillis).filter(t -> t >= from)
                .findFirst().orElse(r.finishedAtMillis());
        double x1 = axis.x(from);
        double x2 = axis.x(to);
        svg.rect("rollback-band", x1, top, x2 - x1, bottom - top, null,
                "rollback from " + axis.offset(from) + " to " + axis.offset(to) + " (" + Format.duration(to - from) + ")");
        svg.line("rollback-line", x1, top, x1, bottom, null);
        // labels stay inside the plot: one that would cross the right edge goes left of its line
        label(svg, "rollback-label", x1, top + 13, "rollback", 12);
        if (!r.eventsOf(Type.RESTORED).isEmpty()) {
            svg.line("restored-line", x2, top, x2, bottom, null);
            label(svg, "restored-label", x2, bottom - 6, "restored", 5);
        }
    }

    /** A bold 12 px label {@code gap} px right of {@code x}, or left of it when it would not fit before the edge. */
    private static void label(Svg svg, String cssClass, double x, double y, String text, double gap) {
        boolean roomRight = x + gap + TextWidth.of(text, 12) * 1.1 < WIDTH - 2;
        svg.text(cssClass, roomRight ? x + gap : x - gap, y, roomRight ? "start" : "end", text);
    }

    private static String description(RolloutRecord r, List<Lane> lanes) {
        long failed = r.eventsOf(Type.FAILED).size();
        return lanes.size() + " replica lanes over " + Format.duration(r.finishedAtMillis() - r.startedAtMillis())
                + ", revision " + r.fromRevision() + " to " + r.toRevision() + "; " + failed + " replica failures"
                + (r.eventsOf(Type.ROLLBACK_STARTED).isEmpty() ? "" : "; rollback highlighted")
                + ". The event table below lists the same events as text.";
    }

    private static String diamond(double x, double y, double r) {
        return "M" + Format.px(x) + " " + Format.px(y - r) + "L" + Format.px(x + r) + " " + Format.px(y) + "L"
                + Format.px(x) + " " + Format.px(y + r) + "L" + Format.px(x - r) + " " + Format.px(y) + "Z";
    }

    private static String cross(double x, double y, double r) {
        return "M" + Format.px(x - r) + " " + Format.px(y - r) + "L" + Format.px(x + r) + " " + Format.px(y + r) + "M"
                + Format.px(x + r) + " " + Format.px(y - r) + "L" + Format.px(x - r) + " " + Format.px(y + r);
    }
}
