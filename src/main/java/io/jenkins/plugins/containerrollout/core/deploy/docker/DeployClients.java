package io.jenkins.plugins.containerrollout.core.deploy.docker;

import com.github.dockerjava.api.DockerClient;
import io.jenkins.plugins.containerrollout.core.RequestException;
import io.jenkins.plugins.containerrollout.core.engine.DockerClientFactory;
import io.jenkins.plugins.containerrollout.core.engine.DockerHost;
import io.jenkins.plugins.containerrollout.core.engine.EngineException;

/**
 * The deployer's docker-java client, from the one shared {@link DockerClientFactory}: explicit host and TLS, bounded
 * waits, never {@code ~/.docker-java.properties}. Only the error type is adapted: a host the factory refuses is a bad
 * request here, reported before anything is sent to an engine.
 */
final class DeployClients {
    private DeployClients() {
    }

    static DockerClient open(DockerHost host) {
        try {
            return DockerClientFactory.DEFAULT.create(host);
        } catch (EngineException e) {
            throw new RequestException("host: " + e.getMessage(), e);
        }
    }
}
