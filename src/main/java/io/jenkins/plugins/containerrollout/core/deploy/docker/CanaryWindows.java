package io.jenkins.plugins.containerrollout.core.deploy.docker;

import io.jenkins.plugins.containerrollout.core.analysis.AnalysisSource;
import io.jenkins.plugins.containerrollout.core.analysis.AnalysisVerdict;
import io.jenkins.plugins.containerrollout.core.analysis.CounterSnapshot;
import io.jenkins.plugins.containerrollout.core.analysis.PrometheusAnalysis;
import io.jenkins.plugins.containerrollout.core.analysis.PrometheusException;
import io.jenkins.plugins.containerrollout.core.analysis.PrometheusQuery;
import io.jenkins.plugins.containerrollout.core.analysis.RouterAnalysis;
import io.jenkins.plugins.containerrollout.core.analysis.TrafficThresholds;
import io.jenkins.plugins.containerrollout.core.analysis.TrafficWindow;
import io.jenkins.plugins.containerrollout.core.analysis.WindowResult;
import io.jenkins.plugins.containerrollout.core.deploy.CanaryAnalysis;
import io.jenkins.plugins.containerrollout.core.deploy.CanaryPlan;
import io.jenkins.plugins.containerrollout.core.router.TrafficRouter;
import io.jenkins.plugins.containerrollout.core.verify.TrafficAnalysis;
import io.jenkins.plugins.containerrollout.core.verify.TrafficReport;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One analysis window of a canary step: it lasts the step's pause and judges the canary's own traffic in it, from the
 * source the plan names (router counters, synthetic requests to the canary's replicas, or a Prometheus query).
 * A window never spans a routing change: the canary holds its weight for the whole pause.
 *
 * <p>Usage: {@code WindowResult w = windows.judge(plan.analysis(), 2, 30_000, canaryPorts, stablePorts);}
 */
final class CanaryWindows {
    /** Bound on one synthetic request when the plan sets no latency limit. */
    private static final long DEFAULT_TIMEOUT_MILLIS = 5000;
    /** Bound on one Prometheus query. */
    private static final Duration QUERY_TIMEOUT = Duration.ofSeconds(10);

    /** The ports of the canary's and the stable revision's available replicas, read when a window needs them. */
    interface Ports {
        List<Integer> canary();

        List<Integer> stable();
    }

    private final String app;
    private final CanaryPlan plan;
    private final TrafficRouter router;
    private final Clock clock;
    private final TrafficAnalysis synthetic = new TrafficAnalysis();

    CanaryWindows(String app, CanaryPlan plan, TrafficRouter router, Clock clock) {
        this.app = app;
        this.plan = plan;
        this.router = router;
        this.clock = clock;
    }

    /**
     * Runs one window of {@code pauseMillis} with {@code analysis} and judges it.
     *
     * @throws RolloutFailure the source cannot be read (the router's counters, a Prometheus that is down or a query it
     *                        refuses): the message names the router, URL or query
     */
    WindowResult judge(CanaryAnalysis analysis, int revision, long pauseMillis, Ports ports)
            throws RolloutFailure, InterruptedException {
        if (analysis instanceof CanaryAnalysis.Router r) {
            return router(r, pauseMillis, ports);
        }
        if (analysis instanceof CanaryAnalysis.Prometheus p) {
            return prometheus(p, revision, pauseMillis, ports);
        }
        return synthetic(pauseMillis, ports);
    }

    private WindowResult router(CanaryAnalysis.Router r, long pauseMillis, Ports ports)
            throws RolloutFailure, InterruptedException {
        CounterSnapshot before = counters();
        Thread.sleep(pauseMillis);
        CounterSnapshot after = counters();
        TrafficThresholds thresholds = new TrafficThresholds(plan.minSuccessRatio(), r.maxResponseMillis(),
                r.maxPointsWorseThanStable(), r.minRequests());
        return RouterAnalysis.judge(TrafficWindow.between(before, after), ports.canary(), ports.stable(), thresholds);
    }

    private CounterSnapshot counters() throws RolloutFailure {
        try {
            return new CounterSnapshot(clock.millis(), router.counters(app));
        } catch (IOException e) {
            throw new RolloutFailure("canary analysis could not read the router's counters: " + e.getMessage());
        }
    }

    /**
     * {@code analysisRequests} requests over the pause, to the canary's replicas directly (round-robin), judged by the
     * plan's success ratio and p95.
     */
    WindowResult synthetic(long pauseMillis, Ports ports) throws InterruptedException {
        List<URI> targets = ports.canary().stream()
                .map(port -> URI.create("http://127.0.0.1:" + port + plan.analysisPath())).toList();
        long from = clock.millis();
        TrafficReport report = synthetic.run(targets, plan.analysisRequests(),
                plan.analysisRequests() * 1000.0 / Math.max(1000, pauseMillis),
                plan.maxP95Millis() > 0 ? Math.max(1000, 4 * plan.maxP95Millis()) : DEFAULT_TIMEOUT_MILLIS);
        long rest = pauseMillis - (clock.millis() - from);
        if (rest > 0) {
            Thread.sleep(rest); // the step holds its weight for the whole pause, whatever the burst took
        }
        boolean ok = report.passes(plan.minSuccessRatio(), plan.maxP95Millis());
        String thresholds = "successRatio >= " + plan.minSuccessRatio()
                + (plan.maxP95Millis() > 0 ? ", p95 <= " + plan.maxP95Millis() + " ms" : "");
        String reason = report.describe() + ", outcomes " + new java.util.TreeMap<>(report.outcomes())
                + (ok ? "" : "; needs " + thresholds);
        return new WindowResult(AnalysisSource.SYNTHETIC, from, clock.millis(), report.requests(),
                report.requests() - report.succeeded(), 0, 0, report.latency().p95Millis(), -1, null, null,
                ok ? AnalysisVerdict.PASS : AnalysisVerdict.FAIL, thresholds, reason);
    }

    private WindowResult prometheus(CanaryAnalysis.Prometheus p, int revision, long pauseMillis, Ports ports)
            throws RolloutFailure, InterruptedException {
        PrometheusQuery prometheus = new PrometheusQuery(p.url(), QUERY_TIMEOUT);
        long from = clock.millis();
        Thread.sleep(pauseMillis);
        String query = PrometheusQuery.render(p.query(), Map.of("app", app, "revision", String.valueOf(revision),
                "window", PrometheusQuery.window(Duration.ofMillis(Math.max(1000, pauseMillis))),
                "servers", servers(ports.canary())));
        try {
            return PrometheusAnalysis.judge(query, prometheus.value(query), p.minValue(), p.maxValue(), from,
                    clock.millis());
        } catch (PrometheusException e) {
            throw new RolloutFailure("canary analysis: " + e.getMessage());
        }
    }

    /** The router's server names of the canary's ports as a regex alternation ({@code s3|s4}), for a query. */
    private String servers(List<Integer> canaryPorts) throws RolloutFailure {
        return String.join("|", counters().serversAt(canaryPorts));
    }
}
