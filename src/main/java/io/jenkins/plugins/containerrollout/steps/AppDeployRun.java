package io.jenkins.plugins.containerrollout.steps;

import hudson.EnvVars;
import io.jenkins.plugins.containerrollout.core.deploy.DeployRequest;
import io.jenkins.plugins.containerrollout.core.engine.DockerHost;
import io.jenkins.plugins.containerrollout.core.image.RegistryCredentials;
import io.jenkins.plugins.containerrollout.core.record.Operation;
import io.jenkins.plugins.containerrollout.core.record.RolloutRecord;
import java.util.Map;

/**
 * The one-application form of {@code containerDeploy} ({@code app:}, {@code image:}): maps and checks the arguments,
 * resolves host and credentials, deploys on the agent, records the rollout with the build and returns
 * {@link DeploySummary}. {@link StackSteps} is the {@code compose:} form.
 *
 * <p>Usage: {@code return AppDeployRun.deploy(run, step, core);}
 */
final class AppDeployRun {
    private AppDeployRun() {
    }

    static Map<String, Object> deploy(StepRun run, ContainerDeployStep step, RolloutCore core) throws Exception {
        DockerHost host = run.dockerHost(step.getDockerHost(), step.getDockerCredentialsId());
        EnvVars environment = run.scope().environment();
        DeployRequest request = step.toRequest(host, RolloutForms.blankToNull(environment.get("BUILD_URL")),
                RolloutForms.blankToNull(environment.get("GIT_COMMIT")));
        RegistryCredentials credentials = step.getImage() == null ? null
                : run.registryCredentials(step.getRegistryCredentialsId(), ImageReferences.registryUri(step.getImage()));
        run.console().line("deploying " + request.spec().image() + " as " + request.app() + ": " + request.replicas()
                + " replica(s) from port " + request.portBase() + ", " + request.strategy().name()
                + " on " + host.uri());
        run.whenAborted(new AbortRecord(Operation.DEPLOY, request.app(), request.spec().image(),
                request.strategy().name(), request.replicas()));
        RolloutRecord record = run.onAgent(new AppTasks.Deploy(step.targetKind(), request,
                TrafficRouting.settings(step.getRouter(), step.getApp()), credentials, core));
        return DeploySummary.conclude(run, record, step.isFailOnRollback());
    }
}
