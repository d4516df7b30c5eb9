package io.jenkins.plugins.containerrollout.core.record;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.containerrollout.core.record.TimelineEvent.Type;
import java.util.Optional;
import java.util.Set;
import org.junit.Test;

/**
 * The detail formats the Docker-host deployer writes ({@code core/deploy/docker/Rollout#traffic},
 * {@code Canary#analyseStep}, {@code DockerDeployer#deploy}), copied here literally: a change there must show up here.
 */
public class EventDetailsTest {
    private static final String STEP = "canary weight 20 %: revision 7 gets 20.0 % (ports [18083]), "
            + "weights {18080=100, 18081=100, 18082=100, 18083=75}";

    @Test
    public void readsWhereTrafficGoes() {
        assertEquals(Optional.of(Set.of(18080, 18081)), EventDetails.routedPorts("serving ports [18080, 18081]"));
        assertEquals(Optional.of(Set.of()), EventDetails.routedPorts("serving ports []"));
        assertEquals(Optional.of(Set.of(18080, 18081, 18082, 18083)), EventDetails.routedPorts(STEP));
        assertEquals("a weight of 0 leaves the port out", Optional.of(Set.of(18080)), EventDetails.routedPorts(
                "canary weight 0 %: revision 7 gets 0.0 % (ports [18083]), weights {18080=100}"));
        assertEquals("another form is not known", Optional.empty(), EventDetails.routedPorts("3 ports"));
    }

    @Test
    public void readsACanaryStep() {
        assertEquals(20, EventDetails.canaryWeight(STEP).getAsInt());
        assertEquals(20.0, EventDetails.canaryShare(STEP).getAsDouble(), 1e-9);
        assertFalse(EventDetails.canaryWeight("serving ports [1]").isPresent());
    }

    @Test
    public void recognisesFailures() {
        TimelineEvent failed = TimelineEvent.app(1, Type.PROBE, 7, "canary analysis at 50 % of http://127.0.0.1:1/: "
                + "5/10 ok (50.0 %), p50 1.0 ms, 5.0 req/s, outcomes {200=5, 500=5}: failed (1 of failureLimit 1;"
                + " needs success ratio >= 0.99)");
        TimelineEvent passed = TimelineEvent.app(1, Type.PROBE, 7, "canary analysis at 20 % of http://127.0.0.1:1/: "
                + "10/10 ok (100.0 %), p50 1.0 ms, 5.0 req/s, outcomes {200=10}: passed");
        assertEquals(50, EventDetails.analysisWeight(failed).getAsInt());
        assertTrue(EventDetails.failure(failed));
        assertFalse(EventDetails.failure(passed));
        assertTrue(EventDetails.failure(TimelineEvent.app(1, Type.PHASE, 7, "revision 7 failed: progress deadline")));
        assertFalse(EventDetails.failure(TimelineEvent.app(1, Type.PHASE, 7, "deploying revision 7")));
        assertFalse("a replica's failed probe is not yet a failed rollout",
                EventDetails.failure(new TimelineEvent(1, Type.PROBE, 7, 1, 18081, "HTTP 500")));
    }
}
