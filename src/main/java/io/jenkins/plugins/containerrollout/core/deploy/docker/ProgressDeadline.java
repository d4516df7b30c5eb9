package io.jenkins.plugins.containerrollout.core.deploy.docker;

import java.time.Clock;

/**
 * A rollout's progress deadline, as a Kubernetes Deployment's {@code progressDeadlineSeconds}: the rollout fails when
 * no replica became available for that long. Reads the injected clock only, so it is tested without waiting.
 *
 * <p>Usage: {@code deadline.progressed(); ... deadline.check(revision);}
 */
final class ProgressDeadline {
    private final Clock clock;
    private final int seconds;
    private long lastProgress;

    ProgressDeadline(Clock clock, int seconds) {
        this.clock = clock;
        this.seconds = seconds;
        this.lastProgress = clock.millis();
    }

    /** A replica became available (or the rollout began a phase): the deadline counts from now. */
    void progressed() {
        lastProgress = clock.millis();
    }

    /** Fails when no progress was made for longer than the deadline. */
    void check(int revision) throws RolloutFailure {
        long idle = clock.millis() - lastProgress;
        if (idle > seconds * 1000L) {
            throw new RolloutFailure("progress deadline of " + seconds + " s exceeded: no replica of revision "
                    + revision + " became available for " + idle + " ms");
        }
    }
}
