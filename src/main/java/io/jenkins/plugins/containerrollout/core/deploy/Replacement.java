package io.jenkins.plugins.containerrollout.core.deploy;

import io.jenkins.plugins.containerrollout.core.RequestException;

/**
 * When a rolling batch may start, relative to the stops of the replicas it replaces; Kubernetes calls this a
 * Deployment's pod replacement policy ({@code TerminationStarted} / {@code TerminationComplete}).
 */
public enum Replacement {
    /**
     * The next batch starts while the replaced replicas stop: they serve no more (the router dropped them first), so
     * they count against neither maxSurge nor availability, but they still hold their ports and memory until they
     * exit; the new replicas take other free ports. The fastest rolling update.
     */
    STOP_STARTED("stopStarted"),
    /**
     * The next batch starts only once the replaced replicas have exited: running containers never exceed
     * {@code replicas + maxSurge}, for hosts without room for more (memory, licences, ports).
     */
    STOP_COMPLETE("stopComplete");

    private final String id;

    Replacement(String id) {
        this.id = id;
    }

    /** {@code stopStarted} or {@code stopComplete}: the name the steps and the CLI use. */
    public String id() {
        return id;
    }

    /** Parses {@link #id()}; blank means the default; anything else is a clear error. */
    public static Replacement parse(String name) {
        if (name == null || name.isBlank()) {
            return STOP_STARTED;
        }
        for (Replacement r : values()) {
            if (r.id.equalsIgnoreCase(name.trim())) {
                return r;
            }
        }
        throw new RequestException("replacement: unknown '" + name + "'; use 'stopStarted' (start the next batch while "
                + "replaced replicas stop, the default) or 'stopComplete' (wait until they have stopped)");
    }
}
