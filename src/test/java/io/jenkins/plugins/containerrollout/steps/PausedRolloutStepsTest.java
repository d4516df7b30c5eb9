package io.jenkins.plugins.containerrollout.steps;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import hudson.AbortException;
import io.jenkins.plugins.containerrollout.core.deploy.AppPhase;
import io.jenkins.plugins.containerrollout.core.deploy.AppStatus;
import io.jenkins.plugins.containerrollout.core.record.Operation;
import io.jenkins.plugins.containerrollout.core.record.Outcome;
import io.jenkins.plugins.containerrollout.core.record.PauseInfo;
import io.jenkins.plugins.containerrollout.core.record.RolloutRecord;
import io.jenkins.plugins.containerrollout.core.report.ReportEntry;
import io.jenkins.plugins.containerrollout.core.verify.OnFailure;
import java.util.List;
import java.util.Map;
import org.junit.Test;

/**
 * Promotion control in the steps (issue #15), through the shared execution with a fake core: a PAUSED rollout
 * returns normally and says where it holds, {@code containerPromote} continues it, a rollback that aborts it returns
 * normally, {@code containerVerify(preview: true)} checks the preview address.
 */
public class PausedRolloutStepsTest extends FakeCoreHarness {
    private static final PauseInfo CANARY_AT_10 = new PauseInfo("canary", 1, 2, 10, 4, 3, 2000, null,
            "http://jenkins/job/shop/7/");
    private static final PauseInfo PREVIEW = new PauseInfo("blueGreen", 0, 0, 0, 4, 3, 2000,
            "http://127.0.0.1:28081", null);

    static RolloutRecord paused(PauseInfo where) {
        return FakeRolloutCore.record("web", Operation.DEPLOY, Outcome.PAUSED).withPause(where);
    }

    private static ContainerDeployStep deploy() {
        return new ContainerDeployStep("web", "127.0.0.1:5000/web:4", 21000);
    }

    private Map<String, Object> promote(ContainerPromoteStep step) throws Exception {
        return new ContainerPromoteStep.Execution(harness, step, harness.jenkins, core).execute(harness);
    }

    @Test
    public void aPausedCanaryReturnsNormallySayingAtWhichStepAndWeight() throws Exception {
        core.deployReturns(paused(CANARY_AT_10));
        Map<String, Object> d = RolloutStepRunner.deploy(harness, deploy(), core);
        assertEquals("PAUSED", d.get("outcome"));
        assertEquals(1, d.get("pausedAtStep"));
        assertEquals(10, d.get("pausedWeight"));
        assertTrue(d.containsKey("previewUrl"));
        assertNull(d.get("previewUrl"));
        assertEquals("recorded with the build", 1, harness.jenkins.recorded.size());
    }

    @Test
    public void aPausedBlueGreenReturnsItsPreviewUrl() throws Exception {
        core.deployReturns(paused(PREVIEW));
        Map<String, Object> d = RolloutStepRunner.deploy(harness, deploy(), core);
        assertEquals("PAUSED", d.get("outcome"));
        assertEquals("http://127.0.0.1:28081", d.get("previewUrl"));
        assertEquals(0, d.get("pausedAtStep"));
    }

    @Test
    public void aRolloutThatDidNotPauseHasNullPauseKeys() throws Exception {
        Map<String, Object> d = RolloutStepRunner.deploy(harness, deploy(), core);
        assertEquals("SUCCEEDED", d.get("outcome"));
        for (String key : List.of("pausedAtStep", "pausedWeight", "previewUrl")) {
            assertTrue(key, d.containsKey(key));
            assertNull(key, d.get(key));
        }
    }

    @Test
    public void replacePausedReachesTheRequest() throws Exception {
        ContainerDeployStep step = deploy();
        RolloutStepRunner.deploy(harness, step, core);
        assertFalse(core.deployed.replacePaused());
        step.setReplacePaused(true);
        RolloutStepRunner.deploy(harness, step, core);
        assertTrue(core.deployed.replacePaused());
    }

    @Test
    public void promoteSendsAppFullAndTheBuildAndReturnsTheDeployMap() throws Exception {
        harness.env("BUILD_URL", "http://jenkins/job/shop/9/");
        ContainerPromoteStep step = new ContainerPromoteStep("web");
        step.setFull(true);
        Map<String, Object> p = promote(step);
        assertEquals("web", core.promoted.app());
        assertTrue(core.promoted.full());
        assertEquals("http://jenkins/job/shop/9/", core.promoted.buildUrl());
        assertEquals("SUCCEEDED", p.get("outcome"));
        assertEquals(4, p.get("servingRevision"));
        ReportEntry.Rollout entry = (ReportEntry.Rollout) harness.jenkins.recorded.get(0);
        assertEquals(Outcome.SUCCEEDED, entry.record().outcome());
    }

