package io.jenkins.plugins.containerrollout.steps;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import hudson.AbortException;
import io.jenkins.plugins.containerrollout.core.RequestException;
import io.jenkins.plugins.containerrollout.core.router.TrafficRouter;
import io.jenkins.plugins.containerrollout.core.image.RegistryCredentials;
import io.jenkins.plugins.containerrollout.core.record.Outcome;
import io.jenkins.plugins.containerrollout.core.report.ReportEntry;
import java.util.List;
import java.util.Map;
import org.junit.Test;

/** {@code containerDeploy} run through the shared execution in a {@link StepHarness}, with a fake core. */
public class ContainerDeployExecutionTest extends FakeCoreHarness {
    private static ContainerDeployStep step() {
        return new ContainerDeployStep("web", "127.0.0.1:5000/web:4", 21000);
    }

    @Test
    public void returnsTheRolloutSummary() throws Exception {
        Map<String, Object> d = RolloutStepRunner.deploy(harness, step(), core);
        Map<String, Object> expected = new java.util.HashMap<>(Map.of("app", "web", "revision", 4, "previousRevision", 3,
                "outcome", "SUCCEEDED", "servingRevision", 4, "durationMillis", 4200L, "availabilityFloor", 0.5,
                "timeToRestoreMillis", -1L, "message", "2/2 replicas on revision 4"));
        // where a paused rollout holds: null unless PAUSED (PausedRolloutStepsTest)
        expected.put("pausedAtStep", null);
        expected.put("pausedWeight", null);
        expected.put("previewUrl", null);
        assertEquals(expected, d);
    }

    @Test
    public void attachesTheRolloutRecordToTheBuild() throws Exception {
        RolloutStepRunner.deploy(harness, step(), core);
        assertEquals(1, harness.jenkins.recorded.size());
        ReportEntry.Rollout entry = (ReportEntry.Rollout) harness.jenkins.recorded.get(0);
        assertEquals("web", entry.record().app());
    }

    @Test
    public void putsBuildUrlAndCommitFromTheEnvironmentIntoTheRequest() throws Exception {
        harness.env("BUILD_URL", "http://jenkins/job/shop/7/").env("GIT_COMMIT", "0123abc");
        RolloutStepRunner.deploy(harness, step(), core);
        assertEquals("http://jenkins/job/shop/7/", core.deployed.buildUrl());
        assertEquals("0123abc", core.deployed.commit());
    }

    @Test
    public void leavesBuildUrlAndCommitOutWhenTheEnvironmentLacksThem() throws Exception {
        RolloutStepRunner.deploy(harness, step(), core);
        assertNull(core.deployed.buildUrl());
        assertNull(core.deployed.commit());
    }

    @Test
    public void deploysOnTheEngineOfTheEnvironment() throws Exception {
        harness.env("DOCKER_HOST", "tcp://127.0.0.1:2375");
        RolloutStepRunner.deploy(harness, step(), core);
        assertEquals("tcp://127.0.0.1:2375", core.deployed.host().uri());
    }

    @Test
    public void anAutomaticRollbackFailsTheStepNamingTheCauseAfterRecordingIt() throws Exception {
        core.deployEnds(Outcome.ROLLED_BACK);
        AbortException e = assertThrows(AbortException.class, () -> RolloutStepRunner.deploy(harness, step(), core));
        assertEquals("containerDeploy: web ROLLED_BACK: replica web.r4.s0 failed its health gate", e.getMessage());
        assertEquals(1, harness.jenkins.recorded.size());
    }

    @Test
    public void withFailOnRollbackOffAnAutomaticRollbackReturnsItsSummary() throws Exception {
        core.deployEnds(Outcome.ROLLED_BACK);
        ContainerDeployStep step = step();
        step.setFailOnRollback(false);
        Map<String, Object> d = RolloutStepRunner.deploy(harness, step, core);
        assertEquals("ROLLED_BACK", d.get("outcome"));
        assertEquals(3, d.get("servingRevision"));
        assertEquals(1500L, d.get("timeToRestoreMillis"));
    }

