package io.jenkins.plugins.containerrollout.steps;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import com.github.dockerjava.api.DockerClient;
import hudson.AbortException;
import io.jenkins.plugins.containerrollout.core.engine.DockerClientFactory;
import io.jenkins.plugins.containerrollout.core.engine.DockerHost;
import io.jenkins.plugins.containerrollout.core.engine.TlsDockerd;
import io.jenkins.plugins.containerrollout.core.engine.TlsMaterial;
import io.jenkins.plugins.containerrollout.testing.TestImages;
import java.io.File;
import java.util.List;
import java.util.Map;
import org.junit.AfterClass;
import org.junit.Before;
import org.junit.BeforeClass;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * {@code containerBuild} with {@code dockerCredentialsId} end to end: the credential's material travels with the
 * request to the "agent" (Java serialization, as remoting does) and the real core builds on a second dockerd that
 * only speaks TLS with client certificates. Only Jenkins is simulated, by the {@link StepHarness}.
 */
public class ContainerBuildTlsEngineTest {
    private static TlsDockerd engine;
    private static TlsMaterial material;

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private StepHarness harness;

    @BeforeClass
    public static void startTlsEngine() throws Exception {
        engine = TlsDockerd.start();
        material = TlsDockerd.material(engine.clientCerts, "credentials 'docker-tls'");
    }

    @AfterClass
    public static void stopTlsEngine() throws Exception {
        if (engine != null) {
            engine.close();
        }
    }

    @Before
    public void workspaceWithTheAppContext() throws Exception {
        File workspace = tmp.newFolder("ws");
        TestImages.appContext(workspace.toPath().resolve("app"), "tls", true);
        harness = StepHarness.in(workspace).env("DOCKER_HOST", engine.uri()).dockerServer("docker-tls", material);
    }

    private static ContainerBuildStep appStep(String credentialsId) {
        ContainerBuildStep step = new ContainerBuildStep(List.of("glue-tls:1"));
        step.setContext("app");
        step.setDockerCredentialsId(credentialsId);
        return step;
    }

    @Test
    public void buildsOnTheTlsEngineWithTheCredentialsMaterial() throws Exception {
        Map<String, Object> img = harness.run(appStep("docker-tls"), BuildCore.IMAGE_BUILDER);

        DockerHost tls = new DockerHost(engine.uri(), false, null).withTls(material);
        try (DockerClient docker = DockerClientFactory.DEFAULT.connect(tls)) {
            assertEquals(img.get("imageId"), docker.inspectImageCmd("glue-tls:1").exec().getId());
        }
        String keyLine = material.clientKey().lines().filter(l -> !l.startsWith("-----")).findFirst().orElseThrow();
        assertFalse(harness.console(), harness.console().contains(keyLine));
    }

    @Test
    public void failsNamingTheCredentialsWhoseCaDoesNotSignTheEngine() throws Exception {
        harness.dockerServer("wrong-ca", TlsDockerd.material(engine.wrongCa, "credentials 'wrong-ca'"));
        AbortException e = assertThrows(AbortException.class, () -> harness.run(appStep("wrong-ca"), BuildCore.IMAGE_BUILDER));
        assertTrue(e.getMessage(), e.getMessage().startsWith("containerBuild: "));
        assertTrue(e.getMessage(), e.getMessage().contains("not signed by the server CA certificate of credentials 'wrong-ca'"));
    }
}
