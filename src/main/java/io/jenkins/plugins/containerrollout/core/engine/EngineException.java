package io.jenkins.plugins.containerrollout.core.engine;

/**
 * The Docker engine could not be used: unreachable, TLS refused, or misconfigured. The message is one line that
 * names the engine and what to check, so the CLI and the Pipeline step can print it as is.
 *
 * <p>Usage: {@code catch (EngineException e) { listener.error(e.getMessage()); }}
 */
public class EngineException extends Exception {
    private static final long serialVersionUID = 1L;

    public EngineException(String message) {
        super(message);
    }

    public EngineException(String message, Throwable cause) {
        super(message, cause);
    }
}
