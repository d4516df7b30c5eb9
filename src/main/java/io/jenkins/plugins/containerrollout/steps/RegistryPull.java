package io.jenkins.plugins.containerrollout.steps;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.PullImageResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.AuthConfig;
import io.jenkins.plugins.containerrollout.core.ProgressSink;
import io.jenkins.plugins.containerrollout.core.build.RegistryCredentials;
import io.jenkins.plugins.containerrollout.core.engine.DockerClientFactory;
import io.jenkins.plugins.containerrollout.core.engine.DockerHost;
import io.jenkins.plugins.containerrollout.core.engine.EngineException;
import java.util.concurrent.TimeUnit;

/**
 * Pulls a private image with a registry login before {@code containerDeploy} hands it to the deployer, which pulls
 * only anonymously. Does nothing when the engine already has the image.
 *
 * <p>Usage: {@code RegistryPull.ifMissing(host, "127.0.0.1:5001/web:7", credentials, console);}
 */
final class RegistryPull {
    /** A pull is bounded like every other engine wait. */
    private static final long TIMEOUT_SECONDS = 300;

    private RegistryPull() {
    }

    /**
     * @throws IllegalArgumentException when the registry refuses the pull or it does not finish in time, naming the image
     */
    static void ifMissing(DockerHost host, String image, RegistryCredentials credentials, ProgressSink progress)
            throws EngineException, InterruptedException {
        DockerClient docker = DockerClientFactory.DEFAULT.create(host);
        try {
            if (present(docker, image)) {
                return;
            }
            progress.line("pulling " + image + " as " + credentials.username());
            AuthConfig auth = new AuthConfig().withUsername(credentials.username()).withPassword(credentials.password())
                    .withRegistryAddress(ImageReferences.registry(image));
            boolean done;
            try {
                done = docker.pullImageCmd(image).withAuthConfig(auth).exec(new PullImageResultCallback())
                        .awaitCompletion(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("image: pulling '" + image + "' with registryCredentialsId failed: "
                        + e.getMessage(), e);
            }
            if (!done) {
                throw new IllegalArgumentException("image: pulling '" + image + "' took longer than " + TIMEOUT_SECONDS + " s");
            }
        } finally {
            DockerClientFactory.closeQuietly(docker);
        }
    }

    private static boolean present(DockerClient docker, String image) {
        try {
            docker.inspectImageCmd(image).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }
}
