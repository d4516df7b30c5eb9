package io.jenkins.plugins.containerrollout.steps;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import hudson.AbortException;
import io.jenkins.plugins.containerrollout.core.deploy.RollbackRequest;
import io.jenkins.plugins.containerrollout.core.deploy.RolloutStrategy;
import io.jenkins.plugins.containerrollout.core.engine.DockerHost;
import io.jenkins.plugins.containerrollout.core.health.ProbeSettings;
import io.jenkins.plugins.containerrollout.core.image.RegistryCredentials;
import io.jenkins.plugins.containerrollout.core.record.Operation;
import io.jenkins.plugins.containerrollout.core.record.Outcome;
import io.jenkins.plugins.containerrollout.core.report.ReportEntry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.Test;

/** {@code containerRollback}: its mapping, and its run through the shared execution with a fake core. */
public class ContainerRollbackExecutionTest extends FakeCoreHarness {
    private static final DockerHost HOST = new DockerHost("tcp://127.0.0.1:2375", false, null);

    @Test
    public void defaultsToThePreviousRevisionRollingWithDefaultProbeTimings() {
        assertEquals(new RollbackRequest(HOST, "web", 0, RolloutStrategy.rolling(), ProbeSettings.defaults()),
                new ContainerRollbackStep("web").toRequest(HOST));
    }

    @Test
    public void mapsTheRevisionAskedFor() {
        ContainerRollbackStep step = new ContainerRollbackStep("web");
        step.setToRevision(2);
        assertEquals(2, step.toRequest(HOST).toRevision());
    }

    @Test
    public void mapsTheStrategyAndTheProbeTimings() {
        ContainerRollbackStep step = new ContainerRollbackStep("web");
        step.setStrategy(new RecreateStrategy());
        step.setProbeIntervalMillis(200);
        step.setProbeTimeoutMillis(2000);
        step.setSuccessThreshold(2);
        step.setFailureThreshold(5);
        step.setStartupTimeoutSeconds(20);
        assertEquals(new RollbackRequest(HOST, "web", 0, RolloutStrategy.recreate(),
                new ProbeSettings("/", Duration.ofMillis(200), Duration.ofMillis(2000), 2, 5, Duration.ofSeconds(20))),
                step.toRequest(HOST));
    }

    @Test
    public void theStrategyAndProbeTimingsReachTheCore() throws Exception {
        ContainerRollbackStep step = new ContainerRollbackStep("web");
        RollingStrategy rolling = new RollingStrategy();
        rolling.setMaxSurge("1");
        rolling.setMaxUnavailable("0");
        step.setStrategy(rolling);
        step.setProbeIntervalMillis(250);
        RolloutStepRunner.rollback(harness, step, core);
        RollbackRequest reached = core.rollbacks.get(0);
        assertEquals(RolloutStrategy.rolling("1", "0"), reached.strategy());
        assertEquals(Duration.ofMillis(250), reached.probe().interval());
    }

    @Test
    public void theRegistryCredentialsReachTheCoreLookedUpWithoutARegistry() throws Exception {
        harness.credentials("registry", "ci", "s3cr3t-Pa55");
        ContainerRollbackStep step = new ContainerRollbackStep("web");
        step.setRegistryCredentialsId("registry");
        RolloutStepRunner.rollback(harness, step, core);
        // the revision's image (so its registry) is read from the engine on the agent: no URI to pick domains with
        assertEquals(List.of("registry for null"), harness.jenkins.lookups);
        assertEquals(new RegistryCredentials("ci", "s3cr3t-Pa55"), core.credentials);
    }

    @Test
    public void withoutRegistryCredentialsNoneAreLookedUp() throws Exception {
        RolloutStepRunner.rollback(harness, new ContainerRollbackStep("web"), core);
        assertEquals(List.of(), harness.jenkins.lookups);
        assertEquals(null, core.credentials);
    }

    @Test
    public void aCanaryStrategyAbortsBeforeTheCoreRuns() throws Exception {
        ContainerRollbackStep step = new ContainerRollbackStep("web");
        step.setStrategy(new CanaryStrategy());
        AbortException e = assertThrows(AbortException.class, () -> RolloutStepRunner.rollback(harness, step, core));
        assertTrue(e.getMessage(), e.getMessage().startsWith("containerRollback: strategy: a rollback restores a revision"));
        assertTrue(e.getMessage(), e.getMessage().endsWith("use rolling(), recreate() or blueGreen()"));
        assertEquals(List.of(), core.rollbacks);
    }

    @Test
    public void blueGreenWithoutARouterAbortsNamingTheRouter() throws Exception {
        ContainerRollbackStep step = new ContainerRollbackStep("web");
        step.setStrategy(new BlueGreenStrategy());
        AbortException e = assertThrows(AbortException.class, () -> RolloutStepRunner.rollback(harness, step, core));
        assertTrue(e.getMessage(), e.getMessage().startsWith("containerRollback: router: blueGreen switches traffic"));
        assertEquals(List.of(), core.rollbacks);
    }

    @Test
    public void returnsTheSameMapAsDeployWithTheTimeToRestore() throws Exception {
        Map<String, Object> r = RolloutStepRunner.rollback(harness, new ContainerRollbackStep("web"), core);
        assertEquals(DeploySummary.of(FakeRolloutCore.record("web", Operation.ROLLBACK, Outcome.SUCCEEDED)), r);
        assertEquals(1500L, r.get("timeToRestoreMillis"));
        assertEquals(2, r.get("servingRevision"));
    }

    @Test
    public void attachesTheRollbackRecordToTheBuild() throws Exception {
        RolloutStepRunner.rollback(harness, new ContainerRollbackStep("web"), core);
        ReportEntry.Rollout entry = (ReportEntry.Rollout) harness.jenkins.recorded.get(0);
        assertEquals(Operation.ROLLBACK, entry.record().operation());
    }

    @Test
    public void aFailedRestoreFailsTheStepAfterRecordingIt() throws Exception {
        core.rollbackEnds(Outcome.FAILED);
        AbortException e = assertThrows(AbortException.class,
                () -> RolloutStepRunner.rollback(harness, new ContainerRollbackStep("web"), core));
        assertTrue(e.getMessage(), e.getMessage().startsWith("containerRollback: web FAILED: "));
        assertEquals(1, harness.jenkins.recorded.size());
    }

    @Test
    public void aNegativeRevisionAbortsBeforeTheCoreRuns() throws Exception {
        ContainerRollbackStep step = new ContainerRollbackStep("web");
        step.setToRevision(-1);
        AbortException e = assertThrows(AbortException.class, () -> RolloutStepRunner.rollback(harness, step, core));
        assertTrue(e.getMessage(), e.getMessage().startsWith("containerRollback: toRevision: -1 is not a revision"));
        assertEquals(List.of(), core.rollbacks);
    }

    @Test
    public void aMissingAppAbortsNamingTheParameter() throws Exception {
        AbortException e = assertThrows(AbortException.class,
                () -> RolloutStepRunner.rollback(harness, new ContainerRollbackStep(""), core));
        assertEquals("containerRollback: app: required; name the application, e.g. app: 'web'", e.getMessage());
    }
}
