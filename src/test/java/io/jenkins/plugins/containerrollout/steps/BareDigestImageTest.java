package io.jenkins.plugins.containerrollout.steps;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.containerrollout.core.engine.DockerHost;
import org.junit.Test;

/**
 * {@code containerDeploy(image: img.digest)} was the documented call, but a build's {@code digest} is the bare
 * {@code sha256:…} of the manifest, which the engine reads as a local image id (Docker's reference grammar: a bare
 * 64-hex or {@code sha256:} string is an id). The step refuses it before anything runs and shows the right form.
 */
public class BareDigestImageTest {
    private static final DockerHost HOST = new DockerHost("tcp://127.0.0.1:2375", false, null);
    private static final String DIGEST = "sha256:" + "0123456789abcdef".repeat(4);

    @Test
    public void aBareDigestIsRefusedShowingTheRepositoryForm() {
        ContainerDeployStep step = new ContainerDeployStep("web", DIGEST, 21000);
        String message = assertThrows(IllegalArgumentException.class, () -> step.toRequest(HOST, null, null)).getMessage();
        assertEquals("image: '" + DIGEST + "' is a bare digest, which the engine would read as a local image id; give the"
                + " repository with it, e.g. '127.0.0.1:5000/web@" + DIGEST + "' (containerBuild returns it as imageRef),"
                + " or a tag", message);
        String form = assertThrows(IllegalArgumentException.class, () -> StepArguments.requireImage(" " + DIGEST)).getMessage();
        assertTrue(form, form.startsWith("image: '" + DIGEST + "' is a bare digest"));
    }

    @Test
    public void aRepositoryWithItsDigestAndATagAreTaken() {
        assertEquals("127.0.0.1:5000/web@" + DIGEST, new ContainerDeployStep("web", "127.0.0.1:5000/web@" + DIGEST, 21000)
                .toRequest(HOST, null, null).spec().image());
        StepArguments.requireImage("127.0.0.1:5000/web@" + DIGEST);
        StepArguments.requireImage("127.0.0.1:5000/sha256:1");
    }
}
