package io.jenkins.plugins.containerrollout.core.swarm;

import static io.jenkins.plugins.containerrollout.core.swarm.SwarmFixture.assertServes;
import static io.jenkins.plugins.containerrollout.core.swarm.SwarmFixture.swarmCli;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.containerrollout.core.deploy.AppPhase;
import io.jenkins.plugins.containerrollout.core.image.RegistryCredentials;
import io.jenkins.plugins.containerrollout.core.record.Outcome;
import io.jenkins.plugins.containerrollout.core.record.RolloutRecord;
import io.jenkins.plugins.containerrollout.testing.TestBed;
import io.jenkins.plugins.containerrollout.testing.TestImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.After;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * A private image on the htpasswd registry: refused without credentials before anything changes; with them the
 * manager pulls it, and keeps the {@code X-Registry-Auth} we sent so tasks re-pull it later without us.
 */
public class SwarmRegistryAuthEngineTest extends SwarmTestBase {
    private static final int PORT_BASE = 37500;
    static String image;

    private final RegistryCredentials login = new RegistryCredentials(TestBed.authUser(), TestBed.authPassword());

    @BeforeClass
    public static void privateImage() throws Exception {
        image = TestBed.authRegistry() + "/" + TestBed.unique("swarm-auth") + ":1";
        Path dir = Files.createTempDirectory("swarm-auth");
        try {
            TestImages.app(dir, image, "1.0", true);
            SwarmFixture.pushWithAuth(image, new RegistryCredentials(TestBed.authUser(), TestBed.authPassword()));
        } finally {
            TestBed.run(List.of("rm", "-rf", dir.toString()), Path.of("/"));
            TestBed.dockerResult("rmi", image);
        }
    }

    @Override
    protected int firstPort() {
        return PORT_BASE;
    }

    @After
    public void removeImageFromTheNode() {
        TestBed.run(List.of("docker", "-H", host.uri(), "rmi", "-f", image), Path.of("."));
    }

    @Test
    public void withoutCredentialsAPrivateImageIsRefusedBeforeAnythingChanges() {
        {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> swarm.deploy(SwarmFixture.request(host, app, image, 1, portBase()), SwarmFixture.SINK));
            assertTrue(e.getMessage(), e.getMessage().startsWith("image: pulling " + image
                    + " onto the swarm manager failed: "));
            assertFalse("no password in " + e.getMessage(), e.getMessage().contains(TestBed.authPassword()));
            assertEquals(AppPhase.NONE, swarm.status(app).phase());
        }
    }

    @Test
    public void theManagerKeepsOurCredentialsSoTasksPullThePrivateImageAgain() throws Exception {
        try (SwarmDeployer withLogin = new SwarmDeployer(host, login)) {
            RolloutRecord r = withLogin.deploy(SwarmFixture.request(host, app, image, 1, portBase()), SwarmFixture.SINK);
            assertEquals(r.message(), Outcome.SUCCEEDED, r.outcome());

            // the image leaves the node; a forced update by the CLI (which sends no credentials) must pull it again
            swarmCli(host, "rmi", "-f", image);
            swarmCli(host, "service", "update", "--quiet", "--force", app);
            assertServes(withLogin, app, 1, "1.0");
            assertFalse(swarmCli(host, "image", "ls", "-q", "--filter", "reference=" + image.replaceFirst(":1$", ""))
                    .isBlank());
        }
    }
}
