package io.jenkins.plugins.containerrollout.steps;

import hudson.model.AbstractDescribableImpl;
import io.jenkins.plugins.containerrollout.core.deploy.TrafficRouter;
import java.io.Serializable;

/**
 * What sits in front of an application's replicas, as a step argument: {@code haproxy(socket: ...)}, or
 * {@code direct()} (no router: clients use the replica ports). Serializable: it travels to the agent, where
 * {@link #open()} makes the core's {@link TrafficRouter}.
 *
 * <p>Usage: {@code containerDeploy(..., strategy: blueGreen(), router: haproxy(socket: '/run/haproxy/admin.sock'))}
 */
public abstract class TrafficRouting extends AbstractDescribableImpl<TrafficRouting> implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The router, made on the agent that reaches it. */
    public abstract TrafficRouter open();

    /** The router for an optional argument: none means {@link TrafficRouter#NONE}. */
    static TrafficRouter open(TrafficRouting routing) {
        return routing == null ? TrafficRouter.NONE : routing.open();
    }
}
