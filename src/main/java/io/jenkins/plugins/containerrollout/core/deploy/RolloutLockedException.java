package io.jenkins.plugins.containerrollout.core.deploy;

/**
 * Thrown when another rollout of the same application holds its lock: rollouts of one application never interleave.
 *
 * <p>Usage: {@code catch (RolloutLockedException e) { listener.error(e.getMessage()); }}
 */
public class RolloutLockedException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public RolloutLockedException(String message) {
        super(message);
    }
}
