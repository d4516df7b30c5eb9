package io.jenkins.plugins.containerrollout.core.deploy.docker;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.containerrollout.core.deploy.DeployRequest;
import io.jenkins.plugins.containerrollout.core.deploy.RevisionInfo;
import io.jenkins.plugins.containerrollout.core.deploy.RolloutStrategy;
import io.jenkins.plugins.containerrollout.core.record.Outcome;
import io.jenkins.plugins.containerrollout.core.record.RolloutRecord;
import io.jenkins.plugins.containerrollout.core.record.TimelineEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.Test;

/** A rolling update of four replicas on the real engine, watched from outside by a traffic loop. */
public class RollingUpdateEngineTest extends EngineTestBase {


    @Test
    public void rollingUpdateNeverDropsBelowMaxUnavailableAndEndsWithEveryReplicaOnTheNewRevision() throws Exception {
        int base = DeployFixture.portBase(app, 6);
        DeployRequest v1 = new DeployRequest(host, app, DeployFixture.spec(DeployFixture.image("1", true)), 4, base,
                RolloutStrategy.rolling("1", "1"), DeployFixture.probe(), 10, "http://jenkins/job/web/1/", "abc123");
        assertEquals(Outcome.SUCCEEDED, deployer.deploy(v1, System.out::println).outcome());

        List<String> lines = new ArrayList<>();
        RolloutRecord record;
        try (TrafficSampler traffic = new TrafficSampler(base, 6)) {
            record = deployer.deploy(v1.withSpec(DeployFixture.spec(DeployFixture.image("2", true))), l -> {
                lines.add(l);
                System.out.println(System.currentTimeMillis() + " " + l);
            });
            Thread.sleep(300);
            assertTrue("the traffic loop ran (" + traffic.rounds() + " rounds)", traffic.rounds() > 10);
            assertTrue("healthy replicas never below desired - maxUnavailable = 3; saw " + traffic.minHealthy()
                    + " in " + traffic.worstRound(),
                    traffic.minHealthy() >= 3);
            assertEquals(Set.of("1", "2"), traffic.healthyVersions());
        }
        assertEquals(record.message(), Outcome.SUCCEEDED, record.outcome());
        assertEquals(2, record.toRevision());
        assertEquals(1, record.fromRevision());
        assertTrue("record's own availability floor " + record.metrics().availabilityFloor(),
                record.metrics().availabilityFloor() >= 0.75);
        assertEquals(4, record.eventsOf(TimelineEvent.Type.READY).size());
        assertTrue(record.metrics().scaleRate() > 0);
        assertTrue(lines.toString(), lines.stream().anyMatch(l -> l.equals(app + ": 4/4 replicas on revision 2")));

        assertServes(2, 4, "2");
        List<RevisionInfo> history = deployer.history(app);
        assertEquals(2, history.size());
        assertEquals("http://jenkins/job/web/1/", history.get(0).buildUrl());
        // the deploy returned once the last replaced replicas were told to stop: kept, or once they have exited
        assertEquals(4, history.get(0).keptReplicas() + history.get(0).stoppingReplicas());
        assertEquals(4, history.get(1).runningReplicas());
        assertTrue(history.get(1).current());
        System.out.println("rolling v1->v2 of 4: " + record.metrics().durationMillis() + " ms, floor "
                + record.metrics().availabilityFloor() + ", E=" + record.metrics().scaleRate());
    }
}
