package io.jenkins.plugins.containerrollout.steps;

import hudson.model.AbstractDescribableImpl;

/**
 * Where {@code containerDeploy}, {@code containerVerify} and {@code containerRollback} find the application:
 * containers on the engine (no {@code target}, or {@code dockerEngine()}) or {@code swarm()} (a service on the swarm
 * whose manager the engine is). Only its {@link Kind} travels to the agent, where the core's deployer is chosen.
 *
 * <p>Why not {@code docker()}: workflow-cps {@code CpsScript.invokeMethod} calls a global variable of the name
 * before any step or {@code @Symbol}, and docker-workflow registers {@code docker}; {@code target: docker()} would
 * become {@code docker.call()} and fail. {@code SymbolNamesTest} keeps every symbol out of the reserved names.
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
