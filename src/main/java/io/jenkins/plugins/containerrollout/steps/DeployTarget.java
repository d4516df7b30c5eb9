package io.jenkins.plugins.containerrollout.steps;

import hudson.model.AbstractDescribableImpl;
import io.jenkins.plugins.containerrollout.core.targets.Target;

/**
 * Where {@code containerDeploy}, {@code containerVerify} and {@code containerRollback} find the application:
 * containers on the engine (no {@code target}, or {@code dockerEngine()}) or {@code swarm()} (a service on the swarm
 * whose manager the engine is). Only its {@link Target} travels to the agent, where the core's deployer is chosen.
 *
 * <p>Why not {@code docker()}: workflow-cps {@code CpsScript.invokeMethod} calls a global variable of the name
 * before any step or {@code @Symbol}, and docker-workflow registers {@code docker}; {@code target: docker()} would
 * become {@code docker.call()} and fail. {@code SymbolNamesTest} keeps every symbol out of the reserved names.
 *
 * <p>Usage: {@code containerDeploy(app: 'web', image: img, portBase: 21000, target: swarm())}
 */
public abstract class DeployTarget extends AbstractDescribableImpl<DeployTarget> {
    /** This target, as the core's {@code Deployers.open} takes it on the agent. */
    public abstract Target kind();

    /** The kind of an optional argument: none means {@link Target#DOCKER}. */
    static Target kindOf(DeployTarget target) {
        return target == null ? Target.DOCKER : target.kind();
    }
}
