package io.jenkins.plugins.containerrollout.model;

import io.jenkins.plugins.containerrollout.core.report.Format;
import io.jenkins.plugins.containerrollout.core.metrics.RolloutFact;
import java.io.Serializable;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/**
 * What {@code build.xml} keeps of one recorded step (an image build, a deploy, a rollback, a verification or a set of
 * test results): a handful of strings, numbers and flags, enough for the build page, the REST API, the job's trend
 * charts and its DORA metrics without opening the full entry. A plain class with fields because XStream, which
 * writes {@code build.xml}, cannot read records back; every getter returns plain text or a number, so the views
 * escape everything they show.
 *
 * <p>Usage: {@code for (RolloutSummary s : action.getSummaries()) if (s.isFailed()) ...}
 */
@ExportedBean(defaultVisibility = 2)
public final class RolloutSummary implements Serializable {
    private static final long serialVersionUID = 1L;

    /** {@link #getKind()} values. */
    public static final String BUILD = "build";
    public static final String DEPLOY = "deploy";
    public static final String ROLLBACK = "rollback";
    public static final String VERIFICATION = "verification";
    public static final String TESTS = "tests";

    // Fields, not records: XStream writes each as an element of build.xml and leaves a field added later at its Java
    // default (0, false, null) when it reads an older file; readResolve turns those into meaningful defaults.
    String kind;
    String title;
    String app;
    int fromRevision;
    int toRevision;
    String outcome;
    long durationMillis;
    int testsPassed;
    int testsFailed;
    int testsSkipped;
    String image;
    String digest;
    long timeMillis;
    /** Commit time of the sources that were deployed, 0 when unknown (the start of the DORA lead time). */
    long commitTimeMillis;
    String commit;
    /**
     * The entry failed: for a deploy, a failed change (it failed, was rolled back, or its verification failed); for a
     * verification or test results, that they did not pass. Only deploys count in the change failure rate.
     */
    boolean failed;
    /** A deploy that succeeded and whose verifications (if any) passed. */
    boolean verified;
    /** Rollout metrics (DESIGN §6): the minimum of ready/desired during the rollout, 0 for other kinds. */
    double availabilityFloor;
    /** Replicas made ready per second. */
    double scaleRate;
    /** Target-revision replicas rolled back ÷ updated. */
    double rollbackRate;
    /** From the failure until the restored revision served again; -1 when nothing was restored (0 in older files). */
    long timeToRestoreMillis;
    /** Position of the full entry in the entries file beside build.xml. */
    int entryIndex;
    /** Replicas that failed during the rollout (their diagnoses are in the full entry). */
    int failedReplicas;
    /** Why the first failed replica failed, one line ({@code web.r2.s1: exited with code 3}), or "". */
    String failureCause;
    /** A canary's analysis windows, and how many of them failed (the windows are in the full entry). */
    int analysisWindows;
    int failedAnalysisWindows;
    /**
     * The build that started this rollout when another build continued it (a paused rollout promoted or aborted
     * later): its URL, checked plain http(s) ({@code Links.build}), or "" when this build started it or it is unknown.
     */
    String startedBy;

    RolloutSummary() {
    }

    /** Gives fields a reader of an older (or hand-edited) build.xml left empty their defaults. */
    Object readResolve() {
        kind = kind == null || kind.isBlank() ? DEPLOY : kind;
        title = title == null ? "" : title;
        app = app == null ? "" : app;
        outcome = outcome == null ? "" : outcome;
        image = image == null ? "" : image;
        digest = digest == null ? "" : digest;
        commit = commit == null ? "" : commit;
        failureCause = failureCause == null ? "" : failureCause;
        startedBy = startedBy == null ? "" : startedBy;
        return this;
    }

    /** {@code build}, {@code deploy}, {@code rollback}, {@code verification} or {@code tests}. */
    @Exported
    public String getKind() {
        return kind;
    }

    /** The entry's heading, e.g. {@code Rollout of shop-web}. */
    @Exported
    public String getTitle() {
        return title;
    }

    /** The application a deploy, rollback or verification concerns; "" for builds and test results. */
    @Exported
    public String getApp() {
        return app;
    }

    @Exported
    public int getFromRevision() {
        return fromRevision;
    }

    @Exported
    public int getToRevision() {
        return toRevision;
    }

    /**
     * How it ended, lower case: {@code succeeded}, {@code rolled back}, {@code failed}, {@code paused} for rollouts;
     * {@code passed}/{@code failed} for verifications and tests; {@code built} for builds.
     */
    @Exported
    public String getOutcome() {
        return outcome;
    }

