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
    /**
     * The target revision failed and nothing could be restored (or the restore failed too), or it failed with
     * automatic rollback off and the application is left as it was when it stopped.
     */
    FAILED,
    /**
     * The rollout holds at a pause it was asked for (a canary's manual step, a blue-green release without
     * auto-promotion) and waits for promote or abort: not a failure; the record's {@code pause} says where.
     */
    PAUSED,
    /**
     * Stopped from outside before it ended (a Jenkins build aborted while the step ran): the application is left as
     * it was at that moment, possibly between revisions, until the next deploy converges it or a rollback restores a
     * revision. Neither a success nor a failed change: what reached traffic is not known to whoever recorded it.
     * Also a paused rollout that was aborted (a rollback while it held): the stable revision serves again.
     */
    ABORTED
}
