package io.jenkins.plugins.containerrollout.core.verify;

import java.io.Serializable;
import java.util.Arrays;

/**
 * Latency of a series of requests: p50, p95 (nearest rank) and max, in milliseconds with 0.01 ms resolution.
 *
 * <p>Usage: {@code LatencyStats.ofNanos(samples).p95Millis()}
 *
 * @param count     samples measured
 * @param p50Millis median
 * @param p95Millis 95th percentile (nearest rank: the smallest sample at or above 95 % of them)
 * @param maxMillis slowest sample
 */
public record LatencyStats(int count, double p50Millis, double p95Millis, double maxMillis) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** No samples. */
    public static final LatencyStats NONE = new LatencyStats(0, 0, 0, 0);

    /** Summarizes durations in nanoseconds. */
    public static LatencyStats ofNanos(long[] nanos) {
        if (nanos.length == 0) {
            return NONE;
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return new LatencyStats(sorted.length, millis(rank(sorted, 0.50)), millis(rank(sorted, 0.95)),
                millis(sorted[sorted.length - 1]));
    }

    private static long rank(long[] sorted, double p) {
        int n = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, n - 1)];
    }

    private static double millis(long nanos) {
        return Math.round(nanos / 10_000.0) / 100.0;
    }

    /** {@code "p50 3.1 ms, p95 8.4 ms, max 12.0 ms"}. */
    public String describe() {
        return String.format(java.util.Locale.ROOT, "p50 %.1f ms, p95 %.1f ms, max %.1f ms", p50Millis, p95Millis, maxMillis);
    }
}
