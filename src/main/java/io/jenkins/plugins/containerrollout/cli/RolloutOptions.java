package io.jenkins.plugins.containerrollout.cli;

import io.jenkins.plugins.containerrollout.core.RequestException;
import io.jenkins.plugins.containerrollout.core.deploy.CanaryAnalysis;
import io.jenkins.plugins.containerrollout.core.deploy.CanaryPlan;
import io.jenkins.plugins.containerrollout.core.deploy.Replacement;
import io.jenkins.plugins.containerrollout.core.deploy.RolloutGates;
import io.jenkins.plugins.containerrollout.core.deploy.RolloutStrategy;
import io.jenkins.plugins.containerrollout.core.health.ProbeSettings;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * How replicas are replaced and probed, shared by {@code deploy}, {@code rollback} and the rollback that a failed
 * {@code verify} may run: the strategy and its amounts, and the readiness probe's timings. Unset options keep the
 * core's defaults (rolling 25%/25%, a probe every second, 3 failures, 60 s to start).
 *
 * <p>Usage: {@code RolloutStrategy s = RolloutOptions.strategy(options);}
 */
final class RolloutOptions {
    static final Option[] STRATEGY = {
        Option.value("--strategy", "KIND", "recreate, rolling (default), blue-green (needs --router) or canary"
                + " (needs --router)"),
        Option.value("--max-surge", "N|P%", "rolling: replicas above the desired count (default 25%)"),
        Option.value("--max-unavailable", "N|P%", "rolling: replicas below the desired count (default 25%)"),
        Option.value("--replacement", "POLICY", "rolling: stopStarted (default; the next batch starts while replaced"
                + " replicas stop) or stopComplete (it waits until they have stopped)"),
        Option.value("--min-ready", "SECONDS", "a new replica must stay ready this long to count (default 0)"),
        Option.value("--progress-deadline", "SECONDS", "fail when no replica becomes available for this long (default 600)"),
        Option.value("--batch-delay-seconds", "SECONDS", "rolling: pause between batches, fractions allowed (default 0)"),
        Option.value("--batch-delay", "MILLIS", "deprecated: --batch-delay-seconds in milliseconds"),
        Option.value("--failure-ratio", "R", "failed / started new replicas tolerated, 0 to below 1 (default 0)"),
        Option.value("--scale-down-delay", "SECONDS", "blue-green: keep the old colour this long after the switch (default 30)"),
        Option.flag("--no-auto-promote", "blue-green: stop before the switch, the new colour serving only on the router's"
                + " preview address (--router-preview-port), outcome PAUSED until 'promote' (or 'rollback' to abort)"),
        Option.value("--canary-steps", "W:P,...", "canary: traffic weight % and pause per step, seconds or manual"
                + " (hold until 'promote'; 'rollback' aborts), e.g. 10:manual,50:60 (default 10:30,50:30)"),
        Option.value("--analysis", "SOURCE", "canary: what judges each step: router (default; the router's counters"
                + " of the canary's own traffic), synthetic (requests to the canary's replicas) or prometheus (a query)"),
        Option.value("--analysis-min-success", "RATIO", "canary: share of the canary's 2xx/3xx answers an analysis needs"
                + " (default 0.99)"),
        Option.value("--analysis-min-requests", "N", "canary, router: canary requests a window needs (default 10)"),
        Option.value("--analysis-max-response-ms", "MILLIS", "canary, router: the canary's average response time limit,"
                + " 0 = none (default 0)"),
        Option.value("--analysis-max-points-below-stable", "N", "canary, router: percentage points the"
                + " canary's success may lie below stable's (default: no comparison)"),
        Option.value("--analysis-prometheus-url", "URL", "canary, prometheus: the Prometheus server (required)"),
        Option.value("--analysis-query", "QUERY", "canary, prometheus: PromQL with {{app}}, {{revision}}, {{window}},"
                + " {{servers}}, giving one value (required)"),
        Option.value("--analysis-min-value", "N", "canary, prometheus: the smallest passing value"),
        Option.value("--analysis-max-value", "N", "canary, prometheus: the largest passing value (this, --analysis-min-value"
                + " or both)"),
        Option.value("--analysis-extra-pauses", "N", "canary, router or prometheus: more pauses a window with too little"
                + " to judge may wait, 0 to 100 (default 1)"),
        Option.value("--analysis-inconclusive", "THEN", "canary, router or prometheus: then synthetic (default; probe the"
                + " canary's replicas) or fail"),
        Option.value("--analysis-path", "PATH", "canary, synthetic: path requested on the canary's replicas (default /)"),
        Option.value("--analysis-requests", "N", "canary, synthetic: requests per analysis (default 100)"),
        Option.value("--analysis-max-p95", "MILLIS", "canary, synthetic: p95 latency an analysis tolerates, 0 = none"
                + " (default 500)"),
        Option.value("--failure-limit", "N", "canary: failed analyses that abort and roll back (default 1)"),
    };

