package io.jenkins.plugins.containerrollout.steps;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import hudson.AbortException;
import io.jenkins.plugins.containerrollout.core.record.Outcome;
import io.jenkins.plugins.containerrollout.core.report.ReportEntry;
import io.jenkins.plugins.containerrollout.core.verify.ExecCheck;
import io.jenkins.plugins.containerrollout.core.verify.HealthCheck;
import io.jenkins.plugins.containerrollout.core.verify.HttpCheck;
import io.jenkins.plugins.containerrollout.core.verify.OnFailure;
import io.jenkins.plugins.containerrollout.core.verify.SmokeTestCheck;
import io.jenkins.plugins.containerrollout.core.verify.SuccessRateCheck;
import java.util.List;
import java.util.Map;
import org.junit.Test;

/** {@code containerVerify}: mapping of every check, endpoints, and each reaction to a failure, with a fake core. */
public class ContainerVerifyExecutionTest extends FakeCoreHarness {
    private static ContainerVerifyStep step(VerifyCheck... checks) {
        return new ContainerVerifyStep("web", List.of(checks));
    }

    private Map<String, Object> run(ContainerVerifyStep step) throws Exception {
        return RolloutStepRunner.verify(harness, step, core);
    }

    @Test
    public void theServingReplicasAreTheEndpoints() throws Exception {
        run(step(new HttpVerifyCheck("{endpoint}/health")));
        assertEquals(List.of("http://127.0.0.1:21000", "http://127.0.0.1:21001"), core.verified.endpoints());
    }

    @Test
    public void explicitEndpointsWinOverTheReplicas() throws Exception {
        ContainerVerifyStep step = step(new HttpVerifyCheck("{endpoint}/health"));
        step.setEndpoints(List.of("http://127.0.0.1:8080"));
        run(step);
        assertEquals(List.of("http://127.0.0.1:8080"), core.verified.endpoints());
    }

    @Test
    public void mapsAnHttpCheckWithEverySetting() throws Exception {
        HttpVerifyCheck http = new HttpVerifyCheck("{endpoint}/version");
        http.setName("version");
        http.setExpect(204);
        http.setMethod("HEAD");
        http.setBodyRegex("^1\\.");
        http.setJsonPath("status");
        http.setJsonValue("up");
        http.setHeaders(Map.of("Content-Type", "text/.*"));
        http.setTimeoutMillis(2000);
        http.setRetries(3);
        http.setIntervalMillis(250);
        http.setSamples(10);
        http.setMaxP95Millis(300);
        run(step(http));
        assertEquals(new HttpCheck("version", "HEAD", "{endpoint}/version", List.of(204), "^1\\.", "status", "up",
                Map.of("Content-Type", "text/.*"), 2000, 3, 250, 10, 300), core.verified.checks().get(0));
    }

    @Test
    public void anHttpCheckExpects200ByDefault() throws Exception {
        run(step(new HttpVerifyCheck("{endpoint}/")));
        assertEquals(HttpCheck.get(null, "{endpoint}/"), core.verified.checks().get(0));
    }

    @Test
    public void mapsASuccessRateCheck() throws Exception {
        SuccessRateVerifyCheck rate = new SuccessRateVerifyCheck();
        rate.setRequests(100);
        rate.setRatePerSecond(20);
        rate.setMinSuccessRatio(0.95);
        rate.setMaxP95Millis(200);
        rate.setTimeoutMillis(1000);
        run(step(rate));
        assertEquals(new SuccessRateCheck(null, "{endpoint}/", 100, 20, 0.95, 200, 1000), core.verified.checks().get(0));
    }

    @Test
    public void healthDefaultsToTheAppsReplicasAndItsDesiredCount() throws Exception {
        core.serving("web", 3, 21000, 21001, 21002);
        run(step(new HealthVerifyCheck()));
        assertEquals(new HealthCheck(null, "io.jenkins.containerrollout.app=web", 0, 3, 0), core.verified.checks().get(0));
    }

    @Test
    public void mapsAHealthCheckWithItsOwnSelector() throws Exception {
        HealthVerifyCheck health = new HealthVerifyCheck();
        health.setLabels("tier=web");
        health.setMinReadySeconds(5);
        health.setMinContainers(1);
        health.setTimeoutMillis(9000);
        run(step(health));
        assertEquals(new HealthCheck(null, "tier=web", 5, 1, 9000), core.verified.checks().get(0));
    }

