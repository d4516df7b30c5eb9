package io.jenkins.plugins.containerrollout.core.swarm;

import static io.jenkins.plugins.containerrollout.core.swarm.SwarmFixture.assertServes;
import static io.jenkins.plugins.containerrollout.core.swarm.SwarmFixture.swarmCli;
import static org.junit.Assert.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.containerrollout.core.deploy.DeployRequest;
import io.jenkins.plugins.containerrollout.core.deploy.RevisionInfo;
import io.jenkins.plugins.containerrollout.core.deploy.RollbackRequest;
import io.jenkins.plugins.containerrollout.core.engine.DockerHost;
import io.jenkins.plugins.containerrollout.testing.TestBed;
import java.util.List;
import java.util.Map;
import org.junit.After;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * The docker CLI as the reference for a rollback: {@code docker service rollback} on our service gives the
 * spec our rollback gives, and our history reads the service it leaves.
 */
public class SwarmCliRollbackParityTest {
    private static final int PORT_BASE = 37400;
    static DockerHost host;
    static String v1;
    static String v2;

    private final String app = TestBed.unique("swp");
    private final SwarmDeployer swarm = new SwarmDeployer(host, null);

    @BeforeClass
    public static void images() throws Exception {
        host = SwarmFixture.host();
        String name = TestBed.unique("swarm-cli");
        v1 = SwarmFixture.pushedApp(name, "1.0", true);
        v2 = SwarmFixture.pushedApp(name, "2.0", true);
    }

    @After
    public void removeService() throws InterruptedException {
        swarm.remove(app);
        swarm.close();
        SwarmFixture.awaitGone(host, app); // the next test uses the same ports
    }

    private DeployRequest request(String image, String mode) {
        DeployRequest r = SwarmFixture.request(host, app, image, 2, PORT_BASE);
        return r.withSpec(r.spec().withEnv(Map.of("MODE", mode)));
    }

    /** Starts over with the same name, once the previous service's tasks are gone (same ports, same labels). */
    private void removeAndWait() throws InterruptedException {
        swarm.remove(app);
        SwarmFixture.awaitGone(host, app);
    }

    @Test
    public void cliRollbackOfOurUpdateGivesTheSpecOurRollbackGives() throws Exception {
        swarm.deploy(request(v1, "one"), SwarmFixture.SINK);
        swarm.deploy(request(v2, "two"), SwarmFixture.SINK);
        SwarmFixture.settledTaskList(host, app);
        swarmCli(host, "service", "rollback", "--quiet", app);
        ObjectNode byCli = (ObjectNode) SwarmFixture.spec(host, app);
        RevisionInfo current = swarm.history(app).get(swarm.history(app).size() - 1);
        assertEquals("our history reads the CLI's rollback", 1, current.revision());
        assertEquals(v1, current.image());
        removeAndWait();

        swarm.deploy(request(v1, "one"), SwarmFixture.SINK);
        swarm.deploy(request(v2, "two"), SwarmFixture.SINK);
        swarm.rollback(RollbackRequest.previous(host, app)
                .withProbe(SwarmFixture.probe()), SwarmFixture.SINK);
        ObjectNode byUs = (ObjectNode) SwarmFixture.spec(host, app);

        // the same spec but for the creation time inside the revision record and the history, where our rollback
        // keeps the revision it came from (Swarm's previous spec cannot know it)
        for (ObjectNode s : List.of(byCli, byUs)) {
            ObjectNode labels = (ObjectNode) s.get("Labels");
            labels.put(SwarmLabels.RECORD, SwarmRevision.fromJson(labels.get(SwarmLabels.RECORD).asText()).specHash());
            labels.remove(SwarmLabels.HISTORY);
        }
        assertEquals(byCli, byUs);
        assertServes(swarm, app, 2, "1.0");
    }
}