    /** Options of one analysis; the synthetic settings also serve a measuring analysis's fallback, so stay open. */
    private static final String[] ROUTER = {"--analysis-min-requests", "--analysis-max-response-ms",
        "--analysis-max-points-below-stable"};
    private static final String[] PROMETHEUS = {"--analysis-prometheus-url", "--analysis-query",
        "--analysis-min-value", "--analysis-max-value"};
    private static final String[] MEASURED = {"--analysis-extra-pauses", "--analysis-inconclusive"};

    /** The core names an analysis's parameter first ({@code url: ...}); on the command line that is an option. */
    private static final Map<String, String> ANALYSIS_PARAMETERS = Map.of("analysis", "--analysis",
            "url", "--analysis-prometheus-url", "query", "--analysis-query", "minValue", "--analysis-min-value",
            "maxValue", "--analysis-max-value", "minRequests", "--analysis-min-requests",
            "maxResponseMillis", "--analysis-max-response-ms",
            "maxPointsWorseThanStable", "--analysis-max-points-below-stable",
            "extraPauses", "--analysis-extra-pauses", "inconclusive", "--analysis-inconclusive");

    static final Option[] PROBE = {
        Option.value("--probe-interval-seconds", "SECONDS", "time between readiness probes of a replica, fractions"
                + " allowed (default 1)"),
        Option.value("--probe-timeout-seconds", "SECONDS", "bound on one probe, fractions allowed (default 1)"),
        Option.value("--probe-interval", "MILLIS", "deprecated: --probe-interval-seconds in milliseconds"),
        Option.value("--probe-timeout", "MILLIS", "deprecated: --probe-timeout-seconds in milliseconds"),
        Option.value("--failure-threshold", "N", "consecutive failed probes that fail a replica (default 3)"),
        Option.value("--startup-timeout", "SECONDS", "time a new replica may take to answer at all (default 60)"),
    };

    private RolloutOptions() {
    }

    /** The strategy the options describe, validated by the core (bad amounts are usage errors naming the option). */
    /** Whether any strategy option is given (a stack deploy then rolls its services out with it). */
    static boolean anyStrategyGiven(ParsedOptions o) {
        for (Option option : STRATEGY) {
            if (option.takesValue() ? o.value(option.name()) != null : o.flag(option.name())) {
                return true;
            }
        }
        return false;
    }

