package io.jenkins.plugins.containerrollout.steps;

import hudson.model.AbstractDescribableImpl;

/**
 * Where {@code containerDeploy}, {@code containerVerify} and {@code containerRollback} find the application:
 * {@code docker()} (containers on the engine, the default) or {@code swarm()} (a service on the swarm whose manager
 * the engine is). Only its {@link Kind} travels to the agent, where the core's deployer is chosen.
 *
 * <p>Usage: {@code containerDeploy(app: 'web', image: img, portBase: 21000, target: swarm())}
 */
public abstract class DeployTarget extends AbstractDescribableImpl<DeployTarget> {
    /** The deployer the agent-side core uses. */
    public enum Kind {
        /** {@code core.deploy.DockerDeployer}: containers on one engine. */
        DOCKER,
        /** {@code core.swarm.SwarmDeployer}: one service on a swarm. */
        SWARM
    }

    /** This target's deployer. */
    public abstract Kind kind();

    /** The kind of an optional argument: none means {@link Kind#DOCKER}. */
    static Kind kindOf(DeployTarget target) {
        return target == null ? Kind.DOCKER : target.kind();
    }
}
