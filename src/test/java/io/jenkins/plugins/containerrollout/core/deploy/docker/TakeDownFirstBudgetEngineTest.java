package io.jenkins.plugins.containerrollout.core.deploy.docker;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.containerrollout.core.deploy.DeployRequest;
import io.jenkins.plugins.containerrollout.core.deploy.ReplicaSpec;
import io.jenkins.plugins.containerrollout.core.deploy.RolloutStrategy;
import io.jenkins.plugins.containerrollout.core.record.Outcome;
import io.jenkins.plugins.containerrollout.core.record.RolloutRecord;
import org.junit.Test;

/**
 * The strategies that take replicas down before starting new ones, watched through the engine's own listing
 * ({@link ReplicaWatch}) at every moment of the rollout: {@code recreate} never runs two revisions at once, and a
 * rolling update with {@code maxSurge: 0} never runs more than the desired replicas nor has fewer healthy than
 * {@code desired - maxUnavailable}. The images carry a HEALTHCHECK, so "healthy" in the listing is the very verdict
 * the deployer gates on; replaced replicas take {@link #STOP_GRACE_SECONDS} to stop, so a stop that ran beside a new
 * replica would be seen.
 */
public class TakeDownFirstBudgetEngineTest extends EngineTestBase {
    private static final int REPLICAS = 3;
    /** The fixture's httpd ignores SIGTERM as PID 1, so each stop takes this whole grace period. */
    private static final int STOP_GRACE_SECONDS = 1;

    @Test
    public void recreateStopsEveryOldReplicaBeforeTheFirstNewOneRuns() throws Exception {
        ReplicaWatch watch = rollOut(RolloutStrategy.recreate());
        assertTrue("never more than " + REPLICAS + " running; saw " + watch.mostRunning(),
                watch.mostRunning() <= REPLICAS);
        assertFalse("revisions 1 and 2 never ran side by side; seen: " + watch.revisionMixes(),
                watch.revisionMixes().contains("1+2"));
        assertTrue("the take-down was seen (nothing ran for a moment): " + watch.revisionMixes(),
                watch.revisionMixes().contains(""));
    }

    @Test
    public void rollingWithoutSurgeSpendsOnlyMaxUnavailable() throws Exception {
        ReplicaWatch watch = rollOut(RolloutStrategy.rolling("0", "1"));
        assertTrue("never more than " + REPLICAS + " + maxSurge 0 running; saw " + watch.mostRunning(),
                watch.mostRunning() <= REPLICAS);
        assertTrue("never fewer than " + REPLICAS + " - maxUnavailable 1 healthy; saw " + watch.fewestHealthy(),
                watch.fewestHealthy() >= REPLICAS - 1);
        assertTrue("the budget was spent (one replica down at a time): " + watch.fewestHealthy(),
                watch.fewestHealthy() == REPLICAS - 1);
        assertTrue("old and new ran side by side: " + watch.revisionMixes(), watch.revisionMixes().contains("1+2"));
    }

    /** v1 of {@link #REPLICAS} replicas, then v2 with {@code strategy}, watched from its first to its last call. */
    private ReplicaWatch rollOut(RolloutStrategy strategy) throws Exception {
        int base = DeployFixture.portBase(app, 2 * REPLICAS, 39000, 39999);
        DeployRequest v1 = new DeployRequest(host, app, spec("1"), REPLICAS, base,
                strategy.withProgressDeadlineSeconds(60), DeployFixture.probe(), 10, null, null);
        assertEquals(Outcome.SUCCEEDED, deployer.deploy(v1, System.out::println).outcome());
        ReplicaWatch watch = new ReplicaWatch(host, app);
        RolloutRecord record;
        try (watch) {
            record = deployer.deploy(v1.withSpec(spec("2")), System.out::println);
        }
        assertEquals(record.message(), Outcome.SUCCEEDED, record.outcome());
        assertTrue("the engine was watched (" + watch.samples() + " listings)", watch.samples() > 10);
        assertServes(2, REPLICAS, "2");
        return watch;
    }

    private static ReplicaSpec spec(String version) {
        return ReplicaSpec.of(DeployFixture.healthchecked(version, true)).withStopTimeoutSeconds(STOP_GRACE_SECONDS);
    }
}
