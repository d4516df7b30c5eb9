package io.jenkins.plugins.containerrollout.steps;

import io.jenkins.plugins.containerrollout.core.targets.Target;
import io.jenkins.plugins.containerrollout.core.ProgressSink;
import io.jenkins.plugins.containerrollout.core.compose.ComposeProject;
import io.jenkins.plugins.containerrollout.core.compose.StackResult;
import io.jenkins.plugins.containerrollout.core.deploy.RolloutStrategy;
import io.jenkins.plugins.containerrollout.core.health.ProbeSettings;
import io.jenkins.plugins.containerrollout.core.deploy.AppStatus;
import io.jenkins.plugins.containerrollout.core.deploy.DeployRequest;
import io.jenkins.plugins.containerrollout.core.deploy.PromoteRequest;
import io.jenkins.plugins.containerrollout.core.deploy.RollbackRequest;
import io.jenkins.plugins.containerrollout.core.router.TrafficRouter;
import io.jenkins.plugins.containerrollout.core.engine.DockerHost;
import io.jenkins.plugins.containerrollout.core.image.RegistryCredentials;
import io.jenkins.plugins.containerrollout.core.record.RolloutRecord;
import io.jenkins.plugins.containerrollout.core.verify.VerificationResult;
import io.jenkins.plugins.containerrollout.core.verify.VerifyRequest;
import java.io.Serializable;

/**
 * The core calls {@code containerDeploy}, {@code containerVerify}, {@code containerRollback} and
 * {@code containerPromote} make on the agent.
 * The glue talks to the deploy and verify cores only through this, so tests substitute a fake that returns canned
 * records; {@link #ENGINE} is the real thing.
 *
 * <p>Usage: {@code RolloutRecord r = RolloutCore.ENGINE.deploy(Target.DOCKER, request, TrafficRouter.NONE, null, console);}
 */
public interface RolloutCore extends Serializable {
    /** The real core: {@code DockerDeployer} (or {@code SwarmDeployer}) and {@code Verifier} on the request's engine. */
    RolloutCore ENGINE = new EngineRolloutCore();

    /**
     * Deploys; pulls the image first with {@code credentials} when they are given and the engine lacks it.
     *
     * @throws IllegalArgumentException a request only the engine can refuse (image missing, port taken)
     */
    RolloutRecord deploy(Target target, DeployRequest request, TrafficRouter router,
            RegistryCredentials credentials, ProgressSink progress) throws Exception;

    /**
     * Restores a kept revision; pulls its image first with {@code credentials} when they are given and someone removed
     * it from the engine.
     */
    RolloutRecord rollback(Target target, RollbackRequest request, TrafficRouter router,
            RegistryCredentials credentials, ProgressSink progress) throws Exception;

    /**
     * Continues the rollout of {@code request.app()} that holds at a pause (see {@code AppDeployer#promote}); the
     * record returned spans the whole rollout, from the deploy that paused it.
     *
     * @throws IllegalArgumentException nothing of the application is paused (nothing was changed)
     */
    RolloutRecord promote(Target target, PromoteRequest request, TrafficRouter router, ProgressSink progress)
            throws Exception;

    /** Where the application stands now (its serving ports are the verification's endpoints). */
    AppStatus status(Target target, DockerHost host, String app) throws Exception;

    /** Runs the checks. */
    VerificationResult verify(DockerHost host, VerifyRequest request, ProgressSink progress) throws Exception;

    /**
     * Deploys every service of {@code project} as one stack revision (see {@code StackDeployer#deploy}); pulls
     * images with {@code credentials} when given; the services without their own {@code x-rollout} or
     * {@code deploy.update_config} roll out with {@code strategy} (null: a rolling update with the defaults).
     *
     * @throws IllegalArgumentException the file cannot be deployed on this target (nothing was changed)
     */
    StackResult deployStack(Target target, DockerHost host, ComposeProject project, ProbeSettings probe,
            RolloutStrategy strategy, TrafficRouter router, RegistryCredentials credentials, ProgressSink progress)
            throws Exception;

    /** Restores every service of stack {@code project} to stack revision {@code toRevision} (0: the one before). */
    StackResult rollbackStack(Target target, DockerHost host, String project, int toRevision, ProbeSettings probe,
            TrafficRouter router, RegistryCredentials credentials, ProgressSink progress) throws Exception;
}
