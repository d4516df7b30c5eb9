package io.jenkins.plugins.containerrollout.core.compose;

import java.io.Serializable;
import java.time.Duration;
import java.util.Locale;

/**
 * A service's {@code deploy.update_config:} (compose-spec {@code deploy.md}, "update_config"), with the spec's
 * defaults: parallelism 1, {@code stop-first}, no delay, {@code pause} on failure.
 *
 * <p>Usage: {@code strategy = rolling(u.maxSurge(), u.maxUnavailable()).withBatchDelay(u.delay())}
 *
 * @param parallelism   containers updated at a time; 0 means all at once
 * @param order         {@link Order#STOP_FIRST} (old stopped before the new starts) or {@link Order#START_FIRST}
 * @param delay         wait between batches
 * @param failureAction what to do when an update fails
 */
public record UpdateConfig(int parallelism, Order order, Duration delay, FailureAction failureAction)
        implements Serializable {

    /** The spec's defaults, for a service without {@code update_config}. */
    public static final UpdateConfig DEFAULTS = new UpdateConfig(1, Order.STOP_FIRST, Duration.ZERO, FailureAction.PAUSE);

    /** {@code update_config.order}. */
    public enum Order {
        /** {@code stop-first}: a batch of old replicas stops before its replacements start. */
        STOP_FIRST,
        /** {@code start-first}: the replacements start (and get ready) before the old ones stop. */
        START_FIRST
    }

    /** {@code update_config.failure_action}. */
    public enum FailureAction {
        /** {@code pause}: stop the update and leave it as it is. */
        PAUSE,
        /** {@code continue}: go on with the next batch. */
        CONTINUE,
        /** {@code rollback}: restore the previous revision. */
        ROLLBACK
    }

    /**
     * The batch as a rolling update's {@code maxSurge}: start-first adds {@code parallelism} replicas above the
     * desired count, stop-first none. {@code parallelism: 0} is the whole service ({@code "100%"}).
     */
    public String maxSurge() {
        return order == Order.START_FIRST ? batch() : "0";
    }

    /** The batch as {@code maxUnavailable}: stop-first takes {@code parallelism} replicas down, start-first none. */
    public String maxUnavailable() {
        return order == Order.STOP_FIRST ? batch() : "0";
    }

    private String batch() {
        return parallelism == 0 ? "100%" : Integer.toString(parallelism);
    }

    /** {@code stop-first} / {@code start-first}, {@code pause} / {@code continue} / {@code rollback}: the file's words. */
    static String word(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
