package io.jenkins.plugins.containerrollout.core.targets;

import io.jenkins.plugins.containerrollout.core.deploy.AppDeployer;
import io.jenkins.plugins.containerrollout.core.deploy.AppStatus;
import io.jenkins.plugins.containerrollout.core.RequestException;
import io.jenkins.plugins.containerrollout.core.deploy.docker.DockerDeployer;
import io.jenkins.plugins.containerrollout.core.deploy.docker.QuickStatus;
import io.jenkins.plugins.containerrollout.core.engine.DockerHost;
import io.jenkins.plugins.containerrollout.core.image.RegistryCredentials;
import io.jenkins.plugins.containerrollout.core.router.TrafficRouter;
import io.jenkins.plugins.containerrollout.core.swarm.SwarmDeployer;
import java.util.Optional;

/**
 * Opens the deployer of a target: the steps and the CLI call this and then only the {@link AppDeployer} API, so the
 * rest of their code is the same for every target. Both deployers pull a private image with the registry login
 * themselves (the Docker host one when the engine lacks the image, the Swarm one by handing the login to the nodes).
 *
 * <p>Usage: {@code try (AppDeployer d = Deployers.open(Target.DOCKER, host, router, login)) { d.deploy(request, sink); }}
 */
public final class Deployers {
    private Deployers() {
    }

    /**
     * @param router      the router in front of the replicas, or {@link TrafficRouter#NONE} (then the one recorded with
     *                    the application is used)
     * @param credentials the registry login for private images, or null
     * @throws RequestException a router given with the swarm target, which has none yet
     */
    public static AppDeployer open(Target target, DockerHost host, TrafficRouter router, RegistryCredentials credentials) {
        if (target == Target.DOCKER) {
            return new DockerDeployer(host, router, credentials);
        }
        if (router != TrafficRouter.NONE) {
            throw new RequestException("router: a router is not supported with the swarm target yet; leave the router "
                    + "out (router: direct() in a Pipeline, no --router on the command line)");
        }
        return new SwarmDeployer(host, credentials);
    }

    /**
     * The status of {@code app} read without opening a deployer, when the target allows it: a Docker host reached
     * without TLS ({@link QuickStatus}, what a command line's {@code status} answers in a fresh JVM). Empty otherwise,
     * or when it cannot answer: then {@link #open} a deployer and ask it, which explains any error.
     */
    public static Optional<AppStatus> quickStatus(Target target, DockerHost host, String app) {
        return target == Target.DOCKER ? QuickStatus.read(host, app) : Optional.empty();
    }
}
