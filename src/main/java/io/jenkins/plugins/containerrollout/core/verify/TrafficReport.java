package io.jenkins.plugins.containerrollout.core.verify;

import java.util.Locale;
import java.util.Map;

/**
 * The outcome of a burst of requests from {@link TrafficAnalysis}: how many succeeded, how fast, and what came back.
 *
 * <p>Usage: {@code report.passes(0.99, 200)}
 *
 * @param requests          requests sent
 * @param succeeded         requests that answered a 2xx/3xx status within the timeout
 * @param successRatio      succeeded / requests (1 when nothing was sent)
 * @param outcomes          count per outcome: the status code as text ({@code "200"}, {@code "503"}), or
 *                          {@code "timeout"}, {@code "refused"}, {@code "error"}
 * @param latency           latency of every request that got an answer or timed out
 * @param durationMillis    wall time of the burst
 * @param ratePerSecond     the rate actually achieved
 */
public record TrafficReport(
        int requests,
        int succeeded,
        double successRatio,
        Map<String, Integer> outcomes,
        LatencyStats latency,
        long durationMillis,
        double ratePerSecond) implements Evidence {
    private static final long serialVersionUID = 1L;

    public TrafficReport {
        outcomes = Map.copyOf(outcomes);
    }

    /** Whether the success ratio reaches {@code minSuccessRatio} and p95 is within {@code maxP95Millis} (0: no limit). */
    public boolean passes(double minSuccessRatio, long maxP95Millis) {
        return successRatio >= minSuccessRatio && (maxP95Millis == 0 || latency.p95Millis() <= maxP95Millis);
    }

    /** {@code "98/100 ok (98.0 %), p50 2.0 ms, p95 4.1 ms, max 9.0 ms, 20.0 req/s"}. */
    public String describe() {
        return String.format(Locale.ROOT, "%d/%d ok (%.1f %%), %s, %.1f req/s", succeeded, requests, successRatio * 100,
                latency.describe(), ratePerSecond);
    }
}
