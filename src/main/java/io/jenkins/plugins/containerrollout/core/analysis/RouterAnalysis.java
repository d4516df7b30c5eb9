package io.jenkins.plugins.containerrollout.core.analysis;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Judges a canary by its own traffic in one analysis window, against {@link TrafficThresholds}: the canary's success
 * ratio, its average response time, and how far its success lies below the stable revision's. The canary's answers
 * are judged alone, so a canary failing every request fails at any traffic weight (measured through the frontend, a
 * 10 % canary's failures would be diluted to a 90 % success). The numbers may come from the router's counters or from
 * requests sent to the canary's replicas directly: the rules are the same.
 *
 * <ul>
 *   <li>{@link AnalysisVerdict#INCONCLUSIVE} when the canary had fewer than {@code minRequests} requests;</li>
 *   <li>{@link AnalysisVerdict#FAIL} when any threshold is missed (the reason names each one);</li>
 *   <li>{@link AnalysisVerdict#PASS} otherwise. Without stable traffic in the window the comparison with stable is
 *       skipped (and the reason says so).</li>
 * </ul>
 *
 * <p>Usage: {@code WindowResult r = RouterAnalysis.judge(window, canaryPorts, stablePorts, thresholds);}
 */
public final class RouterAnalysis {
    private RouterAnalysis() {
    }

    /** Judges the router counters of a window: the canary's and the stable revision's servers, by replica port. */
    public static WindowResult judge(TrafficWindow window, Collection<Integer> canaryPorts,
            Collection<Integer> stablePorts, TrafficThresholds thresholds) {
        return judge(AnalysisSource.ROUTER, window.ports(canaryPorts), window.ports(stablePorts), thresholds,
                window.fromMillis(), window.toMillis());
    }

    /** Judges the canary's and the stable revision's traffic of one window, from {@code source}. */
    public static WindowResult judge(AnalysisSource source, Traffic canary, Traffic stable,
            TrafficThresholds thresholds, long fromMillis, long toMillis) {
        String reason;
        AnalysisVerdict verdict;
        if (canary.requests() < thresholds.minRequests()) {
            verdict = AnalysisVerdict.INCONCLUSIVE;
            reason = "canary got " + canary.requests() + " requests in the "
                    + String.format(Locale.ROOT, "%.1f", (toMillis - fromMillis) / 1000.0)
                    + " s window, fewer than minRequests " + thresholds.minRequests();
        } else {
            List<String> missed = missed(canary, stable, thresholds);
            verdict = missed.isEmpty() ? AnalysisVerdict.PASS : AnalysisVerdict.FAIL;
            reason = missed.isEmpty() ? measured(canary, stable, thresholds) : String.join("; ", missed);
        }
        return new WindowResult(source, fromMillis, toMillis, canary.requests(), canary.failures(), stable.requests(),
                stable.failures(), canary.avgResponseMillis(), stable.avgResponseMillis(), null, null, verdict,
                thresholds.describe(), reason);
    }

    private static List<String> missed(Traffic canary, Traffic stable, TrafficThresholds t) {
        List<String> missed = new ArrayList<>();
        double ratio = canary.successRatio();
        if (ratio < t.minSuccessRatio()) {
            missed.add("canary success ratio " + TrafficThresholds.ratio(ratio) + " (" + failures(canary)
                    + ") is below minSuccessRatio " + TrafficThresholds.ratio(t.minSuccessRatio()));
        }
        if (t.maxResponseMillis() > 0 && canary.avgResponseMillis() > t.maxResponseMillis()) {
            missed.add("canary average response time " + TrafficThresholds.number(canary.avgResponseMillis())
                    + " ms is above maxResponseMillis " + t.maxResponseMillis());
        }
        double points = pointsBelowStable(canary, stable);
        if (t.maxPointsWorseThanStable() >= 0 && points > t.maxPointsWorseThanStable()) {
            missed.add("canary success ratio " + TrafficThresholds.ratio(ratio) + " is "
                    + TrafficThresholds.number(points) + " points below stable's "
                    + TrafficThresholds.ratio(stable.successRatio())
                    + ", more than maxPointsWorseThanStable " + TrafficThresholds.number(t.maxPointsWorseThanStable()));
        }
        return missed;
    }

    /** Percentage points the canary's success ratio lies below stable's; NaN without stable traffic. */
    private static double pointsBelowStable(Traffic canary, Traffic stable) {
        double points = 100 * (stable.successRatio() - canary.successRatio());
        // rounded: floating-point noise (0.1 + 0.2) must not fail a threshold the measurement meets exactly
        return Double.isNaN(points) ? points : Math.round(points * 100) / 100.0;
    }

    private static String failures(Traffic t) {
        return t.failures() + " failures in " + t.requests() + " requests: " + t.http5xx() + " 5xx, " + t.httpOther()
                + " invalid, " + t.connectionErrors() + " connection errors, " + t.responseErrors()
                + " response errors";
    }

    private static String measured(Traffic canary, Traffic stable, TrafficThresholds t) {
        String line = "canary success ratio " + TrafficThresholds.ratio(canary.successRatio()) + " over "
                + canary.requests() + " requests, average response time "
                + TrafficThresholds.number(canary.avgResponseMillis()) + " ms";
        if (stable.requests() == 0) {
            return line + (t.maxPointsWorseThanStable() >= 0 ? "; no stable traffic to compare with" : "");
        }
        return line + " (stable " + TrafficThresholds.ratio(stable.successRatio()) + " over " + stable.requests()
                + " requests, " + TrafficThresholds.number(stable.avgResponseMillis()) + " ms)";
    }
}
