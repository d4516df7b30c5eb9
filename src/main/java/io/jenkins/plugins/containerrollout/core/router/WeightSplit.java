package io.jenkins.plugins.containerrollout.core.router;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Router weights that give a canary {@code percent} of the traffic: the canary ports share {@code percent}, the
 * stable ports share the rest, each port's weight scaled so the largest is {@link TrafficRouter#MAX_WEIGHT} (the best
 * precision a per-port integer weight allows). A group whose share is 0 is left out of the routing.
 *
 * <p>Usage: {@code WeightSplit.of(List.of(21000, 21001), List.of(21002), 10)} gives {@code {21000=256, 21001=256, 21002=57}}
 */
public final class WeightSplit {
    private WeightSplit() {
    }

    public static Map<Integer, Integer> of(List<Integer> stable, List<Integer> canary, int requested) {
        // with one group gone (stable replicas exited, or no canary ready yet) the other takes all the traffic
        int percent = stable.isEmpty() ? 100 : canary.isEmpty() ? 0 : requested;
        double canaryEach = canary.isEmpty() ? 0 : percent / (double) canary.size();
        double stableEach = stable.isEmpty() ? 0 : (100 - percent) / (double) stable.size();
        double top = Math.max(canaryEach, stableEach);
        Map<Integer, Integer> weights = new TreeMap<>();
        if (top == 0) {
            return weights;
        }
        double scale = TrafficRouter.MAX_WEIGHT / top;
        // a share too small to round to 1 still gets 1: a canary step must send the canary something
        stable.forEach(p -> put(weights, p, stableEach * scale));
        canary.forEach(p -> put(weights, p, canaryEach * scale));
        return weights;
    }

    private static void put(Map<Integer, Integer> weights, int port, double weight) {
        if (weight > 0) {
            weights.put(port, Math.max(1, (int) Math.round(weight)));
        }
    }

    /** The share of traffic {@code ports} get under {@code weights}, in percent. */
    public static double percent(Map<Integer, Integer> weights, List<Integer> ports) {
        double total = weights.values().stream().mapToInt(Integer::intValue).sum();
        double part = ports.stream().mapToInt(p -> weights.getOrDefault(p, 0)).sum();
        return total == 0 ? 0 : 100 * part / total;
    }
}
