package io.jenkins.plugins.containerrollout.core.metrics;

/**
 * One deploy of one application, as the DORA metrics need it.
 *
 * <p>Usage: {@code new Deployment("shop-web", 42, start, 4_000, commitTime, false, true)}
 *
 * @param app              the application
 * @param build            the build number that deployed it
 * @param startedAtMillis  when the deploy started, epoch milliseconds
 * @param durationMillis   how long it took; {@link #deployedAtMillis()} is start + duration
 * @param commitTimeMillis commit time of the deployed sources, 0 when unknown (then it has no lead time)
 * @param failed           a failed change: the deploy failed, was rolled back, or its verification failed
 * @param verified         the deploy succeeded and passed its verifications
 */
public record Deployment(String app, int build, long startedAtMillis, long durationMillis, long commitTimeMillis,
        boolean failed, boolean verified) {

    public Deployment {
        app = app == null ? "" : app;
        durationMillis = Math.max(0, durationMillis);
    }

    /** When the new revision was serving (or the deploy gave up). */
    public long deployedAtMillis() {
        return startedAtMillis + durationMillis;
    }
}