    @Test
    public void mapsAnExecCheckOnTheAppsReplicas() throws Exception {
        ExecVerifyCheck exec = new ExecVerifyCheck(List.of("test", "-f", "/www/version"));
        exec.setAll(true);
        exec.setTimeoutMillis(5000);
        run(step(exec));
        assertEquals(new ExecCheck(null, "io.jenkins.containerrollout.app=web", List.of("test", "-f", "/www/version"), true, 5000),
                core.verified.checks().get(0));
    }

    @Test
    public void mapsASmokeTestWithItsReports() throws Exception {
        SmokeTestVerifyCheck smoke = new SmokeTestVerifyCheck("web-e2e:7");
        smoke.setReports("/reports/*.xml");
        smoke.setCommand(List.of("run-tests", "--fast"));
        smoke.setEnv(Map.of("LANG", "C"));
        smoke.setTargetUrl("{endpoint}/shop");
        smoke.setTimeoutMillis(60_000);
        run(step(smoke));
        // the XML goes below the agent's workspace by default, a folder per check, for the junit step
        String reportsDir = new java.io.File(tmp.getRoot(), "ws/container-rollout-reports/smokeTest").getPath();
        assertEquals(new SmokeTestCheck(null, "web-e2e:7", List.of("run-tests", "--fast"), Map.of("LANG", "C"),
                "{endpoint}/shop", "/reports/*.xml", 60_000, reportsDir), core.verified.checks().get(0));
    }

    @Test
    public void aSmokeTestsReportsDirIsAFolderOfTheWorkspace() throws Exception {
        SmokeTestVerifyCheck smoke = new SmokeTestVerifyCheck("web-e2e:7");
        smoke.setName("e2e tests");
        smoke.setReportsDir("out/smoke");
        run(step(smoke));
        assertEquals(new java.io.File(tmp.getRoot(), "ws/out/smoke/e2e_tests").getPath(),
                ((SmokeTestCheck) core.verified.checks().get(0)).reportsDir());
        for (String outside : List.of("../elsewhere", "/var/reports", ".")) {
            smoke.setReportsDir(outside);
            assertEquals("reportsDir: '" + outside + "' must be a folder inside the workspace, e.g. "
                    + "'container-rollout-reports', where the junit step can read it",
                    assertThrows(IllegalArgumentException.class, () -> smoke.toCheck("web", 1)).getMessage());
        }
    }

    @Test
    public void returnsTheVerificationSummaryAndRecordsIt() throws Exception {
        Map<String, Object> v = run(step(new HttpVerifyCheck("{endpoint}/")));
        assertEquals(true, v.get("passed"));
        assertEquals(1, v.get("checksPassed"));
        assertEquals(false, v.get("rolledBack"));
        assertTrue(harness.jenkins.recorded.get(0) instanceof ReportEntry.Verification);
    }

    @Test
    public void aFailureFailsTheStepByDefaultAfterRecordingIt() throws Exception {
        core.verificationFails();
        AbortException e = assertThrows(AbortException.class, () -> run(step(new HttpVerifyCheck("{endpoint}/"))));
        assertTrue(e.getMessage(), e.getMessage().startsWith("containerVerify: verify web: FAILED"));
        assertEquals(1, harness.jenkins.recorded.size());
        assertEquals(List.of(), core.rollbacks);
    }

    @Test
    public void unstableMarksTheBuildAndReturns() throws Exception {
        core.verificationFails();
        ContainerVerifyStep step = step(new HttpVerifyCheck("{endpoint}/"));
        step.setOnFailure("unstable");
        Map<String, Object> v = run(step);
        assertEquals(false, v.get("passed"));
        assertEquals(1, harness.jenkins.markedUnstable.size());
        assertTrue(harness.console(), harness.console().contains("marking the build UNSTABLE: verify web: FAILED"));
    }

    /**
     * The stage turns yellow too, not just the build: a {@code WarningAction(UNSTABLE)} with the reason on the step's
     * own FlowNode, as jenkinsci/junit-plugin's {@code JUnitResultsStepExecution} does
     * ({@code node.addOrReplaceAction(new WarningAction(Result.UNSTABLE).withMessage(..))}); junit's descriptor lists
     * {@code FlowNode.class} in {@code getRequiredContext()}, and so do ours.
     */
    @Test
    public void unstableMarksTheStepsNodeWithTheReason() throws Exception {
        core.verificationFails();
        ContainerVerifyStep step = step(new HttpVerifyCheck("{endpoint}/"));
        step.setOnFailure("unstable");
        run(step);
        assertEquals(1, harness.jenkins.nodeWarnings.size());
        assertTrue(harness.jenkins.nodeWarnings.get(0), harness.jenkins.nodeWarnings.get(0).startsWith("7: verify web: FAILED"));
        assertTrue(new ContainerVerifyStep.DescriptorImpl().getRequiredContext()
                .contains(org.jenkinsci.plugins.workflow.graph.FlowNode.class));
    }

