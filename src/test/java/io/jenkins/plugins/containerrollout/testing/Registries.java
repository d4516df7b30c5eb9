package io.jenkins.plugins.containerrollout.testing;

import static org.junit.Assert.assertTrue;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.AuthConfig;
import io.jenkins.plugins.containerrollout.core.engine.DockerClientFactory;
import io.jenkins.plugins.containerrollout.core.image.RegistryCredentials;
import java.util.concurrent.TimeUnit;

/**
 * Pushes to the test bed's authenticated registry with its login sent along with the request, as docker-java sends
 * it, so no {@code docker login} touches anyone's {@code ~/.docker/config.json}.
 *
 * <p>Usage: {@code Registries.pushWithLogin(TestBed.authRegistry() + "/web:1");}
 */
public final class Registries {
    private Registries() {
    }

    /** The login of {@link TestBed#authRegistry()}. */
    public static RegistryCredentials login() {
        return new RegistryCredentials(TestBed.authUser(), TestBed.authPassword());
    }

    /** Pushes the local image {@code ref} (naming the authenticated registry) with {@link #login()}. */
    public static void pushWithLogin(String ref) throws Exception {
        DockerClient docker = DockerClientFactory.DEFAULT.create(TestBed.host());
        try {
            AuthConfig auth = new AuthConfig().withUsername(TestBed.authUser()).withPassword(TestBed.authPassword())
                    .withRegistryAddress(TestBed.authRegistry());
            assertTrue("pushed " + ref, docker.pushImageCmd(ref).withAuthConfig(auth)
                    .exec(new ResultCallback.Adapter<>()).awaitCompletion(2, TimeUnit.MINUTES));
        } finally {
            DockerClientFactory.closeQuietly(docker);
        }
    }
}
