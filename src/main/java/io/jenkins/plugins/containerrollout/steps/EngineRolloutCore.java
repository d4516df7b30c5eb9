package io.jenkins.plugins.containerrollout.steps;

import io.jenkins.plugins.containerrollout.core.ProgressSink;
import io.jenkins.plugins.containerrollout.core.build.RegistryCredentials;
import io.jenkins.plugins.containerrollout.core.deploy.AppStatus;
import io.jenkins.plugins.containerrollout.core.deploy.DeployRequest;
import io.jenkins.plugins.containerrollout.core.deploy.DockerDeployer;
import io.jenkins.plugins.containerrollout.core.deploy.RollbackRequest;
import io.jenkins.plugins.containerrollout.core.deploy.TrafficRouter;
import io.jenkins.plugins.containerrollout.core.engine.DockerHost;
import io.jenkins.plugins.containerrollout.core.record.RolloutRecord;
import io.jenkins.plugins.containerrollout.core.verify.VerificationResult;
import io.jenkins.plugins.containerrollout.core.verify.Verifier;
import io.jenkins.plugins.containerrollout.core.verify.VerifyRequest;

/**
 * {@link RolloutCore} over the real core: one {@link DockerDeployer} per call (closed after it), a {@link Verifier}.
 *
 * <p>Usage: {@code RolloutCore.ENGINE.status(host, "web").servingPorts()}
 */
final class EngineRolloutCore implements RolloutCore {
    private static final long serialVersionUID = 1L;

    @Override
    public RolloutRecord deploy(DeployRequest request, TrafficRouter router, RegistryCredentials credentials,
            ProgressSink progress) throws Exception {
        if (credentials != null) {
            // the deployer pulls anonymously: a private image is pulled here first, with the login
            RegistryPull.ifMissing(request.host(), request.spec().image(), credentials, progress);
        }
        try (DockerDeployer deployer = new DockerDeployer(request.host(), router)) {
            return deployer.deploy(request, progress);
        }
    }

    @Override
    public RolloutRecord rollback(RollbackRequest request, TrafficRouter router, ProgressSink progress) throws Exception {
        try (DockerDeployer deployer = new DockerDeployer(request.host(), router)) {
            return deployer.rollback(request, progress);
        }
    }

    @Override
    public AppStatus status(DockerHost host, String app) {
        try (DockerDeployer deployer = new DockerDeployer(host)) {
            return deployer.status(app);
        }
    }

    @Override
    public VerificationResult verify(DockerHost host, VerifyRequest request, ProgressSink progress) throws Exception {
        return new Verifier(host).verify(request, progress);
    }

    /** One instance is enough; keeps {@link RolloutCore#ENGINE} the same object after a trip to the agent. */
    private Object readResolve() {
        return RolloutCore.ENGINE;
    }
}
