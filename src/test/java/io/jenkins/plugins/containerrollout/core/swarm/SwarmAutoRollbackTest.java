package io.jenkins.plugins.containerrollout.core.swarm;

import static io.jenkins.plugins.containerrollout.core.swarm.SwarmFixture.assertServes;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.containerrollout.core.deploy.RollbackRequest;
import io.jenkins.plugins.containerrollout.core.deploy.RolloutStrategy;
import io.jenkins.plugins.containerrollout.core.engine.DockerHost;
import io.jenkins.plugins.containerrollout.core.record.Outcome;
import io.jenkins.plugins.containerrollout.core.record.RolloutRecord;
import io.jenkins.plugins.containerrollout.core.record.TimelineEvent;
import io.jenkins.plugins.containerrollout.testing.TestBed;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.After;
import org.junit.BeforeClass;
import org.junit.Test;

/** Automatic rollback by Swarm on a failing HEALTHCHECK, and requests refused before anything changes. */
public class SwarmAutoRollbackTest {
    private static final int PORT_BASE = 37100;
    static DockerHost host;
    static String v1;
    static String bad;

    private final String app = TestBed.unique("swb");
    private final SwarmDeployer swarm = new SwarmDeployer(host, null);

    @BeforeClass
    public static void images() throws Exception {
        host = SwarmFixture.host();
        String name = TestBed.unique("swarm-back");
        v1 = SwarmFixture.pushedApp(name, "1.0", true);
        bad = SwarmFixture.pushedApp(name, "bad", false);
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
    public void rollbackToARevisionNotKeptNamesTheKeptOnes() throws Exception {
        deploy(v1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> swarm.rollback(rollbackTo(7), SwarmFixture.SINK));
        assertEquals("toRevision: revision 7 of app '" + app + "' is not kept (current: 1; kept revisions: none)",
                e.getMessage());
    }

    @Test
    public void blueGreenIsRefusedBeforeAnythingChanges() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> swarm.deploy(
                SwarmFixture.request(host, app, v1, 2, PORT_BASE).withStrategy(RolloutStrategy.blueGreen()),
                SwarmFixture.SINK));
        assertEquals("strategy: blueGreen is not supported on swarm yet; use rolling", e.getMessage());
        assertEquals("NONE", swarm.status(app).phase());
    }

    @Test
    public void aPortInUseIsRefusedBeforeTheServiceIsCreated() throws Exception {
        try (ServerSocket taken = new ServerSocket(PORT_BASE + 2, 1, InetAddress.getLoopbackAddress())) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> swarm.deploy(SwarmFixture.request(host, app, v1, 2, PORT_BASE), SwarmFixture.SINK));
            assertTrue(e.getMessage(), e.getMessage().startsWith("portBase: port " + (PORT_BASE + 2) + " (slot 2, bank 0)"
                    + " is already in use"));
        }
        assertEquals("NONE", swarm.status(app).phase());
    }
}
