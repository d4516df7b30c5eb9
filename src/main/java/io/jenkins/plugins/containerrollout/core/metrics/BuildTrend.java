package io.jenkins.plugins.containerrollout.core.metrics;

/**
 * What one build contributes to the job's trend charts: its rollouts' total duration, how they ended, and its tests.
 *
 * <p>Usage: {@code new BuildTrend(42, 12_000, 1, 0, 0, 38, 2)}
 *
 * @param build          build number
 * @param durationMillis summed duration of the build's deploys and rollbacks
 * @param succeeded      rollouts that succeeded
 * @param rolledBack     rollouts rolled back (automatically, or by an explicit rollback)
 * @param failed         rollouts that failed (or paused)
 * @param testsPassed    test cases passed
 * @param testsFailed    test cases failed or in error
 */
public record BuildTrend(int build, long durationMillis, int succeeded, int rolledBack, int failed, int testsPassed,
        int testsFailed) {
}
