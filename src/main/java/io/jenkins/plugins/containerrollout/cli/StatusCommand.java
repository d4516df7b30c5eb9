package io.jenkins.plugins.containerrollout.cli;

import io.jenkins.plugins.containerrollout.core.deploy.AppStatus;
import io.jenkins.plugins.containerrollout.core.deploy.DockerDeployer;

/**
 * {@code container-rollout status}: where an application stands now, read from the engine alone: phase, stable and
 * target revision, desired and ready replicas (one probe each), serving ports, who holds the rollout lock.
 *
 * <p>Usage: {@code container-rollout status --app web | jq .servingPorts}
 */
public final class StatusCommand implements Command {
    private static final Options OPTIONS = new Options(EngineOptions.APP, EngineOptions.DOCKER_HOST);

    @Override
    public String name() {
        return "status";
    }

    @Override
    public String summary() {
        return "Show an application's phase, revisions, ready replicas and serving ports.";
    }

    @Override
    public Options options() {
        return OPTIONS;
    }

    @Override
    public Object run(ParsedOptions o, Terminal terminal) throws Exception {
        String app = EngineOptions.app(o);
        try (DockerDeployer deployer = new DockerDeployer(EngineOptions.host(o, terminal))) {
            AppStatus status = deployer.status(app);
            return CommandResult.ok(status);
        }
    }
}
