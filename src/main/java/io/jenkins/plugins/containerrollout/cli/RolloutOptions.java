package io.jenkins.plugins.containerrollout.cli;

import io.jenkins.plugins.containerrollout.core.deploy.CanaryPlan;
import io.jenkins.plugins.containerrollout.core.deploy.Replacement;
import io.jenkins.plugins.containerrollout.core.deploy.RolloutGates;
import io.jenkins.plugins.containerrollout.core.deploy.RolloutStrategy;
import io.jenkins.plugins.containerrollout.core.health.ProbeSettings;
import java.time.Duration;
import java.util.List;

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
                + " (needs --router and --router-frontend-port)"),
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
        Option.value("--canary-steps", "W:P,...", "canary: traffic weight % and pause seconds per step (default 10:30,50:30)"),
        Option.value("--analysis-path", "PATH", "canary: path requested through the router's frontend (default /)"),
        Option.value("--analysis-requests", "N", "canary: requests per analysis (default 100)"),
        Option.value("--analysis-min-success", "RATIO", "canary: share of 2xx/3xx answers an analysis needs (default 0.99)"),
        Option.value("--analysis-max-p95", "MILLIS", "canary: p95 latency an analysis tolerates, 0 = none (default 500)"),
        Option.value("--failure-limit", "N", "canary: failed analyses that abort and roll back (default 1)"),
    };

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
    static RolloutStrategy strategy(ParsedOptions o) throws UsageException {
        RolloutStrategy base = UsageException.check(() -> RolloutStrategy.named(
                o.value("--strategy") == null ? "rolling" : o.value("--strategy")));
        only(o, base instanceof RolloutStrategy.Rolling, "rolling", "--max-surge", "--max-unavailable", "--replacement",
                "--batch-delay-seconds", "--batch-delay");
        only(o, base instanceof RolloutStrategy.BlueGreen, "blueGreen", "--scale-down-delay");
        only(o, base instanceof RolloutStrategy.Canary, "canary", "--canary-steps", "--analysis-path",
                "--analysis-requests", "--analysis-min-success", "--analysis-max-p95", "--failure-limit");
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
            return UsageException.check(() -> new RolloutStrategy.BlueGreen(scaleDownDelay, gates));
        }
        if (base instanceof RolloutStrategy.Canary c) {
            CanaryPlan plan = canary(o, c.plan());
            return new RolloutStrategy.Canary(plan, gates);
        }
        return base.withGates(gates);
    }

    /** Options of one strategy given with another are a usage error, not silently ignored. */
    private static void only(ParsedOptions o, boolean applies, String strategy, String... options)
            throws UsageException {
        for (String option : options) {
            if (!applies && (o.value(option) != null || o.flag(option))) {
                throw new UsageException(option + " applies to --strategy " + strategy + " only");
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
        return UsageException.check(() -> new CanaryPlan(steps == null ? d.steps() : CanaryPlan.parseSteps(steps), path,
                minSuccess, maxP95, requests, failureLimit));
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
