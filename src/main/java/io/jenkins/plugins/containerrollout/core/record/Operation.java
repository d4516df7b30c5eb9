package io.jenkins.plugins.containerrollout.core.record;

/**
 * Whether a rollout moved an application forward to a requested revision or back to a recorded one.
 *
 * <p>Usage: {@code record.operation() == Operation.ROLLBACK}
 */
public enum Operation {
    DEPLOY,
    ROLLBACK
}
