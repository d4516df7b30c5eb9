package io.jenkins.plugins.containerrollout.steps;

import io.jenkins.plugins.containerrollout.core.deploy.HaproxyRouter;
import io.jenkins.plugins.containerrollout.core.deploy.TrafficRouter;
import java.io.Serializable;
import java.nio.file.Path;

/**
 * A router argument as plain values: what travels to the agent instead of the {@link TrafficRouting} describable
 * (a Jenkins type), and what {@link #open()} turns into the core's {@link TrafficRouter} there.
 *
 * <p>Usage: {@code TrafficRouter router = TrafficRouting.settings(step.getRouter()).open(); // on the agent}
 *
 * @param haproxySocket HAProxy's admin socket on the agent, or null for no router
 * @param frontendPort  HAProxy's frontend port for the application, 0 when unknown
 */
public record RouterSettings(String haproxySocket, int frontendPort) implements Serializable {
    /** No router: clients use the replica ports. */
    public static final RouterSettings NONE = new RouterSettings(null, 0);

    /** The core's router, made where the socket is. */
    public TrafficRouter open() {
        return haproxySocket == null ? TrafficRouter.NONE : new HaproxyRouter(Path.of(haproxySocket), frontendPort);
    }
}
