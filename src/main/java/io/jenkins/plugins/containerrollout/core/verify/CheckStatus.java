package io.jenkins.plugins.containerrollout.core.verify;

/**
 * A check's verdict.
 *
 * <p>Usage: {@code if (result.status() == CheckStatus.SKIPPED) ...}
 */
public enum CheckStatus {
    PASSED,
    FAILED,
    /** Not run: an earlier check failed and the request asked to fail fast. */
    SKIPPED
}
