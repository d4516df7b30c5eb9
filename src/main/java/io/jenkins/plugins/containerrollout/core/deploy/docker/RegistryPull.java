package io.jenkins.plugins.containerrollout.core.deploy.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.PullImageResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.AuthConfig;
import io.jenkins.plugins.containerrollout.core.ProgressSink;
import io.jenkins.plugins.containerrollout.core.deploy.RollbackRequest;
import io.jenkins.plugins.containerrollout.core.engine.DockerClientFactory;
import io.jenkins.plugins.containerrollout.core.engine.DockerHost;
import io.jenkins.plugins.containerrollout.core.engine.EngineException;
import io.jenkins.plugins.containerrollout.core.image.ImageReference;
import io.jenkins.plugins.containerrollout.core.image.RegistryCredentials;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Pulls a private image with a registry login before a deploy hands it to {@link DockerDeployer}, which pulls only
 * anonymously (the {@code containerDeploy} step with {@code registryCredentialsId}, the CLI's {@code deploy} with
 * {@code --registry-username}), or before a rollback to a revision whose image was removed from the engine
 * ({@link #forRollback}). Does nothing when the engine already has the image.
 *
 * <p>Usage: {@code RegistryPull.ifMissing(host, "127.0.0.1:5001/web:7", credentials, console);}
 */
public final class RegistryPull {
    /** A pull is bounded like every other engine wait. */
    private static final long TIMEOUT_SECONDS = 300;

    private RegistryPull() {
    }

    /**
     * @throws IllegalArgumentException when the registry refuses the pull or it does not finish in time, naming the image
     */
    public static void ifMissing(DockerHost host, String image, RegistryCredentials credentials, ProgressSink progress)
            throws EngineException, InterruptedException {
        DockerClient docker = DockerClientFactory.DEFAULT.create(host);
        try {
            if (present(docker, image)) {
                return;
            }
            pull(docker, image, credentials, progress);
        } finally {
            DockerClientFactory.closeQuietly(docker);
        }
    }

    /**
     * Pulls, with the login, the image of the revision {@code request} restores when the engine no longer has it
     * (someone removed it): {@link DockerDeployer#rollback} pulls it back by its digest too, but only anonymously.
     * Does nothing when the image is there, or when the revision is not kept or was never pushed (no digest): the
     * rollback then refuses with the reason, changing nothing.
     *
     * @throws IllegalArgumentException when the registry refuses the pull or it does not finish in time, naming the image
     */
    public static void forRollback(RollbackRequest request, RegistryCredentials credentials, ProgressSink progress)
            throws EngineException, InterruptedException {
        DockerClient docker = DockerClientFactory.DEFAULT.create(request.host());
        try {
            EngineState store = new EngineState(new AppEngine(docker));
            Optional<Revision> to = request.target(store.revisions(request.app()), Revision::number,
                    store.state(request.app()).current());
            if (to.isPresent() && to.get().digest() != null && !present(docker, to.get().imageId())) {
                pull(docker, to.get().digest(), credentials, progress);
            }
        } finally {
            DockerClientFactory.closeQuietly(docker);
        }
    }

    private static void pull(DockerClient docker, String image, RegistryCredentials credentials, ProgressSink progress)
            throws InterruptedException {
        progress.line("pulling " + image + " as " + credentials.username());
        AuthConfig auth = new AuthConfig().withUsername(credentials.username()).withPassword(credentials.password())
                .withRegistryAddress(registry(image));
        boolean done;
        try {
            done = docker.pullImageCmd(image).withAuthConfig(auth).exec(new PullImageResultCallback())
                    .awaitCompletion(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("image: pulling '" + image + "' as " + credentials.username()
                    + " failed: " + String.valueOf(e.getMessage()).strip().replaceAll("\\s+", " ")
                    + "; check the registry credentials", e);
        }
        if (!done) {
            throw new IllegalArgumentException("image: pulling '" + image + "' took longer than " + TIMEOUT_SECONDS + " s");
        }
    }

    private static String registry(String image) {
        try {
            // a revision is pulled by digest, which ImageReference (tags to push) refuses: its name says the registry
            return ImageReference.parse(image.contains("@") ? image.substring(0, image.indexOf('@')) : image).registry();
        } catch (IllegalArgumentException e) {
            return null;
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
