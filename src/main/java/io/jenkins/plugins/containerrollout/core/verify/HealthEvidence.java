package io.jenkins.plugins.containerrollout.core.verify;

import java.io.Serializable;
import java.util.List;

/**
 * The state of every container a health check looked at, as last seen.
 *
 * <p>Usage: {@code evidence.containers().stream().filter(c -> !c.ready())}
 *
 * @param containers matching containers, by name
 * @param polls      how many times the engine was asked before the check passed or gave up
 */
public record HealthEvidence(List<Container> containers, int polls) implements Evidence {
    private static final long serialVersionUID = 1L;

    public HealthEvidence {
        containers = List.copyOf(containers);
    }

    /**
     * One container.
     *
     * @param id             short id (12 characters)
     * @param name           container name without the leading slash
     * @param state          engine state: running, exited, restarting, ...
     * @param health         HEALTHCHECK status (starting, healthy, unhealthy), or "none" without a HEALTHCHECK
     * @param runningSeconds seconds since it started; 0 when not running
     * @param restartCount   restarts the engine made
     * @param ready          whether it counts as ready for the check
     */
    public record Container(String id, String name, String state, String health, long runningSeconds, int restartCount,
                            boolean ready) implements Serializable {
        private static final long serialVersionUID = 1L;
    }
}
