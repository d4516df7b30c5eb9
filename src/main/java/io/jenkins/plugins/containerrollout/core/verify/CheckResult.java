package io.jenkins.plugins.containerrollout.core.verify;

import java.io.Serializable;

/**
 * One check's verdict with what it measured.
 *
 * <p>Usage: {@code log(result.name() + ": " + result.summary());}
 *
 * @param name            the check's name
 * @param type            the check's type ({@code http}, {@code smokeTest}, ...)
 * @param status          passed, failed or skipped
 * @param summary         one line with the measured values, e.g. {@code "200 in 4.1 ms (attempt 2/3)"}
 * @param evidence        the measurements; null when skipped
 * @param startedAtMillis start, epoch milliseconds
 * @param durationMillis  wall time of the check
 */
public record CheckResult(
        String name,
        String type,
        CheckStatus status,
        String summary,
        Evidence evidence,
        long startedAtMillis,
        long durationMillis) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Whether the check ran and passed. */
    public boolean passed() {
        return status == CheckStatus.PASSED;
    }

    static CheckResult skipped(Check check, String why) {
        return new CheckResult(check.name(), check.type(), CheckStatus.SKIPPED, why, null, System.currentTimeMillis(), 0);
    }
}
