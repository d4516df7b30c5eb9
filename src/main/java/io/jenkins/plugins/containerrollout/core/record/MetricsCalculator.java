package io.jenkins.plugins.containerrollout.core.record;

import io.jenkins.plugins.containerrollout.core.record.TimelineEvent.Type;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
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
 *       {@code ROLLBACK_STARTED} event occurred, divided by target-revision replicas started;</li>
 *   <li>time to restore: from the first {@code FAILED} event (else {@code ROLLBACK_STARTED}) to {@code RESTORED};
 *       for a manual rollback, the whole rollout.</li>
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
     * @param operation      deploy or rollback (a rollback's whole duration is its time to restore)
     * @param startMillis    when the rollout began
     * @param endMillis      when it ended
     */
    public static RolloutMetrics compute(List<TimelineEvent> events, int desired, int targetRevision,
            Operation operation, long startMillis, long endMillis) {
        List<TimelineEvent> sorted = new ArrayList<>(events);
        sorted.sort(Comparator.comparingLong(TimelineEvent::atMillis));
        double perReplica = 1.0 / Math.max(1, desired);

        // replicas serving before the rollout are its starting point, wherever their events sit in the timeline
        Set<String> ready = new HashSet<>();
        sorted.stream().filter(e -> e.type() == Type.SERVING).forEach(e -> ready.add(e.revision() + "/" + e.slot()));
        List<RunStateSample> runState = new ArrayList<>();
        runState.add(new RunStateSample(startMillis, ready.size(), ready.size() * perReplica));
        int madeReady = 0;
        Set<String> started = new HashSet<>();
        Set<String> rolledBack = new HashSet<>();
        long rollbackAt = -1;
        long firstFailure = -1;
        long restoredAt = -1;
        for (TimelineEvent e : sorted) {
            String key = e.revision() + "/" + e.slot();
            boolean target = e.revision() == targetRevision;
            boolean changed = false;
            switch (e.type()) {
                case READY -> {
                    changed = ready.add(key);
                    madeReady++;
                }
                case STARTED -> {
                    if (target) {
                        started.add(key);
                    }
                }
                case FAILED -> {
                    changed = ready.remove(key);
                    firstFailure = firstFailure < 0 ? e.atMillis() : firstFailure;
                    if (target && started.contains(key)) {
                        rolledBack.add(key);
                    }
                }
                case STOPPED -> {
                    changed = ready.remove(key);
                    if (target && rollbackAt >= 0 && started.contains(key)) {
                        rolledBack.add(key);
                    }
                }
                case ROLLBACK_STARTED -> rollbackAt = rollbackAt < 0 ? e.atMillis() : rollbackAt;
                case RESTORED -> restoredAt = e.atMillis();
                default -> { }
            }
            if (changed) {
                runState.add(new RunStateSample(Math.max(e.atMillis(), startMillis), ready.size(), ready.size() * perReplica));
            }
        }
        double floor = runState.stream().mapToDouble(RunStateSample::value).min().orElse(0.0);
        long duration = Math.max(0, endMillis - startMillis);
        double scaleRate = duration == 0 ? 0.0 : madeReady / (duration / 1000.0);
        double rollbackRate = started.isEmpty() ? 0.0 : (double) rolledBack.size() / started.size();
        long timeToRestore = -1;
        if (operation == Operation.ROLLBACK) {
            timeToRestore = duration;
        } else if (restoredAt >= 0) {
            long from = firstFailure >= 0 ? firstFailure : rollbackAt >= 0 ? rollbackAt : startMillis;
            timeToRestore = Math.max(0, restoredAt - from);
        }
        return new RolloutMetrics(runState, floor, scaleRate, rollbackRate, duration, timeToRestore);
    }
}
