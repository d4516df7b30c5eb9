package io.jenkins.plugins.containerrollout.core.swarm;

import static io.jenkins.plugins.containerrollout.core.swarm.SwarmFixture.assertServes;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.containerrollout.core.deploy.RevisionInfo;
import io.jenkins.plugins.containerrollout.core.deploy.RollbackRequest;
import io.jenkins.plugins.containerrollout.core.engine.DockerHost;
import io.jenkins.plugins.containerrollout.core.record.Outcome;
import io.jenkins.plugins.containerrollout.core.record.RolloutRecord;
import io.jenkins.plugins.containerrollout.testing.TestBed;
import java.util.List;
import org.junit.After;
import org.junit.BeforeClass;
import org.junit.Test;

/** Manual rollback: to the previous revision with Swarm's own rollback, to an earlier one from the history label. */
public class SwarmManualRollbackTest {
    private static final int PORT_BASE = 37200;
    static DockerHost host;
    static String v1;
    static String v2;
    static String v3;

    private final String app = TestBed.unique("swb");
    private final SwarmDeployer swarm = new SwarmDeployer(host, null);

    @BeforeClass
    public static void images() throws Exception {
        host = SwarmFixture.host();
        String name = TestBed.unique("swarm-back");
        v1 = SwarmFixture.pushedApp(name, "1.0", true);
        v2 = SwarmFixture.pushedApp(name, "2.0", true);
        v3 = SwarmFixture.pushedApp(name, "3.0", true);
    }

    @After
    public void removeService() throws InterruptedException {
        swarm.remove(app);
        swarm.close();
        SwarmFixture.awaitGone(host, app); // the next test uses the same ports
    }

    private RolloutRecord deploy(String image) throws InterruptedException {
        return swarm.deploy(SwarmFixture.request(host, app, image, 2, PORT_BASE), SwarmFixture.SINK);
    }

    private RollbackRequest rollbackTo(int revision) {
        return RollbackRequest.to(host, app, revision).withProbe(SwarmFixture.probe());
    }

    @Test
    public void rollbackToThePreviousRevisionUsesSwarmsOwnRollback() throws Exception {
        deploy(v1);
        deploy(v2);
        RolloutRecord r = swarm.rollback(rollbackTo(0), SwarmFixture.SINK);

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
        RolloutRecord r = swarm.rollback(rollbackTo(1), SwarmFixture.SINK);

        assertEquals(r.message(), Outcome.SUCCEEDED, r.outcome());
        assertEquals(1, r.toRevision());
        assertServes(swarm, app, 2, "1.0");
        RevisionInfo current = swarm.history(app).get(swarm.history(app).size() - 1);
        assertEquals(1, current.revision());
        assertTrue(current.current());
        assertEquals(v1, current.image());
    }
}
