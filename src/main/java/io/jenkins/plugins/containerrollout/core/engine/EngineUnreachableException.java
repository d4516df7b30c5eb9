package io.jenkins.plugins.containerrollout.core.engine;

import com.github.dockerjava.api.exception.DockerClientException;

/**
 * Nothing answers at the Docker engine address that was tried: the socket is missing, the port refuses, the host is
 * unknown. Said the way the docker CLI says it — which address, what happened there, what to check — and how to
 * point at another engine, in the words of whoever asked: the CLI names {@code --docker-host}, a Pipeline step its
 * {@code dockerHost} parameter ({@link #messageFor}). It is a {@link DockerClientException}, as the transport's own
 * failures were, so every caller that treats those as engine failures still does.
 *
 * <p>Usage: {@code EngineUnreachableException u = EngineUnreachableException.in(e); if (u != null) err.println(u.messageFor("--docker-host"));}
 */
public class EngineUnreachableException extends DockerClientException {
    private static final long serialVersionUID = 1L;
    /** The setting named when the core does not know who asked (a record, a log line). */
    static final String EITHER_SETTING = "--docker-host (CLI), dockerHost (Pipeline step)";

    private final String address;
    private final String reason;
    private final String advice;

    /**
     * @param address the engine address tried, as given ({@code unix:///var/run/docker.sock})
     * @param reason  what happened there ({@code nothing answers (connection refused)})
     * @param advice  what to check, a question ({@code is dockerd running?})
     * @param cause   the transport's failure
     */
    public EngineUnreachableException(String address, String reason, String advice, Throwable cause) {
        super(text(address, reason, advice, EITHER_SETTING), cause);
        this.address = address;
        this.reason = reason;
        this.advice = advice;
    }

    /** The address that was tried. */
    public String address() {
        return address;
    }

    /** The message naming {@code setting} (an option or parameter) as the way to point at another engine. */
    public String messageFor(String setting) {
        return text(address, reason, advice, setting);
    }

    /** The first of these in {@code failure}'s causes (itself included), or null. */
    public static EngineUnreachableException in(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof EngineUnreachableException u) {
                return u;
            }
        }
        return null;
    }

    private static String text(String address, String reason, String advice, String setting) {
        return "cannot reach the Docker engine at " + address + ": " + reason + " — " + advice
                + " To use another engine, set " + setting + " or DOCKER_HOST";
    }
}
