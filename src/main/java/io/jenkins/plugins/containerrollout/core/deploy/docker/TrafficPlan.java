package io.jenkins.plugins.containerrollout.core.deploy.docker;

import io.jenkins.plugins.containerrollout.core.router.WeightSplit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Where traffic goes, from the ports of the available replicas: pure, so the switching rules are tested as a table
 * ({@code TrafficPlanTest}). Every available replica alike; with blue-green, the old colour until the whole new
 * colour is available, then the new colour alone, in one switch; during a canary, the target's replicas get the
 * canary's share by weight.
 *
 * <p>Usage: {@code TrafficPlan t = TrafficPlan.of(oldPorts, freshPorts, 4, false, -1, 2); router.route(app, t.ports());}
 *
 * @param weights router weight per port (equal weights: plain routing)
 * @param split   whether the weights differ by design (a canary), so the router must weight them
 * @param detail  what the timeline says of it
 */
record TrafficPlan(Map<Integer, Integer> weights, boolean split, String detail) {

    /**
     * @param oldPorts       ports of available replicas of other revisions
     * @param freshPorts     ports of available replicas of the target revision
     * @param desired        replicas wanted
     * @param blueGreen      whether colours switch at once
     * @param canaryWeight   percent for the target's replicas during a canary; -1 when none runs
     * @param targetRevision the revision converged on, for the detail
     */
    static TrafficPlan of(List<Integer> oldPorts, List<Integer> freshPorts, int desired, boolean blueGreen,
            int canaryWeight, int targetRevision) {
        if (canaryWeight >= 0) {
            Map<Integer, Integer> weights = WeightSplit.of(oldPorts, freshPorts, canaryWeight);
            return new TrafficPlan(weights, true, String.format(Locale.ROOT,
                    "canary weight %d %%: revision %d gets %.1f %% (ports %s), weights %s", canaryWeight,
                    targetRevision, WeightSplit.percent(weights, freshPorts), freshPorts, weights));
        }
        Set<Integer> serving = new TreeSet<>();
        if (blueGreen && !oldPorts.isEmpty() && freshPorts.size() < desired) {
            serving.addAll(oldPorts);
        } else if (blueGreen && !oldPorts.isEmpty()) {
            serving.addAll(freshPorts);
        } else {
            serving.addAll(oldPorts);
            serving.addAll(freshPorts);
        }
        Map<Integer, Integer> weights = new TreeMap<>();
        serving.forEach(p -> weights.put(p, 1));
        return new TrafficPlan(weights, false, "serving ports " + serving);
    }

    /** The routed ports, ascending. */
    List<Integer> ports() {
        return List.copyOf(new TreeSet<>(weights.keySet()));
    }
}
