package io.jenkins.plugins.containerrollout.core.deploy;

import io.jenkins.plugins.containerrollout.core.RequestException;
import java.io.Serializable;
import java.util.List;

/**
 * A container healthcheck a revision's replicas carry, overriding the image's HEALTHCHECK (a Compose service's
 * {@code healthcheck:}): the engine runs it, and the deployer then gates readiness on the engine's health status
 * instead of its own HTTP probe. Times in milliseconds; 0 keeps the image's (or the engine's default) value.
 *
 * <p>Usage: {@code new ContainerHealthcheck(List.of("CMD-SHELL", "wget -q -O- http://127.0.0.1:$PORT/health"), 1000,
 * 2000, 3, 0)}
 *
 * @param test             {@code ["CMD", ...]}, {@code ["CMD-SHELL", "..."]}, or {@code ["NONE"]} to switch the
 *                         image's HEALTHCHECK off; null keeps the image's test (only the timings change)
 * @param intervalMillis   time between checks
 * @param timeoutMillis    how long one check may run
 * @param retries          consecutive failures that make the container unhealthy
 * @param startPeriodMillis start-up time during which failures do not count
 */
public record ContainerHealthcheck(List<String> test, long intervalMillis, long timeoutMillis, int retries,
        long startPeriodMillis) implements Serializable {
    private static final long serialVersionUID = 1L;

    public ContainerHealthcheck {
        test = test == null ? null : List.copyOf(test);
        if (test != null && (test.isEmpty() || !List.of("CMD", "CMD-SHELL", "NONE").contains(test.get(0)))) {
            throw new RequestException("healthcheck.test: " + test + " must start with CMD, CMD-SHELL or NONE, e.g. "
                    + "[\"CMD-SHELL\", \"wget -q -O- http://127.0.0.1:$PORT/health || exit 1\"]");
        }
        if (intervalMillis < 0 || timeoutMillis < 0 || retries < 0 || startPeriodMillis < 0) {
            throw new RequestException("healthcheck: interval, timeout, retries and start_period must not be negative");
        }
        if (intervalMillis > 0 && intervalMillis < 1 || timeoutMillis > 0 && timeoutMillis < 1) {
            throw new RequestException("healthcheck: interval and timeout need at least 1 ms");
        }
    }

    /** The image's HEALTHCHECK switched off: readiness falls back to the HTTP probe. */
    public static ContainerHealthcheck none() {
        return new ContainerHealthcheck(List.of("NONE"), 0, 0, 0, 0);
    }

    /** Whether this switches the image's check off. */
    public boolean disabled() {
        return test != null && test.get(0).equals("NONE");
    }

    /**
     * Whether the engine runs a check on the replicas, so its health status gates readiness.
     *
     * @param imageHasOne whether the image declares a HEALTHCHECK (kept when this names no test)
     */
    public boolean runs(boolean imageHasOne) {
        return test == null ? imageHasOne : !disabled();
    }
}
