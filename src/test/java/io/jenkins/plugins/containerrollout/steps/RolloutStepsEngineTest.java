package io.jenkins.plugins.containerrollout.steps;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import hudson.AbortException;
import io.jenkins.plugins.containerrollout.core.report.ReportEntry;
import io.jenkins.plugins.containerrollout.testing.TestBed;
import io.jenkins.plugins.containerrollout.testing.TestImages;
import java.util.List;
import java.util.Map;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The three steps end to end on the test bed's engine: the glue with the real deploy and verify cores; only Jenkins
 * is simulated by the {@link StepHarness}. Ports 33000-33999.
 */
public class RolloutStepsEngineTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private final String app = TestBed.unique("steps");
    private final String v1 = app + ":1.0";
    private final String v2 = app + ":2.0";
    private StepHarness harness;
    private int portBase;

    @Before
    public void imagesAndHarness() throws Exception {
        // v1's context lies in the workspace, so containerBuild can push it in the credentials test
        TestImages.app(tmp.newFolder("ws", "v1").toPath(), v1, "1.0", true);
        TestImages.app(tmp.newFolder("v2").toPath(), v2, "2.0", true);
        harness = StepHarness.in(tmp.getRoot().toPath().resolve("ws").toFile()).env("DOCKER_HOST", TestBed.host().uri());
        portBase = StepTestBed.freePorts(2);
    }

    @After
    public void removeAppAndImages() {
        StepTestBed.removeApp(app, v1, v2, app + ":broken");
    }

    private ContainerDeployStep deploy(String image) {
        return StepTestBed.quickDeploy(app, image, portBase);
    }

    @Test
    public void deployThenAFailedVerificationRollsBackAndARollbackRestoresTheNewerRevision() throws Exception {
        Map<String, Object> first = RolloutStepRunner.deploy(harness, deploy(v1), RolloutCore.ENGINE);
        Map<String, Object> second = RolloutStepRunner.deploy(harness, deploy(v2), RolloutCore.ENGINE);
        assertEquals(List.of("SUCCEEDED", 1, "SUCCEEDED", 2, 1), List.of(first.get("outcome"), first.get("revision"),
                second.get("outcome"), second.get("revision"), second.get("previousRevision")));
        assertEquals("2.0", StepTestBed.servedVersion(app));

        HttpVerifyCheck expectsOldVersion = new HttpVerifyCheck("{endpoint}/version");
        expectsOldVersion.setBodyRegex("^1\\.0");
        ContainerVerifyStep verify = new ContainerVerifyStep(app, List.of(expectsOldVersion));
        verify.setOnFailure("rollback");
        verify.setFailOnRollback(false);
        Map<String, Object> verified = RolloutStepRunner.verify(harness, verify, RolloutCore.ENGINE);
        assertEquals(false, verified.get("passed"));
        assertEquals(true, verified.get("rolledBack"));
        assertEquals("1.0", StepTestBed.servedVersion(app));

        ContainerRollbackStep back = new ContainerRollbackStep(app);
        back.setToRevision(2);
        Map<String, Object> restored = RolloutStepRunner.rollback(harness, back, RolloutCore.ENGINE);
        assertEquals(2, restored.get("servingRevision"));
        assertTrue(restored.toString(), (Long) restored.get("timeToRestoreMillis") >= 0);
        assertEquals("2.0", StepTestBed.servedVersion(app));
        assertEquals(List.of("Rollout", "Rollout", "Verification", "Rollout", "Rollout"),
                harness.jenkins.recorded.stream().map(e -> e.getClass().getSimpleName()).toList());
    }

    @Test
    public void pullsAPrivateImageWithTheRegistryCredentialsAndNeverShowsThePassword() throws Exception {
        String privateImage = TestBed.authRegistry() + "/" + app + ":1.0";
        TestBed.docker("tag", v1, privateImage);
        harness.credentials("registry", TestBed.authUser(), TestBed.authPassword());
        ContainerBuildStep push = new ContainerBuildStep(List.of(privateImage));
        push.setContext("v1");
        push.setPush(true);
        push.setRegistryCredentialsId("registry");
        try {
            harness.run(push, BuildCore.IMAGE_BUILDER);
            TestBed.docker("rmi", privateImage);
            ContainerDeployStep step = deploy(privateImage);
            step.setRegistryCredentialsId("registry");

            Map<String, Object> d = RolloutStepRunner.deploy(harness, step, RolloutCore.ENGINE);

            assertEquals("SUCCEEDED", d.get("outcome"));
            assertTrue(harness.console(), harness.console().contains("[containerDeploy] pulling " + privateImage + " as "));
            assertFalse(harness.console().contains(TestBed.authPassword()));
        } finally {
            TestBed.dockerResult("rmi", "-f", privateImage);
        }
    }

    @Test
    public void anUnhealthyImageIsRolledBackAndFailsTheStepWithTheRecordAttached() throws Exception {
        TestImages.app(tmp.newFolder("broken").toPath(), app + ":broken", "3.0", false);
        RolloutStepRunner.deploy(harness, deploy(v1), RolloutCore.ENGINE);

        AbortException e = assertThrows(AbortException.class,
                () -> RolloutStepRunner.deploy(harness, deploy(app + ":broken"), RolloutCore.ENGINE));

        assertTrue(e.getMessage(), e.getMessage().startsWith("containerDeploy: " + app + " ROLLED_BACK: "));
        ReportEntry.Rollout last = (ReportEntry.Rollout) harness.jenkins.recorded.get(1);
        assertEquals(1, last.record().servingRevision());
        assertEquals("1.0", StepTestBed.servedVersion(app));
    }
}
