package io.jenkins.plugins.containerrollout.core.image;

import java.util.List;

/**
 * A build or push that failed for a reason the user can act on; the message is one line naming the cause
 * (e.g. {@code "Step 3/5 : RUN make failed (exit code 2); last output: ..."}, {@code "push of 127.0.0.1:5001/app:1
 * refused: ..."}). When a build step failed, {@link #outputTail()} holds its last output lines, one per element.
 *
 * <p>Usage: {@code throw new BuildException("Dockerfile not found: " + path);}
 */
public class BuildException extends Exception {
    private static final long serialVersionUID = 1L;

    private final List<String> outputTail;

    public BuildException(String message) {
        this(message, List.of());
    }

    public BuildException(String message, Throwable cause) {
        super(message, cause);
        this.outputTail = List.of();
    }

    /** A failed step: {@code message} names it, {@code outputTail} is what it printed last. */
    public BuildException(String message, List<String> outputTail) {
        super(message);
        this.outputTail = List.copyOf(outputTail);
    }

    /** The last lines the failing step printed (at most ten); empty when no step output is involved. */
    public List<String> outputTail() {
        return outputTail;
    }
}
