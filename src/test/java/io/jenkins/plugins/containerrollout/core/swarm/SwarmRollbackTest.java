package io.jenkins.plugins.containerrollout.core.swarm;

import static io.jenkins.plugins.containerrollout.core.swarm.SwarmFixture.assertServes;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.containerrollout.core.deploy.RevisionInfo;
import io.jenkins.plugins.containerrollout.core.deploy.RollbackRequest;
import io.jenkins.plugins.containerrollout.core.deploy.RolloutStrategy;
import io.jenkins.plugins.containerrollout.core.engine.DockerHost;
import io.jenkins.plugins.containerrollout.core.record.Outcome;
import io.jenkins.plugins.containerrollout.core.record.RolloutRecord;
import io.jenkins.plugins.containerrollout.core.record.TimelineEvent;
import io.jenkins.plugins.containerrollout.testing.TestBed;
import java.util.List;
import org.junit.After;
import org.junit.BeforeClass;
import org.junit.Test;

/** Automatic rollback by Swarm on a failing HEALTHCHECK; manual rollback to the previous and to an earlier revision. */
public class SwarmRollbackTest {
    private static final int PORT_BASE = 37100;
    static DockerHost host;
    static String v1;
    static String v2;
    static String v3;
    static String bad;

    private final String app = TestBed.unique("swb");
    private final SwarmDeployer swarm = new SwarmDeployer(host, null);

    @BeforeClass
    public static void images() throws Exception {
        host = SwarmFixture.host();
        String name = TestBed.unique("swarm-back");
        v1 = SwarmFixture.pushedApp(name, "1.0", true);
        v2 = SwarmFixture.pushedApp(name, "2.0", true);
        v3 = SwarmFixture.pushedApp(name, "3.0", true);
        bad = SwarmFixture.pushedApp(name, "bad", false);
    }

    @After
    public void removeService() {
        swarm.remove(app);
        swarm.close();
    }

    private RolloutRecord deploy(String image) throws InterruptedException {
        return swarm.deploy(SwarmFixture.request(host, app, image, 2, PORT_BASE), System.out::println);
    }

    private RollbackRequest rollbackTo(int revision) {
        return RollbackRequest.to(host, app, revision).withProbe(SwarmFixture.probe());
    }

    @Test
    public void aBadImageWithFailingHealthIsRolledBackBySwarm() throws Exception {
        deploy(v1);
        RolloutRecord r = deploy(bad);

        assertEquals(r.message(), Outcome.ROLLED_BACK, r.outcome());
        assertEquals(1, r.servingRevision());
        assertFalse(r.eventsOf(TimelineEvent.Type.ROLLBACK_STARTED).isEmpty());
        assertTrue(r.events().stream().anyMatch(e -> e.type() == TimelineEvent.Type.FAILED && e.revision() == 2));
        assertEquals(1.0, r.metrics().rollbackRate(), 0.0);
        assertServes(swarm, app, 2, "1.0");
    }

    @Test
    public void rollbackToThePreviousRevisionUsesSwarmsOwnRollback() throws Exception {
        deploy(v1);
        deploy(v2);
        RolloutRecord r = swarm.rollback(rollbackTo(0), System.out::println);

        assertEquals(r.message(), Outcome.SUCCEEDED, r.outcome());
        assertEquals(1, r.servingRevision());
        assertTrue(r.events().stream().anyMatch(e -> e.detail().contains("swarm update rollback_completed")));
        assertServes(swarm, app, 2, "1.0");
        // the revision rolled back from stays in the history, so it can be restored in turn
        List<Integer> kept = swarm.history(app).stream().map(RevisionInfo::revision).toList();
        assertEquals(List.of(2, 1), kept);
    }

    @Test
    public void rollbackToAnEarlierRevisionRebuildsItFromTheHistoryLabel() throws Exception {
        deploy(v1);
        deploy(v2);
        deploy(v3);
        RolloutRecord r = swarm.rollback(rollbackTo(1), System.out::println);

        assertEquals(r.message(), Outcome.SUCCEEDED, r.outcome());
        assertEquals(1, r.toRevision());
        assertServes(swarm, app, 2, "1.0");
        RevisionInfo current = swarm.history(app).get(swarm.history(app).size() - 1);
        assertEquals(1, current.revision());
        assertTrue(current.current());
        assertEquals(v1, current.image());
    }

    @Test
    public void rollbackToARevisionNotKeptNamesTheKeptOnes() throws Exception {
        deploy(v1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> swarm.rollback(rollbackTo(7), System.out::println));
        assertEquals("toRevision: revision 7 of app '" + app + "' is not kept (current: 1; kept revisions: none)",
                e.getMessage());
    }

    @Test
    public void blueGreenIsRefusedBeforeAnythingChanges() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> swarm.deploy(
                SwarmFixture.request(host, app, v1, 2, PORT_BASE).withStrategy(RolloutStrategy.blueGreen()),
                System.out::println));
        assertEquals("strategy: blueGreen is not supported on swarm yet; use rolling", e.getMessage());
        assertEquals("NONE", swarm.status(app).phase());
    }
}
