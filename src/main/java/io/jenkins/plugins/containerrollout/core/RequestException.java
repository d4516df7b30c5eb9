package io.jenkins.plugins.containerrollout.core;

/**
 * A request a user wrote cannot be carried out as given: the message names the parameter (as the steps and the CLI
 * spell it) and the fix. Front-ends print it as a user error and nothing else: a corrupt engine label or a bug
 * surfaces as its own exception, never dressed as a user's mistake. Nothing in the engine has changed when it is
 * thrown.
 *
 * <p>Usage: {@code throw new RequestException("replicas: must be at least 1 (got 0)");}
 */
public class RequestException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public RequestException(String message) {
        super(message);
    }

    public RequestException(String message, Throwable cause) {
        super(message, cause);
    }
}
