package io.jenkins.plugins.containerrollout.steps;

import io.jenkins.plugins.containerrollout.core.targets.Target;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * What the steps that act on a running application ({@code containerDeploy}, {@code containerVerify},
 * {@code containerRollback}) take alike: the engine it runs on (and its TLS credentials), the target on that engine
 * (containers or a Swarm service) and the router in front of it.
 *
 * <p>Usage: {@code DockerHost host = run.dockerHost(step.getDockerHost(), step.getDockerCredentialsId());}
 */
public abstract class AppStep extends Step {
    private TrafficRouting router;
    private DeployTarget target;
    private String dockerHost;
    private String dockerCredentialsId;

    /** The router given, or null for none (clients use the replica ports). */
    public TrafficRouting getRouter() {
        return router;
    }

    /** The router in front of the application, kept pointed at the serving replicas (also by a rollback). */
    @DataBoundSetter
    public void setRouter(TrafficRouting router) {
        this.router = router;
    }

    /** The target given, or null for the default (containers on the engine). */
    public DeployTarget getTarget() {
        return target;
    }

    /**
     * Where the application runs: containers on the engine (the default; {@code dockerEngine()} is kept as null) or
     * {@code swarm()} (a service). Keeping the default as null is what leaves {@code target} out of the Snippet
     * Generator's snippets although the form shows the engine first: structs' {@code DescribableModel.uninstantiate2}
     * drops an optional property whose getter equals that of an instance built from the required ones only.
     */
    @DataBoundSetter
    public void setTarget(DeployTarget target) {
        this.target = target instanceof DockerTarget ? null : target;
    }

    /** The deployer the agent uses for this step. */
    Target targetKind() {
        return DeployTarget.kindOf(target);
    }

    public String getDockerHost() {
        return dockerHost;
    }

    @DataBoundSetter
    public void setDockerHost(String dockerHost) {
        this.dockerHost = RolloutForms.blankToNull(dockerHost);
    }

    public String getDockerCredentialsId() {
        return dockerCredentialsId;
    }

    /** Id of docker-commons "Docker Server Certificate" credentials: TLS material for a {@code tcp://} engine. */
    @DataBoundSetter
    public void setDockerCredentialsId(String dockerCredentialsId) {
        this.dockerCredentialsId = RolloutForms.blankToNull(dockerCredentialsId);
    }
}
