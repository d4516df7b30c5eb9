package io.jenkins.plugins.containerrollout.testing;

import io.jenkins.plugins.containerrollout.core.ProgressSink;
import io.jenkins.plugins.containerrollout.core.deploy.DeployRequest;
import io.jenkins.plugins.containerrollout.core.deploy.docker.DockerDeployer;
import io.jenkins.plugins.containerrollout.core.record.Outcome;
import io.jenkins.plugins.containerrollout.core.record.RolloutRecord;

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

    /** Deploys {@code first}, then times the same request with {@code nextImage} (milliseconds); removes the app. */
    public static long millis(DockerDeployer deployer, DeployRequest first, String nextImage)
            throws InterruptedException {
        try {
            require(deployer.deploy(first, ProgressSink.NONE), Outcome.SUCCEEDED);
            long start = System.nanoTime();
            require(deployer.deploy(first.withSpec(first.spec().withImage(nextImage)), ProgressSink.NONE),
                    Outcome.SUCCEEDED);
            return (System.nanoTime() - start) / 1_000_000;
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
