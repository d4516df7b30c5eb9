package io.jenkins.plugins.containerrollout.core.verify;

import io.jenkins.plugins.containerrollout.core.verify.junit.JunitReport;
import java.util.List;

/**
 * What a smoke-test container did: its exit, its log, and the JUnit results copied out of it.
 *
 * <p>Usage: {@code evidence.tests().failures()}
 *
 * @param image        the test image
 * @param container    the container's name (removed since)
 * @param targetUrl    the {@code TARGET_URL} it was given
 * @param exitCode     its exit code; -1 when it was killed for outliving its timeout
 * @param timedOut     whether it was killed
 * @param logExcerpt   the end of its output (bounded)
 * @param reportFiles  report paths found in the container
 * @param tests        the parsed reports' totals and failing cases
 * @param reportError  why no report could be read (missing, malformed with file and line), or ""
 * @param oomKilled    whether the kernel killed it for its memory limit (false when unknown)
 * @param engineError  the engine's error for it (a process that could not start), or ""
 */
public record SmokeTestEvidence(
        String image,
        String container,
        String targetUrl,
        int exitCode,
        boolean timedOut,
        String logExcerpt,
        List<String> reportFiles,
        JunitReport tests,
        String reportError,
        boolean oomKilled,
        String engineError) implements Evidence {
    private static final long serialVersionUID = 1L;

    public SmokeTestEvidence {
        reportFiles = List.copyOf(reportFiles);
        engineError = engineError == null ? "" : engineError;
    }

    /** Evidence of a container whose state said nothing more than its exit code. */
    public SmokeTestEvidence(String image, String container, String targetUrl, int exitCode, boolean timedOut,
            String logExcerpt, List<String> reportFiles, JunitReport tests, String reportError) {
        this(image, container, targetUrl, exitCode, timedOut, logExcerpt, reportFiles, tests, reportError, false, "");
    }
}
