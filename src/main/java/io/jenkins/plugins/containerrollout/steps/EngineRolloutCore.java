package io.jenkins.plugins.containerrollout.steps;

import io.jenkins.plugins.containerrollout.core.ProgressSink;
import io.jenkins.plugins.containerrollout.core.deploy.AppDeployer;
import io.jenkins.plugins.containerrollout.core.deploy.AppStatus;
import io.jenkins.plugins.containerrollout.core.deploy.DeployRequest;
import io.jenkins.plugins.containerrollout.core.deploy.docker.DockerDeployer;
import io.jenkins.plugins.containerrollout.core.deploy.docker.RegistryPull;
import io.jenkins.plugins.containerrollout.core.deploy.RollbackRequest;
import io.jenkins.plugins.containerrollout.core.router.TrafficRouter;
import io.jenkins.plugins.containerrollout.core.engine.DockerHost;
import io.jenkins.plugins.containerrollout.core.image.RegistryCredentials;
import io.jenkins.plugins.containerrollout.core.record.RolloutRecord;
import io.jenkins.plugins.containerrollout.core.swarm.SwarmDeployer;
import io.jenkins.plugins.containerrollout.core.verify.VerificationResult;
import io.jenkins.plugins.containerrollout.core.verify.Verifier;
import io.jenkins.plugins.containerrollout.core.verify.VerifyRequest;

/**
 * {@link RolloutCore} over the real core: one {@link DockerDeployer} or {@link SwarmDeployer} per call (closed after
 * it), a {@link Verifier}.
 *
 * <p>Usage: {@code RolloutCore.ENGINE.status(DeployTarget.Kind.DOCKER, host, "web").servingPorts()}
 */
final class EngineRolloutCore implements RolloutCore {
    private static final long serialVersionUID = 1L;

    @Override
    public RolloutRecord deploy(DeployTarget.Kind target, DeployRequest request, TrafficRouter router,
            RegistryCredentials credentials, ProgressSink progress) throws Exception {
        if (credentials != null && target == DeployTarget.Kind.DOCKER) {
            // the Docker deployer pulls anonymously: a private image is pulled here first, with the login (a swarm
            // manager gets the login with the service and hands it to the nodes)
            RegistryPull.ifMissing(request.host(), request.spec().image(), credentials, progress);
        }
        try (AppDeployer deployer = deployer(target, request.host(), router, credentials)) {
            return deployer.deploy(request, progress);
        }
    }

    @Override
    public RolloutRecord rollback(DeployTarget.Kind target, RollbackRequest request, TrafficRouter router,
            RegistryCredentials credentials, ProgressSink progress) throws Exception {
        if (credentials != null && target == DeployTarget.Kind.DOCKER) {
            // as for deploy: the Docker deployer pulls a removed revision's image back only anonymously
            RegistryPull.forRollback(request, credentials, progress);
        }
        try (AppDeployer deployer = deployer(target, request.host(), router, credentials)) {
            return deployer.rollback(request, progress);
        }
    }

    @Override
    public AppStatus status(DeployTarget.Kind target, DockerHost host, String app) {
        try (AppDeployer deployer = deployer(target, host, TrafficRouter.NONE, null)) {
            return deployer.status(app);
        }
    }

    @Override
    public VerificationResult verify(DockerHost host, VerifyRequest request, ProgressSink progress) throws Exception {
        return new Verifier(host).verify(request, progress);
    }

    /** The target's deployer; a swarm has no router in front of it yet, so one given is refused before anything moves. */
    private static AppDeployer deployer(DeployTarget.Kind target, DockerHost host, TrafficRouter router,
            RegistryCredentials credentials) {
        if (target == DeployTarget.Kind.DOCKER) {
            return new DockerDeployer(host, router);
        }
        if (router != TrafficRouter.NONE) {
            throw new IllegalArgumentException("router: a router is not supported with target: swarm() yet; use"
                    + " router: direct() or leave it out");
        }
        return new SwarmDeployer(host, credentials);
    }

    /** One instance is enough; keeps {@link RolloutCore#ENGINE} the same object after a trip to the agent. */
    private Object readResolve() {
        return RolloutCore.ENGINE;
    }
}
