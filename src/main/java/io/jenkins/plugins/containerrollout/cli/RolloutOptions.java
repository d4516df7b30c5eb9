package io.jenkins.plugins.containerrollout.cli;

import io.jenkins.plugins.containerrollout.core.deploy.RolloutStrategy;
import io.jenkins.plugins.containerrollout.core.health.ProbeSettings;
import java.time.Duration;

/**
 * How replicas are replaced and probed, shared by {@code deploy}, {@code rollback} and the rollback that a failed
 * {@code verify} may run: the strategy and its amounts, and the readiness probe's timings. Unset options keep the
 * core's defaults (rolling 25%/25%, a probe every second, 3 failures, 60 s to start).
 *
 * <p>Usage: {@code RolloutStrategy s = RolloutOptions.strategy(options);}
 */
final class RolloutOptions {
    static final Option[] STRATEGY = {
        Option.value("--strategy", "KIND", "recreate, rolling (default) or blue-green (needs --router);"
                + " canary is refused on a Docker Engine host"),
        Option.value("--max-surge", "N|P%", "rolling: replicas above the desired count (default 25%)"),
        Option.value("--max-unavailable", "N|P%", "rolling: replicas below the desired count (default 25%)"),
        Option.value("--min-ready", "SECONDS", "a new replica must stay ready this long to count (default 0)"),
        Option.value("--progress-deadline", "SECONDS", "fail when no replica becomes available for this long (default 600)"),
        Option.value("--batch-delay", "MILLIS", "rolling: pause between batches (default 0)"),
        Option.value("--failure-ratio", "R", "failed / started new replicas tolerated, 0 to below 1 (default 0)"),
        Option.value("--scale-down-delay", "SECONDS", "blue-green: keep the old colour this long after the switch (default 30)"),
    };

    static final Option[] PROBE = {
        Option.value("--probe-interval", "MILLIS", "time between readiness probes of a replica (default 1000)"),
        Option.value("--probe-timeout", "MILLIS", "bound on one probe (default 1000)"),
        Option.value("--failure-threshold", "N", "consecutive failed probes that fail a replica (default 3)"),
        Option.value("--startup-timeout", "SECONDS", "time a new replica may take to answer at all (default 60)"),
    };

    private RolloutOptions() {
    }

    /** The strategy the options describe, validated by the core (bad amounts are usage errors naming the option). */
    static RolloutStrategy strategy(ParsedOptions o) throws UsageException {
        RolloutStrategy base = UsageException.check(() -> RolloutStrategy.named(
                o.value("--strategy") == null ? "rolling" : o.value("--strategy")));
        String surge = o.value("--max-surge") == null ? base.maxSurge() : o.value("--max-surge");
        String unavailable = o.value("--max-unavailable") == null ? base.maxUnavailable() : o.value("--max-unavailable");
        if (base.kind() != RolloutStrategy.Kind.ROLLING && (o.flag("--max-surge") || o.flag("--max-unavailable"))) {
            throw new UsageException("--max-surge/--max-unavailable apply to --strategy rolling only");
        }
        int minReady = o.nonNegative("--min-ready", base.minReadySeconds());
        int deadline = o.positiveInt("--progress-deadline", base.progressDeadlineSeconds());
        long batchDelay = o.nonNegative("--batch-delay", (int) base.batchDelay().toMillis());
        double failureRatio = o.decimal("--failure-ratio", base.failureRatio(), 0, 0.999);
        int scaleDownDelay = o.nonNegative("--scale-down-delay", base.scaleDownDelaySeconds());
        return UsageException.check(() -> new RolloutStrategy(base.kind(), surge, unavailable,
                Duration.ofMillis(batchDelay), minReady, deadline, failureRatio, base.autoRollback(), scaleDownDelay));
    }

    /** The probe timings the options describe, probing {@code path}. */
    static ProbeSettings probe(ParsedOptions o, String path) throws UsageException {
        ProbeSettings d = ProbeSettings.defaults();
        long interval = o.positive("--probe-interval", d.interval().toMillis());
        long timeout = o.positive("--probe-timeout", d.timeout().toMillis());
        int failures = o.positiveInt("--failure-threshold", d.failureThreshold());
        long startup = o.positive("--startup-timeout", d.startupTimeout().toSeconds());
        return UsageException.check(() -> new ProbeSettings(path, Duration.ofMillis(interval), Duration.ofMillis(timeout),
                d.successThreshold(), failures, Duration.ofSeconds(startup)));
    }
}