    @Test
    public void aFailedRolloutFailsTheStepEvenWithFailOnRollbackOff() throws Exception {
        core.deployEnds(Outcome.FAILED);
        ContainerDeployStep step = step();
        step.setFailOnRollback(false);
        AbortException e = assertThrows(AbortException.class, () -> RolloutStepRunner.deploy(harness, step, core));
        assertTrue(e.getMessage(), e.getMessage().startsWith("containerDeploy: web FAILED: "));
    }

    @Test
    public void aPausedRolloutReturnsNormally() throws Exception {
        // PAUSED holds at a pause that was asked for (issue #15); a failure with autoRollback off is FAILED, above
        core.deployEnds(Outcome.PAUSED);
        assertEquals("PAUSED", RolloutStepRunner.deploy(harness, step(), core).get("outcome"));
    }

    @Test
    public void badStrategyValuesAbortWithTheCoresMessageBeforeTheCoreRuns() throws Exception {
        ContainerDeployStep step = step();
        RollingStrategy rolling = new RollingStrategy();
        rolling.setMaxUnavailable("120%");
        step.setStrategy(rolling);
        AbortException e = assertThrows(AbortException.class, () -> RolloutStepRunner.deploy(harness, step, core));
        assertEquals("containerDeploy: maxUnavailable: '120%' is out of range; use 0 or more, or 0%-100%", e.getMessage());
        assertNull(core.deployed);
        assertEquals(List.of(), harness.jenkins.recorded);
    }

    @Test
    public void aMissingAppAbortsNamingTheParameter() throws Exception {
        AbortException e = assertThrows(AbortException.class,
                () -> RolloutStepRunner.deploy(harness, new ContainerDeployStep(null, "web:4", 21000), core));
        assertEquals("containerDeploy: app: required; name the application, e.g. app: 'web'", e.getMessage());
    }

    @Test
    public void aMissingImageAbortsNamingTheParameter() throws Exception {
        AbortException e = assertThrows(AbortException.class,
                () -> RolloutStepRunner.deploy(harness, new ContainerDeployStep("web", "", 21000), core));
        assertTrue(e.getMessage(), e.getMessage().startsWith("containerDeploy: image: required"));
    }

    @Test
    public void aRequestTheEngineRefusesAbortsWithItsMessage() throws Exception {
        RolloutCore refusing = core.deployThrows(new RequestException("portBase: port 21000 (slot 0) is already in use by another process"));
        AbortException e = assertThrows(AbortException.class, () -> RolloutStepRunner.deploy(harness, step(), refusing));
        assertEquals("containerDeploy: portBase: port 21000 (slot 0) is already in use by another process", e.getMessage());
    }

    /** A corrupt label in the engine is not the user's to fix: it keeps its type and stack trace (docs/architecture.md). */
    @Test
    public void aFailureThatIsNotARequestErrorIsNotDressedAsOne() throws Exception {
        RolloutCore corrupt = core.deployThrows(new NumberFormatException("For input string: \"x\""));
        assertThrows(NumberFormatException.class, () -> RolloutStepRunner.deploy(harness, step(), corrupt));
    }

    @Test
    public void pullsWithTheCredentialsForTheImagesRegistry() throws Exception {
        harness.credentials("registry", "ci", "s3cr3t-Pa55");
        ContainerDeployStep step = new ContainerDeployStep("web", "127.0.0.1:5001/web:4", 21000);
        step.setRegistryCredentialsId("registry");
        RolloutStepRunner.deploy(harness, step, core);
        assertEquals(List.of("registry for https://127.0.0.1:5001"), harness.jenkins.lookups);
        assertEquals(new RegistryCredentials("ci", "s3cr3t-Pa55"), core.credentials);
    }

    @Test
    public void withoutARouterTheCoreGetsNone() throws Exception {
        RolloutStepRunner.deploy(harness, step(), core);
        assertSame(TrafficRouter.NONE, core.router);
    }

    @Test
    public void theCoresProgressReachesTheConsolePrefixed() throws Exception {
        RolloutStepRunner.deploy(harness, step(), core);
        assertTrue(harness.console(), harness.console().contains("[containerDeploy] web: 2/2 replicas on revision 4"));
        assertFalse(harness.console(), harness.console().lines().anyMatch(l -> !l.startsWith("[containerDeploy] ")));
    }
}
