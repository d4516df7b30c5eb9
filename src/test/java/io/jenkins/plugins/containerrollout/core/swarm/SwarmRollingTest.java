package io.jenkins.plugins.containerrollout.core.swarm;

import static io.jenkins.plugins.containerrollout.core.swarm.SwarmFixture.assertServes;
import static org.junit.Assert.assertEquals;

import io.jenkins.plugins.containerrollout.core.engine.DockerHost;
import io.jenkins.plugins.containerrollout.core.record.Outcome;
import io.jenkins.plugins.containerrollout.core.record.RolloutRecord;
import io.jenkins.plugins.containerrollout.core.record.TimelineEvent;
import io.jenkins.plugins.containerrollout.testing.TestBed;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.After;
import org.junit.BeforeClass;
import org.junit.Test;

/** A rolling update of four tasks on the single-node swarm, start-first one at a time. */
public class SwarmRollingTest {
    private static final int PORT_BASE = 37000;
    static DockerHost host;
    static String v1;
    static String v2;

    private final String app = TestBed.unique("swr");
    private final SwarmDeployer swarm = new SwarmDeployer(host, null);

    @BeforeClass
    public static void images() throws Exception {
        host = SwarmFixture.host();
        String name = TestBed.unique("swarm-roll");
        v1 = SwarmFixture.pushedApp(name, "1.0", true);
        v2 = SwarmFixture.pushedApp(name, "2.0", true);
    }

    @After
    public void removeService() throws InterruptedException {
        swarm.remove(app);
        swarm.close();
        SwarmFixture.awaitGone(host, app); // the next test uses the same ports
    }

    @Test
    public void rollingUpdateOfFourTasksCompletesOnTheNewRevision() throws Exception {
        swarm.deploy(SwarmFixture.request(host, app, v1, 4, PORT_BASE), SwarmFixture.SINK);
        RolloutRecord r = swarm.deploy(SwarmFixture.request(host, app, v2, 4, PORT_BASE), SwarmFixture.SINK);

        assertEquals(r.message(), Outcome.SUCCEEDED, r.outcome());
        assertEquals(2, r.servingRevision());
        Set<Integer> readySlots = r.eventsOf(TimelineEvent.Type.READY).stream().filter(e -> e.revision() == 2)
                .map(TimelineEvent::slot).collect(Collectors.toSet());
        assertEquals(Set.of(1, 2, 3, 4), readySlots);
        assertEquals(1.0, r.metrics().availabilityFloor(), 0.0);
        assertServes(swarm, app, 4, "2.0");
    }
}
