package io.jenkins.plugins.containerrollout.core.swarm;

import static io.jenkins.plugins.containerrollout.core.swarm.SwarmFixture.assertServes;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.containerrollout.core.deploy.RevisionInfo;
import io.jenkins.plugins.containerrollout.core.record.Outcome;
import io.jenkins.plugins.containerrollout.core.record.RolloutRecord;
import java.util.List;
import org.junit.Test;

/** Manual rollback: to the previous revision with Swarm's own rollback, to an earlier one from the history label. */
public class SwarmManualRollbackEngineTest extends SwarmTestBase {
    private static final int PORT_BASE = 37200;



    @Override
    protected int firstPort() {
        return PORT_BASE;
    }

    @Test
    public void rollbackToThePreviousRevisionUsesSwarmsOwnRollback() throws Exception {
        deploy(images.v1());
        deploy(images.v2());
        RolloutRecord r = swarm.rollback(rollbackTo(0), SwarmFixture.SINK);

        assertEquals(r.message(), Outcome.SUCCEEDED, r.outcome());
        assertEquals(1, r.servingRevision());
        assertTrue(r.events().stream().anyMatch(e -> e.detail().contains("swarm update rollback_completed")));
        assertServes(swarm, app, 2, "1.0");
        // the revision rolled back from stays in the history, so it can be restored in turn
        List<Integer> kept = swarm.history(app).stream().map(RevisionInfo::revision).toList();
        assertEquals(List.of(1, 2), kept);
    }

    @Test
    public void rollbackToAnEarlierRevisionRebuildsItFromTheHistoryLabel() throws Exception {
        deploy(images.v1());
        deploy(images.v2());
        deploy(images.v3());
        RolloutRecord r = swarm.rollback(rollbackTo(1), SwarmFixture.SINK);

        assertEquals(r.message(), Outcome.SUCCEEDED, r.outcome());
        assertEquals(1, r.toRevision());
        assertServes(swarm, app, 2, "1.0");
        RevisionInfo current = currentRevision();
        assertEquals(1, current.revision());
        assertEquals(images.v1(), current.image());
    }
}
