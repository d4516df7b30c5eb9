package io.jenkins.plugins.containerrollout.core.deploy.docker;

import static org.junit.Assert.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.Test;

/** Where traffic goes for each strategy, from the ports of the available replicas: no router, no engine. */
public class TrafficPlanTest {
    @Test
    public void rollingServesEveryAvailableReplicaAlike() {
        TrafficPlan t = TrafficPlan.of(List.of(21000, 21001), List.of(21002), 3, false, -1, 2);
        assertEquals(List.of(21000, 21001, 21002), t.ports());
        assertEquals(false, t.split());
        assertEquals("serving ports [21000, 21001, 21002]", t.detail());
    }

    @Test
    public void blueGreenServesTheOldColourUntilTheWholeNewOneIsAvailableThenOnlyTheNew() {
        assertEquals(List.of(21000, 21001), TrafficPlan.of(List.of(21000, 21001), List.of(21002), 2, true, -1, 2).ports());
        assertEquals(List.of(21002, 21003),
                TrafficPlan.of(List.of(21000, 21001), List.of(21002, 21003), 2, true, -1, 2).ports());
        assertEquals("the old colour gone: the new one alone", List.of(21002),
                TrafficPlan.of(List.of(), List.of(21002), 2, true, -1, 2).ports());
    }

    @Test
    public void aCanaryGetsItsShareByWeight() {
        TrafficPlan t = TrafficPlan.of(List.of(21000, 21001), List.of(21002), 3, false, 20, 2);
        assertEquals(true, t.split());
        Map<Integer, Integer> w = t.weights();
        double canary = w.get(21002) * 100.0 / w.values().stream().mapToInt(Integer::intValue).sum();
        assertEquals(20.0, canary, 0.5);
        assertEquals("held at 0: the canary is left out of the routing", List.of(21000),
                TrafficPlan.of(List.of(21000), List.of(21002), 1, false, 0, 2).ports());
    }
}
