package io.jenkins.plugins.containerrollout.core.deploy;

import io.jenkins.plugins.containerrollout.core.RequestException;
import java.io.Serializable;

/**
 * One step of a canary rollout: send {@code weight} percent of the traffic to the new revision, then analyse it for
 * {@code pauseSeconds} before the next step.
 *
 * <p>Usage: {@code new CanaryStep(10, 30)}
 *
 * @param weight       percentage of requests the new revision gets, 1 to 100
 * @param pauseSeconds how long the step lasts; the analysis spreads its requests over it (0: one quick burst)
 */
public record CanaryStep(int weight, int pauseSeconds) implements Serializable {
    public CanaryStep {
        if (weight < 1 || weight > 100) {
            throw new RequestException("steps: weight " + weight + " is out of range; use 1 to 100 (percent of "
                    + "traffic for the new revision)");
        }
        if (pauseSeconds < 0) {
            throw new RequestException("steps: pause " + pauseSeconds + " s must be 0 or more");
        }
    }
}
