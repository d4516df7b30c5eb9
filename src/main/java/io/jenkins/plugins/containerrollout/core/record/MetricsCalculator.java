package io.jenkins.plugins.containerrollout.core.record;

import io.jenkins.plugins.containerrollout.core.record.TimelineEvent.Type;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Computes {@link RolloutMetrics} from a timeline. Kept apart from the deployer so the definitions live in one place
 * and can be checked on hand-made timelines:
 * <ul>
 *   <li>{@code SERVING} replicas are ready at the start; any other replica (revision + slot) is ready from its
 *       {@code READY} event until its {@code FAILED} or {@code STOPPED} event; S(t) = ready / desired, sampled at the
 *       start and at every change;</li>
 *   <li>E = {@code READY} events / rollout seconds (replicas serving before the rollout do not count);</li>
 *   <li>R = target-revision replicas that were started and then failed, or were stopped once a
 *       {@code ROLLBACK_STARTED} event occurred or while the target revision ended with no ready replica (an
 *       aborted canary stops its replicas before the rollback begins), divided by target-revision replicas started;</li>
 *   <li>time to restore: from the first sign of failure ({@link EventDetails#failure}: a failed replica, a failed
 *       canary analysis, the revision given up, or the rollback's start) to the last moment the good revision (a
 *       deploy: any but the target; a rollback: the target) again had every desired replica ready and got all the
 *       traffic ({@code TRAFFIC} events say where traffic goes; without them, every ready replica gets some), provided
 *       the rollout ended so; else the {@code RESTORED} event; a rollback without either counts its whole duration;
 *       -1 when nothing was restored.</li>
 * </ul>
 *
 * <p>Usage: {@code RolloutMetrics m = MetricsCalculator.compute(events, 4, 7, Operation.DEPLOY, start, end);}
 */
public final class MetricsCalculator {
    private MetricsCalculator() {
    }

    /**
     * @param events         the timeline, in any order
     * @param desired        desired replicas of the target (S(t)'s denominator)
     * @param targetRevision the revision the rollout moved to (R's subject)
     * @param operation      deploy or rollback (a rollback restores its target; a deploy restores the others)
     * @param startMillis    when the rollout began
     * @param endMillis      when it ended
     */
    public static RolloutMetrics compute(List<TimelineEvent> events, int desired, int targetRevision,
            Operation operation, long startMillis, long endMillis) {
        List<TimelineEvent> sorted = new ArrayList<>(events);
        sorted.sort(Comparator.comparingLong(TimelineEvent::atMillis));
        double perReplica = 1.0 / Math.max(1, desired);
        Restore restore = new Restore(desired, targetRevision, operation);
        restore.failureAt = operation == Operation.ROLLBACK ? startMillis : -1; // a rollback restores from its start

        // replicas serving before the rollout are its starting point, wherever their events sit in the timeline
        sorted.stream().filter(e -> e.type() == Type.SERVING).forEach(restore::ready);
        Set<String> ready = restore.ready.keySet();
        List<RunStateSample> runState = new ArrayList<>();
        runState.add(new RunStateSample(startMillis, ready.size(), ready.size() * perReplica));
        int madeReady = 0;
        Set<String> started = new HashSet<>();
        Set<String> stopped = new HashSet<>();
        Set<String> rolledBack = new HashSet<>();
        boolean rollbackBegun = false;
        for (TimelineEvent e : sorted) {
            String key = e.revision() + "/" + e.slot();
            boolean target = e.revision() == targetRevision;
            int before = ready.size();
            switch (e.type()) {
                case READY -> {
                    restore.ready(e);
                    madeReady++;
                }
                case STARTED -> {
                    if (target) {
                        started.add(key);
                    }
                }
                case FAILED -> {
                    restore.gone(key);
                    if (target && started.contains(key)) {
                        rolledBack.add(key);
                    }
                }
                case STOPPED -> {
                    restore.gone(key);
                    if (target && started.contains(key)) {
                        stopped.add(key);
                        if (rollbackBegun) {
                            rolledBack.add(key);
                        }
                    }
                }
                case ROLLBACK_STARTED -> rollbackBegun = true;
                case TRAFFIC -> restore.routed = EventDetails.routedPorts(e.detail()).orElse(null);
                default -> { }
            }
            restore.after(e);
            if (ready.size() != before) {
                runState.add(new RunStateSample(Math.max(e.atMillis(), startMillis), ready.size(), ready.size() * perReplica));
            }
        }
        if (operation == Operation.DEPLOY && restore.targetReady() == 0) {
            rolledBack.addAll(stopped); // the target revision was given up: its stopped replicas were rolled back
        }
        double floor = runState.stream().mapToDouble(RunStateSample::value).min().orElse(0.0);
        long duration = Math.max(0, endMillis - startMillis);
        double scaleRate = duration == 0 ? 0.0 : madeReady / (duration / 1000.0);
        double rollbackRate = started.isEmpty() ? 0.0 : (double) rolledBack.size() / started.size();
        return new RolloutMetrics(runState, floor, scaleRate, rollbackRate, duration,
                restore.millis(startMillis, endMillis));
    }

    /** Follows who is ready and where traffic goes, to find when the good revision served everything again. */
    private static final class Restore {
        private final int desired;
        private final int targetRevision;
        private final Operation operation;
        /** Ready replicas (revision/slot) with their revision and port. */
        final Map<String, int[]> ready = new HashMap<>();
        /** Ports the router sends traffic to since the last {@code TRAFFIC} event; null: not known. */
        Set<Integer> routed;
        long failureAt = -1;
        long restoredAt = -1;
        long restoredEvent = -1;
        private boolean restored;

        Restore(int desired, int targetRevision, Operation operation) {
            this.desired = desired;
            this.targetRevision = targetRevision;
            this.operation = operation;
        }

        void ready(TimelineEvent e) {
            ready.put(e.revision() + "/" + e.slot(), new int[] {e.revision(), e.port()});
        }

        void gone(String key) {
            ready.remove(key);
        }

        int targetReady() {
            return (int) ready.values().stream().filter(r -> r[0] == targetRevision).count();
        }

        private boolean good(int revision) {
            return (revision == targetRevision) == (operation == Operation.ROLLBACK);
        }

        void after(TimelineEvent e) {
            if (failureAt < 0 && EventDetails.failure(e)) {
                failureAt = e.atMillis();
            }
            if (e.type() == Type.RESTORED && restoredEvent < 0) {
                restoredEvent = e.atMillis();
            }
            boolean now = failureAt >= 0 && servesAll();
            if (now && !restored) {
                restoredAt = e.atMillis();
            }
            restored = now;
        }

        /** Every desired replica of a good revision ready, and no traffic to a replica of a bad one. */
        private boolean servesAll() {
            long good = ready.values().stream().filter(r -> good(r[0])).count();
            boolean badServes = ready.values().stream().anyMatch(r -> !good(r[0])
                    && (routed == null || routed.contains(r[1])));
            return good >= desired && !badServes;
        }

        long millis(long startMillis, long endMillis) {
            long from = failureAt >= 0 ? failureAt : startMillis;
            if (restored) {
                return Math.max(0, restoredAt - from);
            }
            if (restoredEvent >= 0) {
                return Math.max(0, restoredEvent - from);
            }
            return operation == Operation.ROLLBACK ? Math.max(0, endMillis - startMillis) : -1;
        }
    }
}
