package io.jenkins.plugins.containerrollout.core.swarm;

import static io.jenkins.plugins.containerrollout.core.swarm.SwarmFixture.assertServes;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.containerrollout.core.deploy.AppPhase;
import io.jenkins.plugins.containerrollout.core.deploy.RolloutStrategy;
import io.jenkins.plugins.containerrollout.core.engine.DockerHost;
import io.jenkins.plugins.containerrollout.core.record.Outcome;
import io.jenkins.plugins.containerrollout.core.record.RolloutRecord;
import io.jenkins.plugins.containerrollout.core.record.TimelineEvent;
import io.jenkins.plugins.containerrollout.testing.TestBed;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.Test;

/** Automatic rollback by Swarm on a failing HEALTHCHECK, and requests refused before anything changes. */
public class SwarmAutoRollbackEngineTest extends SwarmTestBase {
    private static final int PORT_BASE = 37100;



    @Override
    protected int firstPort() {
        return PORT_BASE;
    }

    @Test
    public void aBadImageWithFailingHealthIsRolledBackBySwarm() throws Exception {
        deploy(images.v1());
        RolloutRecord r = deploy(images.bad());

        assertEquals(r.message(), Outcome.ROLLED_BACK, r.outcome());
        assertEquals(1, r.servingRevision());
        assertFalse(r.eventsOf(TimelineEvent.Type.ROLLBACK_STARTED).isEmpty());
        assertTrue(r.events().stream().anyMatch(e -> e.type() == TimelineEvent.Type.FAILED && e.revision() == 2));
        assertEquals(1.0, r.metrics().rollbackRate(), 0.0);
        assertServes(swarm, app, 2, "1.0");
    }

    @Test
    public void withAutoRollbackOffSwarmPausesTheUpdate() throws Exception {
        deploy(images.v1());
        RolloutRecord r = swarm.deploy(SwarmFixture.request(host, app, images.bad(), 2, portBase())
                .withStrategy(RolloutStrategy.rolling("1", "0").withAutoRollback(false)), SwarmFixture.SINK);

        assertEquals(r.message(), Outcome.FAILED, r.outcome()); // left where it stopped: a failure, not a requested pause
        assertTrue(r.message(), r.message().contains("update paused"));
        assertEquals(AppPhase.PAUSED, swarm.status(app).phase());
    }

    @Test
    public void rollbackToARevisionNotKeptNamesTheKeptOnes() throws Exception {
        deploy(images.v1());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> swarm.rollback(rollbackTo(7), SwarmFixture.SINK));
        assertEquals("toRevision: revision 7 of app '" + app + "' is not kept (current: 1; kept revisions: none)",
                e.getMessage());
    }

    @Test
    public void canaryIsRefusedBeforeAnythingChanges() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> swarm.deploy(
                SwarmFixture.request(host, app, images.v1(), 2, portBase())
                        .withStrategy(RolloutStrategy.named("canary")), SwarmFixture.SINK));
        assertEquals("strategy: canary is not supported on swarm yet; use rolling", e.getMessage());
        assertEquals(AppPhase.NONE, swarm.status(app).phase());
    }

    @Test
    public void blueGreenIsRefusedBeforeAnythingChanges() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> swarm.deploy(
                SwarmFixture.request(host, app, images.v1(), 2, portBase()).withStrategy(RolloutStrategy.blueGreen()),
                SwarmFixture.SINK));
        assertEquals("strategy: blueGreen is not supported on swarm yet; use rolling", e.getMessage());
        assertEquals(AppPhase.NONE, swarm.status(app).phase());
    }

    @Test
    public void aPortInUseIsRefusedBeforeTheServiceIsCreated() throws Exception {
        try (ServerSocket taken = new ServerSocket(portBase() + 2, 1, InetAddress.getLoopbackAddress())) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> swarm.deploy(SwarmFixture.request(host, app, images.v1(), 2, portBase()), SwarmFixture.SINK));
            assertTrue(e.getMessage(), e.getMessage().startsWith("portBase: port " + (portBase() + 2) + " (slot 2, bank 0)"
                    + " is already in use"));
        }
        assertEquals(AppPhase.NONE, swarm.status(app).phase());
    }

    @Test
    public void anEngineThatIsNoSwarmManagerIsRefused() {
        DockerHost plain = TestBed.host(); // the shared engine, which never joins a swarm
        try (SwarmDeployer notSwarm = new SwarmDeployer(plain, null)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> notSwarm.deploy(
                    SwarmFixture.request(plain, app, images.v1(), 2, portBase()), SwarmFixture.SINK));
            assertEquals("host: the engine at " + plain.uri() + " is not a swarm manager (swarm inactive); point "
                    + "DOCKER_HOST at a manager node", e.getMessage());
        }
    }
}
