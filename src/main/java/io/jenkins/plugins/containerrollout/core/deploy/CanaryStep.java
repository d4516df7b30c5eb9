package io.jenkins.plugins.containerrollout.core.deploy;

import io.jenkins.plugins.containerrollout.core.RequestException;
import java.io.Serializable;

/**
 * One step of a canary rollout: send {@code weight} percent of the traffic to the new revision, then analyse it for
 * {@code pauseSeconds} before the next step, or ({@link #manual}) hold it there until someone promotes or aborts the
 * rollout: the deploy returns {@code PAUSED} and {@code promote} goes on from the next step.
 *
 * <p>Usage: {@code new CanaryStep(10, 30)}, {@code CanaryStep.manual(10)}
 *
 * @param weight       percentage of requests the new revision gets, 1 to 100
 * @param pauseSeconds how long the step lasts; the analysis spreads its requests over it (0: one quick burst);
 *                     {@link #MANUAL} holds until promoted
 */
public record CanaryStep(int weight, int pauseSeconds) implements Serializable {
    /** The pause of a step that holds its weight until the rollout is promoted. */
    public static final int MANUAL = -1;

    public CanaryStep {
        if (weight < 1 || weight > 100) {
            throw new RequestException("steps: weight " + weight + " is out of range; use 1 to 100 (percent of "
                    + "traffic for the new revision)");
        }
        if (pauseSeconds < MANUAL) {
            throw new RequestException("steps: pause " + pauseSeconds + " s must be 0 or more, or 'manual' to hold "
                    + "the weight until promoted");
        }
    }

    /** A step that holds {@code weight} until the rollout is promoted (or aborted by a rollback). */
    public static CanaryStep manual(int weight) {
        return new CanaryStep(weight, MANUAL);
    }

    /** Whether this step holds until promoted rather than for a number of seconds. */
    public boolean manual() {
        return pauseSeconds == MANUAL;
    }

    /** As the steps are written: {@code 10:30} or {@code 10:manual}. */
    public String text() {
        return weight + ":" + (manual() ? "manual" : String.valueOf(pauseSeconds));
    }
}
