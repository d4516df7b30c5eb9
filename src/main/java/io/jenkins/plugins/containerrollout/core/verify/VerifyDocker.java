package io.jenkins.plugins.containerrollout.core.verify;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.DockerClientException;
import io.jenkins.plugins.containerrollout.core.engine.DockerClientFactory;
import io.jenkins.plugins.containerrollout.core.engine.DockerHost;
import io.jenkins.plugins.containerrollout.core.engine.EngineException;

/**
 * The verifier's docker-java client, from the one shared {@link DockerClientFactory}. A host the factory refuses (bad
 * TLS material, malformed address) becomes a {@link DockerClientException}, which the verifier reports as that check's
 * engine failure rather than aborting the whole verification.
 */
final class VerifyDocker {
    private VerifyDocker() {
    }

    static DockerClient connect(DockerHost host) {
        try {
            return DockerClientFactory.DEFAULT.create(host);
        } catch (EngineException e) {
            throw new DockerClientException(e.getMessage(), e);
        }
    }
}
