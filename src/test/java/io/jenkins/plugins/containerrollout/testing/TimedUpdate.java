package io.jenkins.plugins.containerrollout.testing;

import io.jenkins.plugins.containerrollout.core.ProgressSink;
import io.jenkins.plugins.containerrollout.core.deploy.DeployRequest;
import io.jenkins.plugins.containerrollout.core.deploy.docker.DockerDeployer;
import io.jenkins.plugins.containerrollout.core.record.Outcome;
import io.jenkins.plugins.containerrollout.core.record.RolloutRecord;
import java.lang.management.ManagementFactory;

/**
 * Our rolling update as the benchmarks time it, against the {@link EngineFloor}: the app deployed at its first image
 * (not timed), then the deploy call of the next image until it returns, which must have succeeded; the app is removed
 * afterwards whatever happened, so the next measurement starts from the same empty engine.
 *
 * <p>Usage: {@code long ms = TimedUpdate.millis(deployer, request, "app:2");}
 */
public final class TimedUpdate {
    private TimedUpdate() {
    }

    /**
     * Updates a benchmark runs untimed before it measures: a long-running agent's JIT has compiled the rollout's code
     * long before, whereas after one update the compiler threads still took 150 to 250 ms of CPU per update (seen
     * with /proc's per-thread times) on cores the engine needs for its starts and kills. {@link #compileMillis}
     * shows what is left during the timed ones.
     */
    public static final int WARM_UPS = 10;

    /** Runs {@link #WARM_UPS} untimed updates of {@code first} to {@code nextImage}. */
    public static void warmUp(DockerDeployer deployer, DeployRequest first, String nextImage)
            throws InterruptedException {
        for (int i = 0; i < WARM_UPS; i++) {
            millis(deployer, first, nextImage);
        }
    }

    /** Milliseconds the JVM's JIT compilers have spent so far (its compilation bean); a delta spans a measurement. */
    public static long compileMillis() {
        return ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
    }

    /** Deploys {@code first}, then times the same request with {@code nextImage} (milliseconds); removes the app. */
    public static long millis(DockerDeployer deployer, DeployRequest first, String nextImage)
            throws InterruptedException {
        return measure(deployer, first, nextImage).millis();
    }

    /** One timed update: its milliseconds, and those the JIT compilers spent meanwhile ({@link #compileMillis}). */
    public record Timed(long millis, long compileMillis) {
    }

    /** As {@link #millis}, with the JIT compilers' time during the timed update. */
    public static Timed measure(DockerDeployer deployer, DeployRequest first, String nextImage)
            throws InterruptedException {
        try {
            require(deployer.deploy(first, ProgressSink.NONE), Outcome.SUCCEEDED);
            long compiled = compileMillis();
            long start = System.nanoTime();
            require(deployer.deploy(first.withSpec(first.spec().withImage(nextImage)), ProgressSink.NONE),
                    Outcome.SUCCEEDED);
            return new Timed((System.nanoTime() - start) / 1_000_000, compileMillis() - compiled);
        } finally {
            deployer.remove(first.app());
        }
    }

    /** {@code record}, when it ended {@code expected}; else stops the benchmark with the record's message. */
    public static RolloutRecord require(RolloutRecord record, Outcome expected) {
        if (record.outcome() != expected) {
            throw new IllegalStateException("expected " + expected + ": " + record.message());
        }
        return record;
    }
}
