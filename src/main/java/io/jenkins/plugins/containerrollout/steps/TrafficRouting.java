package io.jenkins.plugins.containerrollout.steps;

import hudson.model.AbstractDescribableImpl;
import io.jenkins.plugins.containerrollout.core.router.RouterSettings;
import io.jenkins.plugins.containerrollout.core.router.TrafficRouter;
import java.io.Serializable;

/**
 * What sits in front of an application's replicas, as a step argument: {@code haproxy(socket: ...)}, or
 * {@code direct()} (no router: clients use the replica ports). It stays on the controller: its plain
 * {@link RouterSettings} (the core's, the same values an application's state records) travel to the agent, where
 * they make the core's {@link TrafficRouter}.
 *
 * <p>Usage: {@code containerDeploy(..., strategy: blueGreen(), router: haproxy(socket: '/run/haproxy/admin.sock'))}
 */
public abstract class TrafficRouting extends AbstractDescribableImpl<TrafficRouting> implements Serializable {
    private static final long serialVersionUID = 1L;

    /**
     * The router's settings for {@code app} (a step's backend is named after the application), checked; null for
     * no router.
     *
     * @throws IllegalArgumentException naming the parameter and the fix
     */
    public abstract RouterSettings settings(String app);

    /** The core's router for these settings; tests use it, steps open the settings on the agent. */
    public final TrafficRouter open(String app) {
        return open(settings(app));
    }

    /** The settings of an optional argument: none means null (no router given). */
    static RouterSettings settings(TrafficRouting routing, String app) {
        return routing == null ? null : routing.settings(app);
    }

    /** The core's router for settings that travelled to the agent: null means none given. */
    static TrafficRouter open(RouterSettings settings) {
        return settings == null ? TrafficRouter.NONE : settings.open();
    }
}
