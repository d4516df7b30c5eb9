package io.jenkins.plugins.containerrollout.core.verify;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Sends a burst of requests at a steady rate and measures success ratio and latency. The load is open-loop: request
 * {@code i} starts at {@code i / rate} seconds whatever earlier ones are doing, so a slow endpoint shows up as latency
 * and timeouts instead of quietly lowering the rate. Targets are used round-robin (one per replica or colour).
 * Reused by canary analysis between weight steps.
 *
 * <p>Usage: {@code TrafficReport r = new TrafficAnalysis().run(List.of(URI.create("http://127.0.0.1:30001/")), 100, 20, 2000);
 * boolean ok = r.passes(0.99, 200);}
 */
public final class TrafficAnalysis {
    private final HttpProber prober = new HttpProber();

    /**
     * Runs one burst of GET requests; returns when every request has answered or timed out.
     *
     * @param targets       URLs to spread the requests over (at least one)
     * @param requests      how many requests (at least one)
     * @param ratePerSecond how many per second (above 0)
     * @param timeoutMillis bound on each request; a timeout counts as a failure
     */
    public TrafficReport run(List<URI> targets, int requests, double ratePerSecond, long timeoutMillis)
            throws InterruptedException {
        Validation.require(!targets.isEmpty(), "targets is empty; give at least one URL");
        Validation.require(requests > 0, "requests must be at least 1, was " + requests);
        Validation.require(ratePerSecond > 0, "ratePerSecond must be above 0, was " + ratePerSecond);
        Validation.require(timeoutMillis > 0, "timeoutMillis must be above 0, was " + timeoutMillis);
        List<CompletableFuture<Exchange>> pending = new ArrayList<>(requests);
        long start = System.nanoTime();
        long intervalNanos = (long) (1_000_000_000L / ratePerSecond);
        try {
            for (int i = 0; i < requests; i++) {
                long wait = start + i * intervalNanos - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                pending.add(prober.sendAsync("GET", targets.get(i % targets.size()), timeoutMillis));
            }
            return report(pending, start);
        } finally {
            pending.forEach(p -> p.cancel(true));
        }
    }

    private static TrafficReport report(List<CompletableFuture<Exchange>> pending, long start) throws InterruptedException {
        Map<String, Integer> outcomes = new TreeMap<>();
        long[] latencies = new long[pending.size()];
        int answered = 0, succeeded = 0;
        for (CompletableFuture<Exchange> p : pending) {
            Exchange e;
            try {
                e = p.get(); // bounded: every exchange completes by its own timeout
            } catch (ExecutionException unexpected) {
                e = HttpProber.failed(unexpected.getCause(), 0, 0);
            }
            outcomes.merge(e.outcome(), 1, Integer::sum);
            // a timeout is a latency too (at least the timeout); a refused connection is not
            if (e.answered() || e.outcome().equals("timeout")) {
                latencies[answered++] = e.nanos();
            }
            if (e.succeeded()) {
                succeeded++;
            }
        }
        long nanos = System.nanoTime() - start;
        int n = pending.size();
        return new TrafficReport(n, succeeded, (double) succeeded / n, outcomes,
                LatencyStats.ofNanos(java.util.Arrays.copyOf(latencies, answered)), nanos / 1_000_000,
                Math.round(n * 10 / (nanos / 1e9)) / 10.0);
    }
}