    @Exported
    public long getDurationMillis() {
        return durationMillis;
    }

    @Exported
    public int getTestsPassed() {
        return testsPassed;
    }

    @Exported
    public int getTestsFailed() {
        return testsFailed;
    }

    @Exported
    public int getTestsSkipped() {
        return testsSkipped;
    }

    /** The image reference deployed or built (first tag). */
    @Exported
    public String getImage() {
        return image;
    }

    /** Repository digest ({@code sha256:...}) when known, else "". */
    @Exported
    public String getDigest() {
        return digest;
    }

    /** When it started, epoch milliseconds. */
    @Exported
    public long getTimeMillis() {
        return timeMillis;
    }

    /** Commit time of the deployed sources, epoch milliseconds; 0 when unknown. */
    @Exported
    public long getCommitTimeMillis() {
        return commitTimeMillis;
    }

    /** The Git commit the image was built from, "" when unknown. */
    @Exported
    public String getCommit() {
        return commit;
    }

    /** Did not succeed; for a deploy: a failed change (DORA change failure rate). */
    @Exported
    public boolean isFailed() {
        return failed;
    }

    /** A deploy that succeeded and passed its verifications. */
    @Exported
    public boolean isVerified() {
        return verified;
    }

    /** S: the lowest ready/desired ratio during the rollout (1.0 = never below desired). */
    @Exported
    public double getAvailabilityFloor() {
        return availabilityFloor;
    }

    /** E: replicas made ready per second of rollout. */
    @Exported
    public double getScaleRate() {
        return scaleRate;
    }

    /** R: target-revision replicas rolled back ÷ target-revision replicas updated. */
    @Exported
    public double getRollbackRate() {
        return rollbackRate;
    }

    /** Time to restore of an automatic or explicit rollback, -1 when nothing was restored. */
    @Exported
    public long getTimeToRestoreMillis() {
        return timeToRestoreMillis;
    }

    /** Replicas that failed during the rollout. */
    @Exported
    public int getFailedReplicas() {
        return failedReplicas;
    }

    /** Why the first failed replica failed, in one line, or "". */
    @Exported
    public String getFailureCause() {
        return failureCause;
    }

    /** A canary's analysis windows (0 for other strategies). */
    @Exported
    public int getAnalysisWindows() {
        return analysisWindows;
    }

    /** A canary's analysis windows that failed. */
    @Exported
    public int getFailedAnalysisWindows() {
        return failedAnalysisWindows;
    }

    int getEntryIndex() {
        return entryIndex;
    }

    /** A rollout (deploy or rollback), as opposed to a build, verification or test result. */
    public boolean isRollout() {
        return DEPLOY.equals(kind) || ROLLBACK.equals(kind);
    }

    /** Revision change as text: {@code r3 → r4}, or "" when not a rollout. */
    public String getRevisionText() {
        if (isRollout() && toRevision == 0 && RolloutFact.ABORTED.equals(outcome)) {
            return "revision not known"; // aborted before the agent reported (AbortRecord)
        }
        return isRollout() ? "r" + fromRevision + " \u2192 r" + toRevision : "";
    }

    /** The badge word, never colour alone: the outcome, or {@code verified}/{@code verification failed}. */
    public String getBadgeText() {
        if (VERIFICATION.equals(kind)) {
            return failed ? "verification failed" : "verified";
        }
        return outcome;
    }

    /** The badge colour (a fixed constant; the word carries the meaning). */
    public String getBadgeColor() {
        return switch (outcome) {
            case "succeeded", "passed", "built" -> "#1a7f37";
            case "rolled back", "paused" -> "#9a6700";
            case "aborted" -> "#57606a";
            default -> "#cf222e";
        };
    }

    /** The URL of the build that started this rollout when it was another one, else "" (escaped where shown). */
    @Exported
    public String getStartedBy() {
        return startedBy == null ? "" : startedBy;
    }

    /** Duration for people: {@code 1.2 s}, {@code 3 min 4 s}. */
    public String getDurationText() {
        return Format.duration(durationMillis);
    }

    /** Test counts for people, or "" when no test ran. */
    public String getTestsText() {
        int total = testsPassed + testsFailed + testsSkipped;
        return total == 0 ? "" : testsPassed + " passed, " + testsFailed + " failed, " + testsSkipped + " skipped";
    }

    /** What the job's trends and DORA metrics read of this entry. */
    public RolloutFact toFact() {
        return new RolloutFact(kind, app, outcome, timeMillis, durationMillis, commitTimeMillis, failed, verified,
                testsPassed, testsFailed);
    }
}
