package io.jenkins.plugins.containerrollout.core.record;

/**
 * How a rollout ended.
 *
 * <p>Usage: {@code if (record.outcome() != Outcome.SUCCEEDED) { fail(record.message()); }}
 */
public enum Outcome {
    /** Every desired replica runs the target revision and passed its health gate. */
    SUCCEEDED,
    /** The target revision failed; the previous revision was restored automatically. */
    ROLLED_BACK,
    /** The target revision failed and nothing could be restored (or the restore failed too). */
    FAILED,
    /** The target revision failed with automatic rollback off: the application is left as it was when it stopped. */
    PAUSED
}
