package io.jenkins.plugins.containerrollout.core.deploy.docker;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.containerrollout.core.ProgressSink;
import io.jenkins.plugins.containerrollout.core.deploy.DeployRequest;
import io.jenkins.plugins.containerrollout.core.deploy.RollbackRequest;
import io.jenkins.plugins.containerrollout.core.deploy.RolloutStrategy;
import io.jenkins.plugins.containerrollout.core.record.Outcome;
import io.jenkins.plugins.containerrollout.core.record.RolloutRecord;
import io.jenkins.plugins.containerrollout.core.router.TrafficRouter;
import io.jenkins.plugins.containerrollout.testing.Registries;
import io.jenkins.plugins.containerrollout.testing.TestBed;
import io.jenkins.plugins.containerrollout.testing.TestImages;
import java.nio.file.Files;
import org.junit.After;
import org.junit.Test;

/**
 * A rollback to a revision whose image someone removed from the engine ({@code docker rmi -f}, a prune): restored by
 * pulling it back by its digest when a registry has it (with the registry login when it needs one), refused with the
 * reason and nothing changed when it is nowhere, or when the registry refuses: the current revision keeps serving.
 */
public class RollbackImageGoneEngineTest extends EngineTestBase {
    private String v1;

    @After
    public void removeImage() {
        DeployFixture.cleanup(app); // before the image: the kept replicas of revision 1 use it
        TestBed.dockerResult("rmi", "-f", v1);
    }

    @Test
    public void anImageInAPrivateRegistryIsPulledBackWithTheLogin() throws Exception {
        v1 = TestImages.uniqueApp(Files.createTempDirectory("gone"), TestBed.authRegistry() + "/" + app + ":1", "1.0");
        Registries.pushWithLogin(v1);
        String imageId = deployV1ThenV2AndRemoveV1();

        IllegalArgumentException anonymous = assertThrows(IllegalArgumentException.class,
                () -> deployer.rollback(rollback(), ProgressSink.NONE));
        assertTrue(anonymous.getMessage(), anonymous.getMessage().contains("could not be pulled"));
        assertServes(2, 2, "2");

        RolloutRecord restored;
        try (DockerDeployer withLogin = new DockerDeployer(host, TrafficRouter.NONE, Registries.login())) {
            restored = withLogin.rollback(rollback(), System.out::println);
        }

        assertEquals(restored.message(), Outcome.SUCCEEDED, restored.outcome());
        assertEquals("the exact image of revision 1", imageId, restored.imageId());
        assertServes(1, 2, "1.0");
    }

    @Test
    public void anImageThatIsNowhereIsRefusedAndNothingChanges() throws Exception {
        v1 = TestImages.uniqueApp(Files.createTempDirectory("gone"), app + "-local:1", "1.0"); // never pushed
        String imageId = deployV1ThenV2AndRemoveV1();
        IllegalArgumentException refused;
        try (DockerDeployer withLogin = new DockerDeployer(host, TrafficRouter.NONE, Registries.login())) {
            // no digest: even with the login there is nothing to pull
            refused = assertThrows(IllegalArgumentException.class, () -> withLogin.rollback(rollback(), ProgressSink.NONE));
        }

        assertEquals("toRevision: the image of revision 1 (" + imageId + ") is no longer on the engine; push it again "
                + "or pick another revision", refused.getMessage());
        assertServes(2, 2, "2");
        assertEquals("no rollout holds the app", null, deployer.status(app).lockOwner());
    }

    /** Revision 1 from {@link #v1}, revision 2 on top, then revision 1's image removed; returns its id. */
    private String deployV1ThenV2AndRemoveV1() throws Exception {
        int base = DeployFixture.portBase(app, 3);
        DeployRequest request = new DeployRequest(host, app, DeployFixture.spec(v1), 2, base,
                RolloutStrategy.rolling("1", "0"), DeployFixture.probe(), 10, null, null);
        assertEquals(Outcome.SUCCEEDED, deployer.deploy(request, ProgressSink.NONE).outcome());
        String imageId = TestBed.docker("inspect", "--format", "{{.Id}}", v1).trim();
        RolloutRecord v2 = deployer.deploy(request.withSpec(DeployFixture.spec(DeployFixture.image("2", true))),
                ProgressSink.NONE);
        assertEquals(v2.message(), Outcome.SUCCEEDED, v2.outcome());
        TestBed.removeImageOnceUnused(imageId);
        assertEquals("gone from the engine", 1, TestBed.dockerResult("image", "inspect", imageId).exitCode());
        return imageId;
    }

    private RollbackRequest rollback() {
        return RollbackRequest.to(host, app, 1).withProbe(DeployFixture.probe())
                .withStrategy(RolloutStrategy.rolling("1", "0"));
    }
}
