package io.jenkins.plugins.containerrollout.core.swarm;

/**
 * The swarm manager refused a request or could not be reached. The message names the call and what the engine said
 * (e.g. "This node is not a swarm manager", "update out of sequence").
 *
 * <p>Usage: {@code catch (SwarmException e) { listener.error(e.getMessage()); }}
 */
public class SwarmException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;

    public SwarmException(String message, int status) {
        super(message);
        this.status = status;
    }

    /** The HTTP status the engine answered, or 0 when it could not be reached. */
    public int status() {
        return status;
    }
}
