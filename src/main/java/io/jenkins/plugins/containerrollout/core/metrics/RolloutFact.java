package io.jenkins.plugins.containerrollout.core.metrics;

/**
 * One recorded entry of a build, reduced to what the job's trends and DORA metrics read: the Jenkins side keeps
 * these as summaries in {@code build.xml} and hands them over without opening any full record.
 *
 * <p>Usage: {@code new RolloutFact(RolloutFact.DEPLOY, "shop-web", "succeeded", start, 4_000, commitTime, false, true, 0, 0)}
 *
 * @param kind             {@code build}, {@code deploy}, {@code rollback}, {@code verification} or {@code tests}
 * @param app              the application of a deploy, rollback or verification; "" otherwise
 * @param outcome          for rollouts {@code succeeded}, {@code rolled back}, {@code failed}, {@code paused} or
 *                         {@code aborted}
 * @param startedAtMillis  start, epoch milliseconds
 * @param durationMillis   wall time
 * @param commitTimeMillis commit time of the deployed sources, 0 when unknown
 * @param failed           for a deploy: a failed change
 * @param verified         for a deploy: succeeded and passed its verifications
 * @param testsPassed      test cases passed
 * @param testsFailed      test cases failed or in error
 */
public record RolloutFact(String kind, String app, String outcome, long startedAtMillis, long durationMillis,
        long commitTimeMillis, boolean failed, boolean verified, int testsPassed, int testsFailed) {
    public static final String DEPLOY = "deploy";
    public static final String ROLLBACK = "rollback";
    /** The outcome of a rollout stopped from outside (a build aborted while the step ran). */
    public static final String ABORTED = "aborted";
    /** The outcome of a rollout that holds at a requested pause; its promote or abort ends it (Outcome.PAUSED). */
    public static final String PAUSED = "paused";

    public RolloutFact {
        kind = kind == null ? "" : kind;
        app = app == null ? "" : app;
        outcome = outcome == null ? "" : outcome;
    }

    /** A deploy or a rollback. */
    public boolean isRollout() {
        return DEPLOY.equals(kind) || ROLLBACK.equals(kind);
    }
}
