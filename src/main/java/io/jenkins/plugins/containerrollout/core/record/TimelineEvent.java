package io.jenkins.plugins.containerrollout.core.record;

import io.jenkins.plugins.containerrollout.core.RequestException;
import java.io.Serializable;

/**
 * One thing that happened during a rollout, to one replica or to the whole application.
 *
 * <p>Usage: {@code new TimelineEvent(System.currentTimeMillis(), TimelineEvent.Type.READY, 7, 2, 20002, "health 200")}
 *
 * @param atMillis  when, in epoch milliseconds (a plain number keeps the JSON free of date-format questions)
 * @param type      what happened
 * @param revision  the replica's revision, or the target revision for application-wide events; 0 when none
 * @param slot      the replica's slot, or -1 for application-wide events
 * @param port      the replica's serving port, or 0
 * @param detail    human-readable detail (probe status, exit code, the serving ports after a traffic change)
 */
public record TimelineEvent(long atMillis, Type type, int revision, int slot, int port, String detail)
        implements Serializable {

    /** Kinds of timeline events; the metric computation relies on their meaning as documented here. */
    public enum Type {
        /** A replica that was already serving when the rollout began (the starting point of the run state). */
        SERVING,
        /** A replica container was created (or a kept one was found for re-use). */
        CREATED,
        /** A replica container was started. */
        STARTED,
        /** A replica passed its health gate and counts as available from now on. */
        READY,
        /** A replica failed: it exited or its health gate failed; it no longer counts as available. */
        FAILED,
        /** A replica was stopped on purpose; it no longer counts as available. */
        STOPPED,
        /** A probe result worth keeping (a failure or a change of state). */
        PROBE,
        /** The set of serving ports changed: what a router in front of the application would now send traffic to. */
        TRAFFIC,
        /** The rollout failed and began restoring the previous revision. */
        ROLLBACK_STARTED,
        /** The previous revision serves again with every desired replica ready. */
        RESTORED,
        /** A phase of the rollout began or ended (detail says which). */
        PHASE
    }

    public TimelineEvent {
        if (type == null) {
            throw new RequestException("type: required");
        }
        detail = detail == null ? "" : detail;
    }

    /** An application-wide event (no replica). */
    public static TimelineEvent app(long atMillis, Type type, int revision, String detail) {
        return new TimelineEvent(atMillis, type, revision, -1, 0, detail);
    }
}
