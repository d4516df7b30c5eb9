package io.jenkins.plugins.containerrollout.core.verify.junit;

/**
 * How one test case ended once its reruns are taken into account.
 *
 * <p>Usage: {@code if (failed.outcome() == CaseOutcome.ERROR) ...}
 */
public enum CaseOutcome {
    PASSED,
    /** Passed on a rerun after failing ({@code flakyFailure}/{@code flakyError}): counts as passed, reported as flaky. */
    FLAKY,
    SKIPPED,
    /** An assertion failed ({@code failure}, or {@code rerunFailure} when every rerun failed too). */
    FAILED,
    /** The test could not run to an assertion ({@code error}, {@code rerunError}). */
    ERROR;

    /** Whether this outcome makes the report fail. */
    public boolean isFailure() {
        return this == FAILED || this == ERROR;
    }
}
