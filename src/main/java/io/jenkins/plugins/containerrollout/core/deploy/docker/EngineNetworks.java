package io.jenkins.plugins.containerrollout.core.deploy.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import io.jenkins.plugins.containerrollout.core.RequestException;
import java.util.Map;

/**
 * The user-defined networks a Compose stack's replicas join on a Docker host: made when missing (as {@code docker
 * compose up} makes {@code <project>_<key>}), left alone when they exist, and an external one must exist already.
 * Replicas are published on 127.0.0.1 only; what runs on the network itself is the user's.
 */
final class EngineNetworks {
    private final DockerClient docker;

    EngineNetworks(DockerClient docker) {
        this.docker = docker;
    }

    /**
     * @throws RequestException an external network that does not exist, or a driver the engine refuses
     */
    void ensure(String name, String driver, Map<String, String> labels, Map<String, String> driverOptions,
            boolean external) {
        if (exists(name)) {
            return;
        }
        if (external) {
            throw new RequestException("networks: '" + name + "' is external but the engine has no such network; "
                    + "create it (docker network create " + name + ") or remove external: true");
        }
        try {
            docker.createNetworkCmd().withName(name).withDriver(driver == null ? "bridge" : driver)
                    .withLabels(labels).withOptions(driverOptions).withCheckDuplicate(true).exec();
        } catch (ConflictException madeMeanwhile) {
            // another stack command made it between our look and our create: it exists, which is what we want
        } catch (RuntimeException refused) {
            throw new RequestException("networks: the engine refused to create '" + name + "' (" + refused.getMessage()
                    + "); create it yourself and mark it external: true", refused);
        }
    }

    private boolean exists(String name) {
        try {
            docker.inspectNetworkCmd().withNetworkId(name).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }
}
