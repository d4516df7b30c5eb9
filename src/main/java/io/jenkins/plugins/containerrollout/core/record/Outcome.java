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
    PAUSED,
    /**
     * Stopped from outside before it ended (a Jenkins build aborted while the step ran): the application is left as
     * it was at that moment, possibly between revisions, until the next deploy converges it or a rollback restores a
     * revision. Neither a success nor a failed change: what reached traffic is not known to whoever recorded it.
     */
    ABORTED
}
