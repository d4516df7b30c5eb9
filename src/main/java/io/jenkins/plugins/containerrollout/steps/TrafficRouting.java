package io.jenkins.plugins.containerrollout.steps;

import hudson.model.AbstractDescribableImpl;
import io.jenkins.plugins.containerrollout.core.deploy.TrafficRouter;
import java.io.Serializable;

/**
 * What sits in front of an application's replicas, as a step argument: {@code haproxy(socket: ...)}, or
 * {@code direct()} (no router: clients use the replica ports). It stays on the controller: its plain
 * {@link RouterSettings} travel to the agent, where they make the core's {@link TrafficRouter}.
 *
 * <p>Usage: {@code containerDeploy(..., strategy: blueGreen(), router: haproxy(socket: '/run/haproxy/admin.sock'))}
 */
public abstract class TrafficRouting extends AbstractDescribableImpl<TrafficRouting> implements Serializable {
    private static final long serialVersionUID = 1L;

    /**
     * The router's settings, checked.
     *
     * @throws IllegalArgumentException naming the parameter and the fix
     */
    public abstract RouterSettings settings();

    /** The core's router for these settings; tests use it, steps open the settings on the agent. */
    public final TrafficRouter open() {
        return settings().open();
    }

    /** The settings of an optional argument: none means {@link RouterSettings#NONE}. */
    static RouterSettings settings(TrafficRouting routing) {
        return routing == null ? RouterSettings.NONE : routing.settings();
    }
}
