package io.jenkins.plugins.containerrollout.core.deploy.docker;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.containerrollout.core.deploy.AppPhase;
import io.jenkins.plugins.containerrollout.core.deploy.AppStatus;
import io.jenkins.plugins.containerrollout.core.deploy.DeployRequest;
import io.jenkins.plugins.containerrollout.core.deploy.RevisionInfo;
import io.jenkins.plugins.containerrollout.core.deploy.RollbackRequest;
import io.jenkins.plugins.containerrollout.core.deploy.RolloutStrategy;
import io.jenkins.plugins.containerrollout.core.record.Outcome;
import io.jenkins.plugins.containerrollout.core.record.RolloutRecord;
import io.jenkins.plugins.containerrollout.core.record.TimelineEvent;
import java.util.Set;
import org.junit.Test;

/** A revision whose health gate fails: rolled back automatically, or left paused when asked to. */
public class AutoRollbackEngineTest extends EngineTestBase {


    private DeployRequest request(String version, boolean healthy, int base) {
        return new DeployRequest(host, app, DeployFixture.spec(DeployFixture.image(version, healthy)), 4, base,
                RolloutStrategy.rolling("1", "0").withProgressDeadlineSeconds(30), DeployFixture.probe(), 10, null, null);
    }

    @Test
    public void unhealthyRevisionIsRolledBackToThePreviousOneWhichServesThroughout() throws Exception {
        int base = DeployFixture.portBase(app, 6);
        assertEquals(Outcome.SUCCEEDED, deployer.deploy(request("1", true, base), System.out::println).outcome());
        assertEquals(Outcome.SUCCEEDED, deployer.deploy(request("2", true, base), System.out::println).outcome());
        String v2ImageId = deployer.history(app).get(1).imageId();
        awaitReplacedStopped(); // revision 1's replicas, told to stop, would otherwise answer the sampler for a moment
        // the deploy returned once they were told to stop; the exit the engine recorded then shows in status (busybox
        // httpd as PID 1 ignores SIGTERM: SIGKILL, 128 + 9)
        assertEquals(java.util.Collections.nCopies(4, "stopped (kept), exited with code 137"), deployer.status(app)
                .replicas().stream().filter(r -> r.revision() == 1).map(AppStatus.Replica::detail).toList());

        RolloutRecord record;
        try (TrafficSampler traffic = new TrafficSampler(base, 6)) {
            record = deployer.deploy(request("3", false, base), System.out::println);
            Thread.sleep(300);
            assertTrue("maxUnavailable 0: four healthy replicas at every moment (ports: 4 + maxSurge 1 + 1 stopping); saw " + traffic.minHealthy() + " in "
                    + traffic.worstRound(), traffic.minHealthy() >= 4);
            assertEquals("only revision 2 ever served healthy", Set.of("2"), traffic.healthyVersions());
        }
        assertEquals(record.message(), Outcome.ROLLED_BACK, record.outcome());
        assertEquals(3, record.toRevision());
        assertEquals(2, record.servingRevision());
        assertTrue(record.message(), record.message().contains("rolled back to revision 2"));
        assertEquals(1, record.eventsOf(TimelineEvent.Type.ROLLBACK_STARTED).size());
        assertEquals(1, record.eventsOf(TimelineEvent.Type.RESTORED).size());
        assertTrue(record.metrics().timeToRestoreMillis() >= 0);
        assertTrue("the failed replica was rolled back: R = " + record.metrics().rollbackRate(),
                record.metrics().rollbackRate() > 0);
        assertTrue("well within the 30 s deadline: " + record.metrics().durationMillis(),
                record.metrics().durationMillis() < 30_000);

        assertServes(2, 4, "2");
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        assertEquals("a real record round-trips through JSON", record,
                json.readValue(json.writeValueAsString(record), RolloutRecord.class));
        assertEquals("the same image, by id", v2ImageId, deployer.history(app).stream()
                .filter(RevisionInfo::current).findFirst().orElseThrow().imageId());
        System.out.println("auto rollback v3->v2: time to restore " + record.metrics().timeToRestoreMillis()
                + " ms, whole rollout " + record.metrics().durationMillis() + " ms");
    }

    @Test
    public void unhealthyRevisionWithoutAutoRollbackIsLeftPausedAndVisibleInStatus() throws Exception {
        int base = DeployFixture.portBase(app, 6);
        DeployRequest v1 = request("1", true, base).withReplicas(2);
        assertEquals(Outcome.SUCCEEDED, deployer.deploy(v1, System.out::println).outcome());

        RolloutRecord record = deployer.deploy(request("3", false, base).withReplicas(2)
                .withStrategy(RolloutStrategy.rolling("1", "0").withAutoRollback(false)), System.out::println);

        assertEquals(record.message(), Outcome.FAILED, record.outcome()); // left where it stopped: a failure, not a requested pause
        AppStatus status = deployer.status(app);
        assertEquals(AppPhase.PAUSED, status.phase());
        assertEquals(1, status.stableRevision());
        assertEquals(2, status.targetRevision());
        assertEquals("revision 1 still serves both replicas", 2, status.readyReplicas());
        assertEquals("a failure is not a pause to promote", null, status.pause());

        RolloutRecord undo = deployer.rollback(RollbackRequest.previous(host, app).withProbe(DeployFixture.probe()),
                System.out::println);
        assertEquals(undo.message(), Outcome.SUCCEEDED, undo.outcome());
        assertEquals(2, undo.fromRevision());
        assertEquals(1, undo.toRevision());
        assertServes(1, 2, "1");
    }

    @Test
    public void unhealthyFirstRevisionFailsAndLeavesNoReplicaRunning() throws Exception {
        int base = DeployFixture.portBase(app, 3);
        RolloutRecord record = deployer.deploy(request("3", false, base).withReplicas(2), System.out::println);

        assertEquals(record.message(), Outcome.FAILED, record.outcome());
        AppStatus status = deployer.status(app);
        assertEquals(AppPhase.FAILED, status.phase());
        assertEquals(0, status.replicas().stream().filter(AppStatus.Replica::running).count());
    }

    @Test
    public void revisionThatNeverAnswersHitsTheProgressDeadlineAndIsRolledBack() throws Exception {
        int base = DeployFixture.portBase(app, 3);
        assertEquals(Outcome.SUCCEEDED, deployer.deploy(request("1", true, base).withReplicas(2), System.out::println).outcome());
        DeployRequest silent = request("2", true, base).withReplicas(2)
                .withSpec(DeployFixture.spec(DeployFixture.image("2", true))
                        .withCommand(java.util.List.of("/bin/sleep"), java.util.List.of("60")))
                .withStrategy(RolloutStrategy.rolling("1", "0").withProgressDeadlineSeconds(2));

        RolloutRecord record = deployer.deploy(silent, System.out::println);

        assertEquals(record.message(), Outcome.ROLLED_BACK, record.outcome());
        assertTrue(record.message(), record.message().startsWith("progress deadline of 2 s exceeded"));
        assertServes(1, 2, "1");
    }
}