    @Test
    public void aPassingVerificationLeavesTheBuildResultAlone() throws Exception {
        ContainerVerifyStep step = step(new HttpVerifyCheck("{endpoint}/"));
        step.setOnFailure("unstable");
        run(step);
        assertEquals(List.of(), harness.jenkins.markedUnstable);
    }

    @Test
    public void rollbackRollsTheAppBackRecordsBothAndFails() throws Exception {
        core.verificationFails();
        ContainerVerifyStep step = step(new HttpVerifyCheck("{endpoint}/"));
        step.setOnFailure("rollback");
        AbortException e = assertThrows(AbortException.class, () -> run(step));
        assertTrue(e.getMessage(), e.getMessage().endsWith("; rolled web back to revision 2"));
        assertEquals(0, core.rollbacks.get(0).toRevision());
        assertTrue(harness.jenkins.recorded.get(1) instanceof ReportEntry.Rollout);
    }

    @Test
    public void withFailOnRollbackOffARollbackReturnsItsSummary() throws Exception {
        core.verificationFails();
        ContainerVerifyStep step = step(new HttpVerifyCheck("{endpoint}/"));
        step.setOnFailure("rollback");
        step.setFailOnRollback(false);
        Map<String, Object> v = run(step);
        assertEquals(true, v.get("rolledBack"));
        assertEquals(true, v.get("rollbackRequested"));
        assertEquals(1500L, ((Map<?, ?>) v.get("rollback")).get("timeToRestoreMillis"));
    }

    @Test
    public void aFailedRollbackFailsTheStepEvenWithFailOnRollbackOff() throws Exception {
        core.verificationFails().rollbackEnds(Outcome.FAILED);
        ContainerVerifyStep step = step(new HttpVerifyCheck("{endpoint}/"));
        step.setOnFailure("rollback");
        step.setFailOnRollback(false);
        AbortException e = assertThrows(AbortException.class, () -> run(step));
        assertTrue(e.getMessage(), e.getMessage().contains("; and the rollback failed: "));
    }

    @Test
    public void anUnknownOnFailureAbortsBeforeAnythingIsContacted() throws Exception {
        ContainerVerifyStep step = step(new HttpVerifyCheck("{endpoint}/"));
        step.setOnFailure("retry");
        AbortException e = assertThrows(AbortException.class, () -> run(step));
        assertEquals("containerVerify: onFailure: 'retry' is not one of 'fail', 'unstable', 'rollback'", e.getMessage());
        assertEquals(0, core.statusCalls);
    }

    @Test
    public void noChecksAbortsWithAnExample() throws Exception {
        AbortException e = assertThrows(AbortException.class, () -> run(step()));
        assertTrue(e.getMessage(), e.getMessage().startsWith("containerVerify: checks: give at least one check"));
    }

    @Test
    public void anEndpointTemplateWithoutReadyReplicasSaysSo() throws Exception {
        core.serving("web", 2);
        AbortException e = assertThrows(AbortException.class, () -> run(step(new HttpVerifyCheck("{endpoint}/"))));
        assertTrue(e.getMessage(), e.getMessage().endsWith("(app 'web' has no ready replicas: 0/2, phase COMPLETE)"));
        assertNull(core.verified);
    }

    @Test
    public void aBrokenRegexAbortsWithTheCoresMessage() throws Exception {
        HttpVerifyCheck http = new HttpVerifyCheck("{endpoint}/");
        http.setBodyRegex("([");
        AbortException e = assertThrows(AbortException.class, () -> run(step(http)));
        assertTrue(e.getMessage(), e.getMessage().startsWith("containerVerify: http check 'http': bodyRegex '([' is not a valid regular expression"));
    }

    @Test
    public void onFailureIsReadInAnyCase() {
        ContainerVerifyStep step = step(new HttpVerifyCheck("{endpoint}/"));
        step.setOnFailure("Rollback");
        assertEquals(OnFailure.ROLLBACK, step.onFailureAction());
    }
}
