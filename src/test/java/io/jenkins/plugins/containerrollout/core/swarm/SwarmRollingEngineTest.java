package io.jenkins.plugins.containerrollout.core.swarm;

import static io.jenkins.plugins.containerrollout.core.swarm.SwarmFixture.assertServes;
import static org.junit.Assert.assertEquals;

import io.jenkins.plugins.containerrollout.core.record.Outcome;
import io.jenkins.plugins.containerrollout.core.record.RolloutRecord;
import io.jenkins.plugins.containerrollout.core.record.TimelineEvent;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.Test;

/** A rolling update of four tasks on the single-node swarm, start-first one at a time. */
public class SwarmRollingEngineTest extends SwarmTestBase {
    private static final int PORT_BASE = 37000;



    @Override
    protected int firstPort() {
        return PORT_BASE;
    }

    @Test
    public void rollingUpdateOfFourTasksCompletesOnTheNewRevision() throws Exception {
        swarm.deploy(SwarmFixture.request(host, app, images.v1(), 4, portBase()), SwarmFixture.SINK);
        RolloutRecord r = swarm.deploy(SwarmFixture.request(host, app, images.v2(), 4, portBase()), SwarmFixture.SINK);

        assertEquals(r.message(), Outcome.SUCCEEDED, r.outcome());
        assertEquals(2, r.servingRevision());
        Set<Integer> readySlots = r.eventsOf(TimelineEvent.Type.READY).stream().filter(e -> e.revision() == 2)
                .map(TimelineEvent::slot).collect(Collectors.toSet());
        assertEquals(Set.of(1, 2, 3, 4), readySlots);
        assertEquals(1.0, r.metrics().availabilityFloor(), 0.0);
        assertServes(swarm, app, 4, "2.0");
    }
}