    static RolloutStrategy strategy(ParsedOptions o) throws UsageException {
        RolloutStrategy base = UsageException.check(() -> RolloutStrategy.named(
                o.value("--strategy") == null ? "rolling" : o.value("--strategy")));
        only(o, base instanceof RolloutStrategy.Rolling, "--strategy rolling", "--max-surge", "--max-unavailable", "--replacement",
                "--batch-delay-seconds", "--batch-delay");
        only(o, base instanceof RolloutStrategy.BlueGreen, "--strategy blueGreen", "--scale-down-delay",
                "--no-auto-promote");
        only(o, base instanceof RolloutStrategy.Canary, "--strategy canary", "--canary-steps", "--analysis-path",
                "--analysis-requests", "--analysis-min-success", "--analysis-max-p95", "--failure-limit", "--analysis");
        only(o, base instanceof RolloutStrategy.Canary, "--strategy canary", ROUTER);
        only(o, base instanceof RolloutStrategy.Canary, "--strategy canary", PROMETHEUS);
        only(o, base instanceof RolloutStrategy.Canary, "--strategy canary", MEASURED);
        RolloutGates d = base.gates();
        int minReady = o.nonNegative("--min-ready", d.minReadySeconds());
        int deadline = o.positiveInt("--progress-deadline", d.progressDeadlineSeconds());
        double failureRatio = o.decimal("--failure-ratio", d.failureRatio(), 0, 0.999);
        RolloutGates gates = UsageException.check(() -> new RolloutGates(minReady, deadline, failureRatio,
                d.autoRollback()));
        if (base instanceof RolloutStrategy.Rolling r) {
            String surge = o.value("--max-surge") == null ? r.maxSurge() : o.value("--max-surge");
            String unavailable = o.value("--max-unavailable") == null ? r.maxUnavailable() : o.value("--max-unavailable");
            Replacement replacement = UsageException.check(() -> Replacement.parse(o.value("--replacement")));
            Duration batchDelay = seconds(o, "--batch-delay-seconds", "--batch-delay", r.batchDelay(), 0);
            return UsageException.check(() -> new RolloutStrategy.Rolling(surge, unavailable, batchDelay, replacement,
                    gates));
        }
        if (base instanceof RolloutStrategy.BlueGreen b) {
            int scaleDownDelay = o.nonNegative("--scale-down-delay", b.scaleDownDelaySeconds());
            boolean autoPromote = !o.flag("--no-auto-promote");
            return UsageException.check(() -> new RolloutStrategy.BlueGreen(scaleDownDelay, autoPromote, gates));
        }
        if (base instanceof RolloutStrategy.Canary c) {
            CanaryPlan plan = canary(o, c.plan());
            return new RolloutStrategy.Canary(plan, gates);
        }
        return base.withGates(gates);
    }

    /** Options of one strategy (or analysis) given with another are a usage error, not silently ignored. */
    private static void only(ParsedOptions o, boolean applies, String choice, String... options)
            throws UsageException {
        for (String option : options) {
            if (!applies && (o.value(option) != null || o.flag(option))) {
                throw new UsageException(option + " applies to " + choice + " only");
            }
        }
    }

    /** The canary plan the options describe, from the defaults {@code d}. */
    private static CanaryPlan canary(ParsedOptions o, CanaryPlan d) throws UsageException {
        String steps = o.value("--canary-steps");
        String path = o.value("--analysis-path") == null ? d.analysisPath() : o.value("--analysis-path");
        int requests = o.positiveInt("--analysis-requests", d.analysisRequests());
        double minSuccess = o.decimal("--analysis-min-success", d.minSuccessRatio(), 0.000001, 1);
        int maxP95 = o.nonNegative("--analysis-max-p95", (int) d.maxP95Millis());
        int failureLimit = o.positiveInt("--failure-limit", d.failureLimit());
        CanaryAnalysis analysis = analysis(o);
        return UsageException.check(() -> new CanaryPlan(steps == null ? d.steps() : CanaryPlan.parseSteps(steps), path,
                minSuccess, maxP95, requests, failureLimit, analysis));
    }

