package io.jenkins.plugins.containerrollout.core.deploy.docker;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.containerrollout.core.deploy.DeployRequest;
import io.jenkins.plugins.containerrollout.core.deploy.ReplicaSpec;
import io.jenkins.plugins.containerrollout.core.deploy.Replacement;
import io.jenkins.plugins.containerrollout.core.deploy.RolloutStrategy;
import io.jenkins.plugins.containerrollout.core.record.Outcome;
import io.jenkins.plugins.containerrollout.core.record.RolloutRecord;
import io.jenkins.plugins.containerrollout.core.record.TimelineEvent;
import io.jenkins.plugins.containerrollout.core.record.TimelineEvent.Type;
import java.util.List;
import org.junit.Test;

/**
 * What maxSurge bounds while replaced replicas stop in the background, watched from outside through the engine's own
 * listing: with {@code stopComplete} every running container (stopping ones included) counts; with {@code stopStarted}
 * (the default, Kubernetes' way) the next batch starts while the replaced replicas stop, on other ports, and at most
 * maxSurge replicas still stopping run beyond the budget.
 */
public class SurgeBudgetEngineTest extends EngineTestBase {
    /** The fixture's httpd ignores SIGTERM as PID 1, so each stop takes this whole grace period. */
    private static final int STOP_GRACE_SECONDS = 2;

    @Test
    public void stopCompleteNeverRunsMoreThanDesiredPlusMaxSurge() throws Exception {
        Watched run = rollOut(RolloutStrategy.rolling("1", "0").withReplacement(Replacement.STOP_COMPLETE), 0);
        assertTrue("running replicas never above 4 + maxSurge 1; saw " + run.most, run.most <= 5);
        assertEquals("the surge replica did run", 5, run.most);
        List<Long> started = run.record.eventsOf(Type.STARTED).stream().map(TimelineEvent::atMillis).sorted().toList();
        List<Long> stopped = run.record.eventsOf(Type.STOPPED).stream().map(TimelineEvent::atMillis).sorted().toList();
        assertEquals(4, started.size());
        for (int i = 0; i < 3; i++) {
            assertTrue("batch " + (i + 2) + " started only after the replica it replaced had stopped: started "
                    + started + ", stopped " + stopped, stopped.get(i) <= started.get(i + 1));
        }
    }

    @Test
    public void stopStartedStartsTheNextBatchWhileTheReplacedReplicasStop() throws Exception {
        Watched run = rollOut(RolloutStrategy.rolling("1", "0"), STOP_GRACE_SECONDS);
        List<Long> started = run.record.eventsOf(Type.STARTED).stream().map(TimelineEvent::atMillis).sorted().toList();
        List<Long> stopped = run.record.eventsOf(Type.STOPPED).stream().map(TimelineEvent::atMillis).sorted().toList();
        assertEquals("4 replaced replicas stopped", 4, stopped.size());
        assertTrue("the second batch started before the first " + STOP_GRACE_SECONDS + " s stop had ended: started "
                + started + ", stopped " + stopped, started.get(1) < stopped.get(0));
        assertTrue("a stopping replica ran beside the surge replica; saw " + run.most, run.most > 5);
        assertTrue("bounded: 4 + maxSurge 1 + maxSurge 1 stopping; saw " + run.most, run.most <= 6);
    }

    private record Watched(RolloutRecord record, int most) {
    }

    /** v1 of 4 replicas, then the rolling update to v2 with {@code strategy}, watching the running replica count. */
    private Watched rollOut(RolloutStrategy strategy, int stopGrace) throws Exception {
        int base = DeployFixture.portBase(app, 10, 39000, 39999);
        ReplicaSpec v1Spec = ReplicaSpec.of(DeployFixture.image("1", true)).withStopTimeoutSeconds(stopGrace);
        DeployRequest v1 = new DeployRequest(host, app, v1Spec, 4, base, strategy, DeployFixture.probe(), 10, null, null);
        assertEquals(Outcome.SUCCEEDED, deployer.deploy(v1, System.out::println).outcome());

        RolloutRecord record;
        ReplicaWatch watch = new ReplicaWatch(host, app);
        try (watch) {
            ReplicaSpec v2Spec = ReplicaSpec.of(DeployFixture.image("2", true)).withStopTimeoutSeconds(stopGrace);
            record = deployer.deploy(v1.withSpec(v2Spec), System.out::println);
        }
        assertEquals(record.message(), Outcome.SUCCEEDED, record.outcome());
        assertTrue("the engine was watched (" + watch.samples() + " listings)", watch.samples() > 10);
        assertServes(2, 4, "2");
        return new Watched(record, watch.mostRunning());
    }
}
