package io.jenkins.plugins.containerrollout.core.verify;

import java.io.Serializable;
import java.util.List;

/**
 * Each run of an exec check's command.
 *
 * <p>Usage: {@code evidence.runs().get(0).exitCode()}
 *
 * @param runs one per container the command ran in
 */
public record ExecEvidence(List<Run> runs) implements Evidence {
    private static final long serialVersionUID = 1L;

    public ExecEvidence {
        runs = List.copyOf(runs);
    }

    /**
     * One run.
     *
     * @param container      container name
     * @param exitCode       the command's exit code; -1 when it did not finish in time
     * @param timedOut       whether the run outlived the timeout
     * @param output         stdout and stderr interleaved, bounded to the first {@value OutputCapture#LIMIT} bytes
     * @param durationMillis wall time of the run
     */
    public record Run(String container, int exitCode, boolean timedOut, String output, long durationMillis)
            implements Serializable {
        private static final long serialVersionUID = 1L;
    }
}