    @Test
    public void aPromoteThatHoldsAtTheNextManualStepReturnsPausedAgain() throws Exception {
        core.promoteEnds(paused(new PauseInfo("canary", 2, 3, 50, 4, 3, 2000, null, null)));
        Map<String, Object> p = promote(new ContainerPromoteStep("web"));
        assertEquals("PAUSED", p.get("outcome"));
        assertEquals(50, p.get("pausedWeight"));
    }

    @Test
    public void aFailedPromotionFailsTheStepAfterRecordingIt() throws Exception {
        core.promoteEnds(FakeRolloutCore.record("web", Operation.DEPLOY, Outcome.ROLLED_BACK));
        AbortException e = assertThrows(AbortException.class, () -> promote(new ContainerPromoteStep("web")));
        assertTrue(e.getMessage(), e.getMessage().startsWith("containerPromote: web ROLLED_BACK: "));
        assertEquals(1, harness.jenkins.recorded.size());
    }

    @Test
    public void promoteWithoutAnAppNamesTheParameter() {
        AbortException e = assertThrows(AbortException.class, () -> promote(new ContainerPromoteStep(" ")));
        assertEquals("containerPromote: app: required; name the application, e.g. app: 'web'", e.getMessage());
        assertNull(core.promoted);
    }

    @Test
    public void aRollbackThatAbortsAPausedRolloutReturnsNormally() throws Exception {
        core.rollbackEnds(Outcome.ABORTED);
        Map<String, Object> r = RolloutStepRunner.rollback(harness, new ContainerRollbackStep("web"), core);
        assertEquals("ABORTED", r.get("outcome"));
    }

    @Test
    public void verifyAgainstThePreviewUsesThePreviewAddressAsEndpoint() throws Exception {
        core.status(pausedStatus(PREVIEW));
        ContainerVerifyStep step = new ContainerVerifyStep("web", List.of(new HttpVerifyCheck("{endpoint}/health")));
        step.setPreview(true);
        Map<String, Object> v = RolloutStepRunner.verify(harness, step, core);
        assertEquals(List.of("http://127.0.0.1:28081"), core.verified.endpoints());
        assertEquals(List.of("http://127.0.0.1:28081"), v.get("endpoints"));
    }

    @Test
    public void verifyAgainstThePreviewOfAnAppThatIsNotPausedFailsNamingPreview() {
        ContainerVerifyStep step = new ContainerVerifyStep("web", List.of(new HttpVerifyCheck("{endpoint}/health")));
        step.setPreview(true);
        AbortException e = assertThrows(AbortException.class, () -> RolloutStepRunner.verify(harness, step, core));
        assertTrue(e.getMessage(), e.getMessage().startsWith("containerVerify: preview: no rollout of 'web' holds at a pause"));
        assertNull("nothing was verified", core.verified);
    }

    @Test
    public void verifyAgainstThePreviewOfAPausedCanaryFailsSayingItHasNone() {
        core.status(pausedStatus(CANARY_AT_10));
        ContainerVerifyStep step = new ContainerVerifyStep("web", List.of(new HttpVerifyCheck("{endpoint}/health")));
        step.setPreview(true);
        AbortException e = assertThrows(AbortException.class, () -> RolloutStepRunner.verify(harness, step, core));
        assertTrue(e.getMessage(), e.getMessage().contains("has no preview address"));
    }

    @Test
    public void previewAndExplicitEndpointsAreRefusedTogether() {
        ContainerVerifyStep step = new ContainerVerifyStep("web", List.of(new HttpVerifyCheck("{endpoint}/health")));
        step.setPreview(true);
        step.setEndpoints(List.of("http://127.0.0.1:9"));
        AbortException e = assertThrows(AbortException.class, () -> RolloutStepRunner.verify(harness, step, core));
        assertTrue(e.getMessage(), e.getMessage().startsWith("containerVerify: preview: "));
    }

    @Test
    public void aVerificationRollbackThatAbortsThePausedRolloutCountsAsRolledBack() throws Exception {
        core.status(pausedStatus(PREVIEW)).verificationFails().rollbackEnds(Outcome.ABORTED);
        ContainerVerifyStep step = new ContainerVerifyStep("web", List.of(new HttpVerifyCheck("{endpoint}/health")));
        step.setPreview(true);
        step.setOnFailure(OnFailure.ROLLBACK.name().toLowerCase(java.util.Locale.ROOT));
        step.setFailOnRollback(false);
        Map<String, Object> v = RolloutStepRunner.verify(harness, step, core);
        assertEquals(true, v.get("rolledBack"));
    }

    static AppStatus pausedStatus(PauseInfo where) {
        return new AppStatus("web", AppPhase.PAUSED, 3, 4, 2, 4, List.of(21000, 21001), List.of(), null, null, where);
    }
}
