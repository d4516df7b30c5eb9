package io.jenkins.plugins.containerrollout.core.deploy;

import io.jenkins.plugins.containerrollout.core.RequestException;
import io.jenkins.plugins.containerrollout.core.engine.DockerHost;
import java.io.Serializable;

/**
 * Continues a paused rollout ({@link PauseInfo}) from where it holds: a canary's next step, or a blue-green switch.
 *
 * <p>Usage: {@code deployer.promote(new PromoteRequest(host, "web", false, null), sink)}
 *
 * @param host     the engine the application runs on
 * @param app      the application
 * @param full     skip a canary's remaining steps: straight to 100 % and the full size
 * @param buildUrl the build that promotes, or null (the CLI)
 */
public record PromoteRequest(DockerHost host, String app, boolean full, String buildUrl) implements Serializable {
    public PromoteRequest {
        if (host == null) {
            throw new RequestException("host: required; give the engine address (dockerHost, --docker-host) or set "
                    + "DOCKER_HOST");
        }
        AppName.check(app);
    }
}
