package io.jenkins.plugins.containerrollout.core.swarm;

import static io.jenkins.plugins.containerrollout.core.swarm.SwarmFixture.assertServes;
import static io.jenkins.plugins.containerrollout.core.swarm.SwarmFixture.swarmCli;
import static org.junit.Assert.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.containerrollout.core.deploy.RevisionInfo;
import io.jenkins.plugins.containerrollout.core.deploy.RollbackRequest;
import java.util.List;
import org.junit.Test;

/**
 * The docker CLI as the reference for a rollback: {@code docker service rollback} on our service gives the
 * spec our rollback gives, and our history reads the service it leaves.
 */
public class SwarmCliRollbackParityEngineTest extends SwarmTestBase {
    private static final int PORT_BASE = 37400;



    @Override
    protected int firstPort() {
        return PORT_BASE;
    }


    @Test
    public void cliRollbackOfOurUpdateGivesTheSpecOurRollbackGives() throws Exception {
        swarm.deploy(request(images.v1(), "one"), SwarmFixture.SINK);
        swarm.deploy(request(images.v2(), "two"), SwarmFixture.SINK);
        SwarmFixture.settledTaskList(host, app);
        swarmCli(host, "service", "rollback", "--quiet", app);
        ObjectNode byCli = (ObjectNode) SwarmFixture.spec(host, app);
        RevisionInfo current = currentRevision();
        assertEquals("our history reads the CLI's rollback", 1, current.revision());
        assertEquals(images.v1(), current.image());
        removeAndWait();

        swarm.deploy(request(images.v1(), "one"), SwarmFixture.SINK);
        swarm.deploy(request(images.v2(), "two"), SwarmFixture.SINK);
        swarm.rollback(RollbackRequest.previous(host, app)
                .withProbe(SwarmFixture.probe()), SwarmFixture.SINK);
        ObjectNode byUs = (ObjectNode) SwarmFixture.spec(host, app);

        // the same spec but for the creation time inside the revision record (and so the hash of the spec sent) and
        // the history, where our rollback keeps the revision it came from (Swarm's previous spec cannot know it)
        for (ObjectNode s : List.of(byCli, byUs)) {
            ObjectNode labels = (ObjectNode) s.get("Labels");
            labels.put(SwarmLabels.RECORD, SwarmRevision.fromJson(labels.get(SwarmLabels.RECORD).asText()).specHash());
            labels.remove(SwarmLabels.HISTORY);
            labels.remove(SwarmLabels.SPEC_SENT);
        }
        assertEquals(byCli, byUs);
        assertServes(swarm, app, 2, "1.0");
    }
}
