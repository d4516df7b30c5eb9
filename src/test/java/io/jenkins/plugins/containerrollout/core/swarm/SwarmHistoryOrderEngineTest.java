package io.jenkins.plugins.containerrollout.core.swarm;

import static org.junit.Assert.assertEquals;

import io.jenkins.plugins.containerrollout.core.deploy.RevisionInfo;
import io.jenkins.plugins.containerrollout.core.record.Outcome;
import io.jenkins.plugins.containerrollout.core.record.RolloutRecord;
import java.util.List;
import org.junit.Test;

/**
 * After a rollback the serving revision is older than ones kept for a later restore: the history still lists every
 * kept revision once, by number, with the serving one flagged, as the Docker-host deployer does.
 */
public class SwarmHistoryOrderEngineTest extends SwarmTestBase {
    private static final int PORT_BASE = 37450;

    @Override
    protected int firstPort() {
        return PORT_BASE;
    }

    /** Revisions 1, 2, 3 of {@code app}, one task each. */
    private void deployThreeRevisions() throws InterruptedException {
        for (String image : List.of(images.v1(), images.v2(), images.v3())) {
            RolloutRecord r = swarm.deploy(SwarmFixture.request(host, app, image, 1, portBase()), SwarmFixture.SINK);
            assertEquals(r.message(), Outcome.SUCCEEDED, r.outcome());
        }
    }

    /** Rolls back to {@code revision}, then every kept revision is listed once by number, only it current. */
    private void rollBackAndAssertHistory(int revision, String image) throws InterruptedException {
        RolloutRecord r = swarm.rollback(rollbackTo(revision), SwarmFixture.SINK);
        assertEquals(r.message(), Outcome.SUCCEEDED, r.outcome());

        assertEquals(List.of(1, 2, 3), swarm.history(app).stream().map(RevisionInfo::revision).toList());
        RevisionInfo current = currentRevision();
        assertEquals(revision, current.revision());
        assertEquals(image, current.image());
    }

    @Test
    public void afterSwarmsRollbackToThePreviousRevisionTheHistoryIsByNumberWithItCurrent() throws Exception {
        deployThreeRevisions();
        rollBackAndAssertHistory(2, images.v2());
    }

    @Test
    public void afterARollbackToAnOlderRevisionTheHistoryIsByNumberWithItCurrent() throws Exception {
        deployThreeRevisions();
        rollBackAndAssertHistory(1, images.v1());
    }
}
