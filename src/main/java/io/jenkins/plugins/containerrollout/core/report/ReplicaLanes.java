package io.jenkins.plugins.containerrollout.core.report;

import io.jenkins.plugins.containerrollout.core.record.TimelineEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns a rollout's timeline into one lane per replica (revision × slot): the intervals it was starting or ready, and
 * the moments worth a marker. Kept apart from the drawing so the lane logic can be tested on plain events; a lane
 * can hold several intervals because a rollback re-starts kept replicas of the old revision.
 */
final class ReplicaLanes {
    /** Probe markers per lane beyond this are dropped: a flapping replica must not blow up the report. */
    static final int MAX_PROBE_MARKS = 20;

    enum Phase { STARTING, READY }

    record Segment(long from, long to, Phase phase) {
    }

    record Mark(long at, TimelineEvent.Type type, String detail) {
    }

    record Lane(int revision, int slot, int port, List<Segment> segments, List<Mark> marks) {
        String label() {
            return "rev " + revision + " \u00b7 slot " + slot;
        }
    }

    private ReplicaLanes() {
    }

    /** Lanes sorted by revision, then slot; open intervals end at {@code endMillis}. */
    static List<Lane> of(List<TimelineEvent> events, long startMillis, long endMillis) {
        Map<Long, Builder> byKey = new TreeMap<>();
        List<TimelineEvent> sorted = new ArrayList<>(events);
        sorted.sort(Comparator.comparingLong(TimelineEvent::atMillis));
        for (TimelineEvent e : sorted) {
            if (e.slot() < 0) {
                continue;
            }
            long key = ((long) e.revision() << 32) | (e.slot() & 0xffffffffL);
            byKey.computeIfAbsent(key, k -> new Builder(e.revision(), e.slot())).accept(e, startMillis);
        }
        List<Lane> lanes = new ArrayList<>();
        for (Builder b : byKey.values()) {
            lanes.add(b.finish(Math.max(endMillis, startMillis)));
        }
        return lanes;
    }

    private static final class Builder {
        private final int revision;
        private final int slot;
        private int port;
        private final List<Segment> segments = new ArrayList<>();
        private final List<Mark> marks = new ArrayList<>();
        private Phase open;
        private long openedAt;
        private int probes;

        Builder(int revision, int slot) {
            this.revision = revision;
            this.slot = slot;
        }

        void accept(TimelineEvent e, long rolloutStart) {
            port = e.port() > 0 ? e.port() : port;
            long at = Math.max(e.atMillis(), rolloutStart);
            switch (e.type()) {
                case CREATED, STARTED -> {
                    if (open == null) {
                        openAt(Phase.STARTING, at);
                    }
                    marks.add(new Mark(at, e.type(), e.detail()));
                }
                case READY, SERVING -> {
                    close(at);
                    openAt(Phase.READY, at);
                    marks.add(new Mark(at, e.type(), e.detail()));
                }
                case FAILED, STOPPED -> {
                    close(at);
                    marks.add(new Mark(at, e.type(), e.detail()));
                }
                case PROBE -> {
                    if (probes++ < MAX_PROBE_MARKS) {
                        marks.add(new Mark(at, e.type(), e.detail()));
                    }
                }
                default -> marks.add(new Mark(at, e.type(), e.detail()));
            }
        }

        private void openAt(Phase phase, long at) {
            open = phase;
            openedAt = at;
        }

        private void close(long at) {
            if (open != null) {
                segments.add(new Segment(openedAt, at, open));
                open = null;
            }
        }

        Lane finish(long end) {
            close(end);
            return new Lane(revision, slot, port, List.copyOf(segments), List.copyOf(marks));
        }
    }
}