    /** The canary analysis {@code --analysis} names, with its options; another analysis's options are usage errors. */
    static CanaryAnalysis analysis(ParsedOptions o) throws UsageException {
        String name = o.value("--analysis") == null ? "router" : o.value("--analysis").strip().toLowerCase(Locale.ROOT);
        boolean prometheus = name.equals("prometheus");
        CanaryAnalysis base = prometheus ? null : analysisCheck(() -> CanaryAnalysis.named(name));
        only(o, base instanceof CanaryAnalysis.Router, "--analysis router", ROUTER);
        only(o, prometheus, "--analysis prometheus", PROMETHEUS);
        only(o, !(base instanceof CanaryAnalysis.Synthetic), "--analysis router or prometheus", MEASURED);
        if (base instanceof CanaryAnalysis.Synthetic) {
            return base;
        }
        CanaryAnalysis.Inconclusive d = CanaryAnalysis.Inconclusive.defaults();
        int extraPauses = o.nonNegative("--analysis-extra-pauses", d.extraPauses());
        String then = o.value("--analysis-inconclusive");
        CanaryAnalysis.Inconclusive inconclusive = analysisCheck(() -> new CanaryAnalysis.Inconclusive(extraPauses,
                then == null ? d.fallback() : then));
        if (prometheus) {
            String url = o.value("--analysis-prometheus-url");
            String query = o.value("--analysis-query");
            Double min = bound(o, "--analysis-min-value");
            Double max = bound(o, "--analysis-max-value");
            // the core checks the url and the query's placeholders here, before anything runs
            return analysisCheck(() -> new CanaryAnalysis.Prometheus(url, query, min, max, inconclusive));
        }
        CanaryAnalysis.Router r = CanaryAnalysis.Router.defaults();
        long minRequests = o.positive("--analysis-min-requests", r.minRequests());
        long maxResponse = o.nonNegative("--analysis-max-response-ms", (int) r.maxResponseMillis());
        double worse = o.decimal("--analysis-max-points-below-stable", r.maxPointsWorseThanStable(), -100, 100);
        return analysisCheck(() -> new CanaryAnalysis.Router(maxResponse, worse, minRequests, inconclusive));
    }

    /** A bound of the query's value, or null when not given. */
    private static Double bound(ParsedOptions o, String option) throws UsageException {
        String v = o.value(option);
        try {
            double d = v == null ? 0 : Double.parseDouble(v.strip());
            if (Double.isFinite(d)) {
                return v == null ? null : d;
            }
        } catch (NumberFormatException e) {
            // reported below, with the option's name
        }
        throw new UsageException(option + " wants a number, e.g. 0.05, not \"" + v + "\"");
    }

    /** Builds an analysis, its core message naming the option ({@code url:} reads {@code --analysis-prometheus-url:}). */
    private static <T> T analysisCheck(Supplier<T> build) throws UsageException {
        try {
            return build.get();
        } catch (RequestException e) {
            String message = String.valueOf(e.getMessage());
            int colon = message.indexOf(": ");
            String option = colon < 0 ? null : ANALYSIS_PARAMETERS.get(message.substring(0, colon));
            throw new UsageException(option == null ? UsageException.optionNamed(message)
                    : option + message.substring(colon));
        }
    }

    /**
     * A duration given in seconds (every duration option's unit, fractions allowed), or by its older option in
     * milliseconds, which keeps its unit so that command lines written before still mean the same.
     */
    private static Duration seconds(ParsedOptions o, String option, String millisOption, Duration fallback, double min)
            throws UsageException {
        if (o.value(millisOption) != null) {
            if (o.value(option) != null) {
                throw new UsageException(millisOption + " (milliseconds) and " + option + " set the same; give " + option
                        + " only");
            }
            return Duration.ofMillis(min > 0 ? o.positive(millisOption, 0) : o.nonNegative(millisOption, 0));
        }
        double s = o.decimal(option, fallback.toNanos() / 1e9, min, 86_400);
        return Duration.ofNanos(Math.round(s * 1e9));
    }

    /** The probe timings the options describe, probing {@code path}. */
    static ProbeSettings probe(ParsedOptions o, String path) throws UsageException {
        ProbeSettings d = ProbeSettings.defaults();
        Duration interval = seconds(o, "--probe-interval-seconds", "--probe-interval", d.interval(), 0.001);
        Duration timeout = seconds(o, "--probe-timeout-seconds", "--probe-timeout", d.timeout(), 0.001);
        int failures = o.positiveInt("--failure-threshold", d.failureThreshold());
        long startup = o.positive("--startup-timeout", d.startupTimeout().toSeconds());
        return UsageException.check(() -> new ProbeSettings(path, interval, timeout,
                d.successThreshold(), failures, Duration.ofSeconds(startup)));
    }
}
