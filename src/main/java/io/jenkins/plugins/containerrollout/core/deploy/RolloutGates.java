package io.jenkins.plugins.containerrollout.core.deploy;

import io.jenkins.plugins.containerrollout.core.RequestException;
import java.io.Serializable;

/**
 * The gates every strategy shares: when a new replica counts as available, when a rollout gives up, and what happens
 * then.
 *
 * <p>Usage: {@code RolloutGates.defaults().withProgressDeadlineSeconds(120)}
 *
 * @param minReadySeconds         how long a new replica must stay ready before it counts as available
 * @param progressDeadlineSeconds how long a rollout may go without a replica becoming available before it fails
 * @param failureRatio            failed new replicas / started new replicas tolerated (failed ones are replaced)
 *                                before the rollout fails; 0 fails on the first failure
 * @param autoRollback            restore the previous revision when the rollout fails; else leave it paused
 */
public record RolloutGates(int minReadySeconds, int progressDeadlineSeconds, double failureRatio, boolean autoRollback)
        implements Serializable {

    public RolloutGates {
        if (minReadySeconds < 0) {
            throw new RequestException("minReadySeconds: must be 0 or more (got " + minReadySeconds + ")");
        }
        if (progressDeadlineSeconds < 1) {
            throw new RequestException("progressDeadlineSeconds: must be at least 1 (got " + progressDeadlineSeconds
                    + "); the default is 600");
        }
        if (!(failureRatio >= 0 && failureRatio < 1)) {
            throw new RequestException("failureRatio: must be in [0, 1) (got " + failureRatio + ")");
        }
    }

    /** Kubernetes' Deployment defaults: available when ready, 600 s deadline, no failure tolerated, roll back. */
    public static RolloutGates defaults() {
        return new RolloutGates(0, 600, 0.0, true);
    }

    public RolloutGates withMinReadySeconds(int seconds) {
        return new RolloutGates(seconds, progressDeadlineSeconds, failureRatio, autoRollback);
    }

    public RolloutGates withProgressDeadlineSeconds(int seconds) {
        return new RolloutGates(minReadySeconds, seconds, failureRatio, autoRollback);
    }

    public RolloutGates withFailureRatio(double ratio) {
        return new RolloutGates(minReadySeconds, progressDeadlineSeconds, ratio, autoRollback);
    }

    public RolloutGates withAutoRollback(boolean enabled) {
        return new RolloutGates(minReadySeconds, progressDeadlineSeconds, failureRatio, enabled);
    }
}
