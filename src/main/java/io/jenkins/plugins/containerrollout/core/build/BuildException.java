package io.jenkins.plugins.containerrollout.core.build;

/**
 * A build or push that failed for a reason the user can act on; the message is one line naming the cause
 * (e.g. {@code "RUN step 3/5 failed (exit 2): ..."}, {@code "push to 127.0.0.1:5001 refused: authentication required"}).
 *
 * <p>Usage: {@code throw new BuildException("Dockerfile not found: " + path);}
 */
public class BuildException extends Exception {
    private static final long serialVersionUID = 1L;

    public BuildException(String message) {
        super(message);
    }

    public BuildException(String message, Throwable cause) {
        super(message, cause);
    }
}
