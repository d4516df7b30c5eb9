package io.jenkins.plugins.containerrollout.core;

/**
 * Where the core reports progress, one human-readable line at a time (the Jenkins console, the CLI's stderr).
 *
 * <p>Usage: {@code ProgressSink sink = System.err::println;}
 */
@FunctionalInterface
public interface ProgressSink {
    /** Discards everything; for callers that only want the result. */
    ProgressSink NONE = line -> { };

    /** Reports one line, without a trailing newline. */
    void line(String line);
}
