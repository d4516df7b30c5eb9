package io.jenkins.plugins.containerrollout.steps;

import io.jenkins.plugins.containerrollout.core.targets.Target;
import io.jenkins.plugins.containerrollout.core.ProgressSink;
import io.jenkins.plugins.containerrollout.core.compose.ComposeProject;
import io.jenkins.plugins.containerrollout.core.compose.StackDeployer;
import io.jenkins.plugins.containerrollout.core.compose.StackResult;
import io.jenkins.plugins.containerrollout.core.deploy.RolloutStrategy;
import io.jenkins.plugins.containerrollout.core.health.ProbeSettings;
import io.jenkins.plugins.containerrollout.core.deploy.AppDeployer;
import io.jenkins.plugins.containerrollout.core.deploy.AppStatus;
import io.jenkins.plugins.containerrollout.core.deploy.DeployRequest;
import io.jenkins.plugins.containerrollout.core.deploy.PromoteRequest;
import io.jenkins.plugins.containerrollout.core.deploy.RollbackRequest;
import io.jenkins.plugins.containerrollout.core.router.TrafficRouter;
import io.jenkins.plugins.containerrollout.core.engine.DockerHost;
import io.jenkins.plugins.containerrollout.core.image.RegistryCredentials;
import io.jenkins.plugins.containerrollout.core.record.RolloutRecord;
import io.jenkins.plugins.containerrollout.core.targets.Deployers;
import io.jenkins.plugins.containerrollout.core.verify.VerificationResult;
import io.jenkins.plugins.containerrollout.core.verify.Verifier;
import io.jenkins.plugins.containerrollout.core.verify.VerifyRequest;

/**
 * {@link RolloutCore} over the real core: one deployer per call from {@link Deployers#open} (closed after it), a
 * {@link Verifier}.
 *
 * <p>Usage: {@code RolloutCore.ENGINE.status(Target.DOCKER, host, "web").servingPorts()}
 */
final class EngineRolloutCore implements RolloutCore {
    private static final long serialVersionUID = 1L;

    @Override
    public RolloutRecord deploy(Target target, DeployRequest request, TrafficRouter router,
            RegistryCredentials credentials, ProgressSink progress) throws Exception {
        try (AppDeployer deployer = Deployers.open(target, request.host(), router, credentials)) {
            return deployer.deploy(request, progress);
        }
    }

    @Override
    public RolloutRecord rollback(Target target, RollbackRequest request, TrafficRouter router,
            RegistryCredentials credentials, ProgressSink progress) throws Exception {
        try (AppDeployer deployer = Deployers.open(target, request.host(), router, credentials)) {
            return deployer.rollback(request, progress);
        }
    }

    @Override
    public RolloutRecord promote(Target target, PromoteRequest request, TrafficRouter router, ProgressSink progress)
            throws Exception {
        // no registry credentials: the paused revision's image is on the engine already, its replicas run it
        try (AppDeployer deployer = Deployers.open(target, request.host(), router, null)) {
            return deployer.promote(request, progress);
        }
    }

    @Override
    public AppStatus status(Target target, DockerHost host, String app) {
        try (AppDeployer deployer = Deployers.open(target, host, TrafficRouter.NONE, null)) {
            return deployer.status(app);
        }
    }

    @Override
    public VerificationResult verify(DockerHost host, VerifyRequest request, ProgressSink progress) throws Exception {
        return new Verifier(host).verify(request, progress);
    }

    @Override
    public StackResult deployStack(Target target, DockerHost host, ComposeProject project, ProbeSettings probe,
            RolloutStrategy strategy, TrafficRouter router, RegistryCredentials credentials, ProgressSink progress)
            throws Exception {
        try (AppDeployer deployer = Deployers.open(target, host, router, credentials)) {
            return new StackDeployer(deployer, host, probe, strategy).deploy(project, progress);
        }
    }

    @Override
    public StackResult rollbackStack(Target target, DockerHost host, String project, int toRevision,
            ProbeSettings probe, TrafficRouter router, RegistryCredentials credentials, ProgressSink progress)
            throws Exception {
        try (AppDeployer deployer = Deployers.open(target, host, router, credentials)) {
            return new StackDeployer(deployer, host, probe).rollback(project, toRevision, progress);
        }
    }

    /** One instance is enough; keeps {@link RolloutCore#ENGINE} the same object after a trip to the agent. */
    private Object readResolve() {
        return RolloutCore.ENGINE;
    }
}
