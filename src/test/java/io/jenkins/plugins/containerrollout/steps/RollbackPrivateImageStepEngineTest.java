package io.jenkins.plugins.containerrollout.steps;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import hudson.AbortException;
import io.jenkins.plugins.containerrollout.testing.Registries;
import io.jenkins.plugins.containerrollout.testing.TestBed;
import io.jenkins.plugins.containerrollout.testing.TestImages;
import java.util.Map;
import org.junit.After;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * {@code containerRollback(registryCredentialsId: …)} on the test bed's engine: a revision whose private image someone
 * removed from the engine is pulled back with the login and restored; without the login the step fails with the
 * reason and the current revision keeps serving. Only Jenkins is simulated by the {@link StepHarness}. Ports
 * 33000-33999.
 */
public class RollbackPrivateImageStepEngineTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private final String app = TestBed.unique("rbpriv");
    private final String v2 = app + ":2.0";
    private String v1;
    private String v1Id;

    @After
    public void removeAppAndImages() {
        // the app first (its kept replicas use the images); revision 1's image is this test's own (uniqueApp), so
        // removing it by id touches no other test's image
        StepTestBed.removeApp(app, v1, v2);
        if (v1Id != null) {
            TestBed.dockerResult("rmi", "-f", v1Id);
        }
    }

    @Test
    public void aRemovedPrivateImageIsPulledBackWithTheCredentialsAndRefusedWithoutThem() throws Exception {
        v1 = TestImages.uniqueApp(tmp.newFolder("v1").toPath(), TestBed.authRegistry() + "/" + app + ":1.0", "1.0");
        Registries.pushWithLogin(v1);
        TestImages.app(tmp.newFolder("v2").toPath(), v2, "2.0", true);
        StepHarness harness = StepHarness.in(tmp.newFolder("ws")).env("DOCKER_HOST", TestBed.host().uri())
                .credentials("registry", TestBed.authUser(), TestBed.authPassword());
        int portBase = StepTestBed.freePorts(2);
        assertEquals("SUCCEEDED", RolloutStepRunner.deploy(harness, StepTestBed.quickDeploy(app, v1, portBase), RolloutCore.ENGINE).get("outcome"));
        v1Id = TestBed.docker("inspect", "--format", "{{.Id}}", v1).trim();
        assertEquals("SUCCEEDED", RolloutStepRunner.deploy(harness, StepTestBed.quickDeploy(app, v2, portBase), RolloutCore.ENGINE).get("outcome"));
        TestBed.removeImageOnceUnused(v1Id);
        assertEquals("gone from the engine", 1, TestBed.dockerResult("image", "inspect", v1Id).exitCode());

        ContainerRollbackStep anonymous = new ContainerRollbackStep(app);
        anonymous.setToRevision(1);
        AbortException refused = assertThrows(AbortException.class,
                () -> RolloutStepRunner.rollback(harness, anonymous, RolloutCore.ENGINE));
        assertTrue(refused.getMessage(), refused.getMessage().startsWith("containerRollback: toRevision: the image of "
                + "revision 1 (" + v1Id + ") is no longer on the engine and " + TestBed.authRegistry() + "/" + app + "@sha256:"));
        assertTrue(refused.getMessage(), refused.getMessage().endsWith("could not be pulled; push it again or pick another revision"));
        assertEquals("revision 2 keeps serving", "2.0", StepTestBed.servedVersion(app));

        ContainerRollbackStep withLogin = new ContainerRollbackStep(app);
        withLogin.setToRevision(1);
        withLogin.setRegistryCredentialsId("registry");
        Map<String, Object> restored = RolloutStepRunner.rollback(harness, withLogin, RolloutCore.ENGINE);

        assertEquals(restored.toString(), "SUCCEEDED", restored.get("outcome"));
        assertEquals(1, restored.get("servingRevision"));
        assertEquals("1.0", StepTestBed.servedVersion(app));
        assertTrue(harness.console(), harness.console().contains("[containerRollback] pulling " + TestBed.authRegistry()
                + "/" + app + "@sha256:"));
        assertFalse("the password is masked", harness.console().contains(TestBed.authPassword()));
    }
}
