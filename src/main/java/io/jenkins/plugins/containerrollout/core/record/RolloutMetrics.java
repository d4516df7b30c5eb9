package io.jenkins.plugins.containerrollout.core.record;

import java.io.Serializable;
import java.util.List;

/**
 * The numbers a rollout is judged by, all derived from its timeline by {@link MetricsCalculator}.
 *
 * <p>Usage: {@code RolloutMetrics m = MetricsCalculator.compute(events, 4, 7, Operation.DEPLOY, start, end);}
 *
 * @param runState            S(t) = ready / desired at every change of the ready count
 * @param availabilityFloor   the minimum of S(t) during the rollout
 * @param scaleRate           E: replicas made ready per second of rollout
 * @param rollbackRate        R: target-revision replicas rolled back / target-revision replicas updated (0 when none)
 * @param durationMillis      wall time of the whole rollout
 * @param timeToRestoreMillis from the failure (or the rollback request) until the restored revision served again; -1
 *                            when nothing was restored
 */
public record RolloutMetrics(
        List<RunStateSample> runState,
        double availabilityFloor,
        double scaleRate,
        double rollbackRate,
        long durationMillis,
        long timeToRestoreMillis) implements Serializable {

    public RolloutMetrics {
        runState = List.copyOf(runState);
    }
}
