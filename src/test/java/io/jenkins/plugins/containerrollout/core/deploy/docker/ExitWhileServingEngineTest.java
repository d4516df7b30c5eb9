package io.jenkins.plugins.containerrollout.core.deploy.docker;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.containerrollout.core.deploy.AppLabels;
import io.jenkins.plugins.containerrollout.core.deploy.DeployRequest;
import io.jenkins.plugins.containerrollout.core.deploy.RolloutStrategy;
import io.jenkins.plugins.containerrollout.core.record.Outcome;
import io.jenkins.plugins.containerrollout.core.record.RolloutRecord;
import io.jenkins.plugins.containerrollout.core.record.TimelineEvent;
import io.jenkins.plugins.containerrollout.testing.TestBed;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.Test;

/**
 * A replica that exits while the rollout watches it is seen, although a probe round whose probes all answer no longer
 * lists the containers every time (at most once a second, {@code ReplicaSet.LISTING_EVERY_MILLIS}): the new replicas
 * answer their probes throughout their minReadySeconds, so only that cadence can notice an old one killed meanwhile.
 */
public class ExitWhileServingEngineTest extends EngineTestBase {

    @Test
    public void anOldReplicaKilledDuringTheUpdateIsTakenOutAndTheRolloutStillConverges() throws Exception {
        int base = DeployFixture.portBase(app, 6);
        DeployRequest v1 = new DeployRequest(host, app, DeployFixture.spec(DeployFixture.image("1", true)), 3, base,
                RolloutStrategy.rolling("1", "0").withMinReadySeconds(3), DeployFixture.probe(), 10, null, null);
        assertEquals(Outcome.SUCCEEDED, deployer.deploy(v1.withStrategy(RolloutStrategy.rolling("3", "0")),
                System.out::println).outcome());
        String victim = AppLabels.replicaName(app, 1, 2);

        // killed while the first new replica is inside its 3 s minReadySeconds, its probes answering
        CompletableFuture<Void> kill = CompletableFuture.runAsync(() -> {
            try {
                TimeUnit.MILLISECONDS.sleep(1500);
                TestBed.docker("kill", victim);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        RolloutRecord record = deployer.deploy(v1.withSpec(DeployFixture.spec(DeployFixture.image("2", true))),
                System.out::println);
        kill.get(5, TimeUnit.SECONDS);

        assertEquals(record.message(), Outcome.SUCCEEDED, record.outcome());
        List<TimelineEvent> exited = record.eventsOf(TimelineEvent.Type.FAILED).stream()
                .filter(e -> e.revision() == 1 && e.detail().equals("exited")).toList();
        assertEquals("the killed old replica is recorded as exited: " + record.events(), 1, exited.size());
        assertEquals(2, exited.get(0).slot());
        long killedAt = record.startedAtMillis() + 1500;
        assertTrue("seen within the listing cadence plus a probe round, not at the end: " + exited.get(0),
                exited.get(0).atMillis() - killedAt < 2500);
        assertServes(2, 3, "2");
    }
}
