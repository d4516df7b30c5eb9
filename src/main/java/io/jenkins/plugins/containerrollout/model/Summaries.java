package io.jenkins.plugins.containerrollout.model;

import io.jenkins.plugins.containerrollout.core.analysis.AnalysisVerdict;
import io.jenkins.plugins.containerrollout.core.image.BuildResult;
import io.jenkins.plugins.containerrollout.core.record.Operation;
import io.jenkins.plugins.containerrollout.core.record.Outcome;
import io.jenkins.plugins.containerrollout.core.record.RolloutRecord;
import io.jenkins.plugins.containerrollout.core.report.Html;
import io.jenkins.plugins.containerrollout.core.report.Links;
import io.jenkins.plugins.containerrollout.core.report.ReportEntry;
import io.jenkins.plugins.containerrollout.core.verify.TestCounts;
import io.jenkins.plugins.containerrollout.core.verify.VerificationResult;
import io.jenkins.plugins.containerrollout.core.verify.junit.JunitReport;
import java.util.List;
import java.util.Locale;

/**
 * Turns a recorded entry into its {@link RolloutSummary}, and lets later entries of the same build correct earlier
 * summaries: a failed verification marks the deploy it verified as a failed change, a rollback marks the app's
 * deploy before it; a rollout takes the commit (and commit time) of the image build it deployed.
 *
 * <p>Usage: {@code summaries.add(Summaries.append(summaries, entry, index, System.currentTimeMillis()));}
 */
final class Summaries {
    /** A PAUSED outcome as summaries spell it. */
    private static final String PAUSED = "paused";

    private Summaries() {
    }

    /**
     * Where in {@code earlier} the PAUSED entry of the rollout {@code entry} continues is (a promote or an abort
     * returns a record of the same rollout: same app, target revision and start), or -1 when it is a rollout of its
     * own or the paused one was recorded by another build.
     */
    static int continued(List<RolloutSummary> earlier, ReportEntry entry) {
        if (!(entry instanceof ReportEntry.Rollout r) || r.record().operation() != Operation.DEPLOY) {
            return -1;
        }
        RolloutRecord record = r.record();
        for (int i = earlier.size() - 1; i >= 0; i--) {
            RolloutSummary e = earlier.get(i);
            if (RolloutSummary.DEPLOY.equals(e.kind) && PAUSED.equals(e.outcome) && e.app.equals(record.app())
                    && e.toRevision == record.toRevision() && e.timeMillis == record.startedAtMillis()) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The URL of the build that started the deploy {@code entry} records, when that is not the build at
     * {@code ownerUrl} (Jenkins' relative {@code job/x/7/}): a paused rollout promoted by a later build. "" otherwise,
     * and for a rollback (its record names the build of the restored revision, not a start) or a URL that is not
     * plain http(s).
     */
    static String startedElsewhere(ReportEntry entry, String ownerUrl) {
        if (!(entry instanceof ReportEntry.Rollout r) || r.record().operation() != Operation.DEPLOY) {
            return "";
        }
        String url = Links.build(r.record().buildUrl()).orElse("");
        String own = ownerUrl == null || ownerUrl.isBlank() ? null
                : ownerUrl.startsWith("/") ? ownerUrl : "/" + ownerUrl;
        boolean same = url.isEmpty() || own != null && (url.endsWith(own) || (url + "/").endsWith(own));
        return same ? "" : url;
    }

    /**
     * The summary of {@code entry}, after updating {@code earlier} (the same build's summaries, in order) where the
     * entry changes what they mean.
     */
    static RolloutSummary append(List<RolloutSummary> earlier, ReportEntry entry, int index, long nowMillis) {
        RolloutSummary s = new RolloutSummary();
        s.entryIndex = index;
        s.title = entry.title();
        s.app = "";
        s.image = "";
        s.digest = "";
        s.commit = "";
        s.failureCause = "";
        s.startedBy = "";
        s.timeToRestoreMillis = -1;
        if (entry instanceof ReportEntry.Build b) {
            build(s, b, nowMillis);
        } else if (entry instanceof ReportEntry.Rollout r) {
            rollout(s, r.record(), earlier);
        } else if (entry instanceof ReportEntry.Verification v) {
            verification(s, v.result(), earlier);
        } else if (entry instanceof ReportEntry.Tests t) {
            tests(s, t.report(), nowMillis);
        }
        return s;
    }

    private static void build(RolloutSummary s, ReportEntry.Build b, long nowMillis) {
        BuildResult r = b.result();
        s.kind = RolloutSummary.BUILD;
        s.outcome = "built";
        s.durationMillis = r.durationMillis();
        s.timeMillis = nowMillis - r.durationMillis();
        s.image = r.tags().isEmpty() ? "" : r.tags().get(0);
        s.digest = r.tags().isEmpty() ? "" : r.digests().getOrDefault(r.tags().get(0), "");
        if (r.git() != null) {
            s.commit = nullToEmpty(r.git().commit());
            s.commitTimeMillis = r.git().commitTime() == null ? 0 : r.git().commitTime().toEpochMilli();
        }
    }

    private static void rollout(RolloutSummary s, RolloutRecord r, List<RolloutSummary> earlier) {
        boolean rollback = r.operation() == Operation.ROLLBACK;
        s.kind = rollback ? RolloutSummary.ROLLBACK : RolloutSummary.DEPLOY;
        s.app = nullToEmpty(r.app());
        s.fromRevision = r.fromRevision();
        s.toRevision = r.toRevision();
        s.outcome = r.outcome() == null ? "" : r.outcome().name().toLowerCase(Locale.ROOT).replace('_', ' ');
        s.durationMillis = Math.max(0, r.finishedAtMillis() - r.startedAtMillis());
        s.timeMillis = r.startedAtMillis();
        s.image = nullToEmpty(r.image());
        s.digest = nullToEmpty(r.digest());
        // A rollback's own flags say whether the rollback worked; the deploy it undid is marked below.
        // An aborted rollout is neither: nobody saw what reached traffic (Outcome.ABORTED), or someone took a paused
        // one back on purpose. A paused one holds where it was asked to, waiting for promote or abort: not a failure.
        s.failed = r.outcome() != Outcome.SUCCEEDED && r.outcome() != Outcome.ABORTED && r.outcome() != Outcome.PAUSED;
        s.verified = !rollback && r.outcome() == Outcome.SUCCEEDED;
        s.timeToRestoreMillis = -1;
        s.failedReplicas = r.diagnoses().size();
        s.failureCause = r.diagnoses().isEmpty() ? "" : Html.clip(r.diagnoses().get(0).summary(0), 300);
        s.analysisWindows = r.analysis().size();
        s.failedAnalysisWindows = (int) r.analysis().stream()
                .filter(w -> w.verdict() == AnalysisVerdict.FAIL).count();
        if (r.metrics() != null) {
            s.availabilityFloor = r.metrics().availabilityFloor();
            s.scaleRate = r.metrics().scaleRate();
            s.rollbackRate = r.metrics().rollbackRate();
            s.timeToRestoreMillis = r.metrics().timeToRestoreMillis();
        }
        // A rollback restores an older image: the commit of this build's image build is not what it deployed.
        RolloutSummary source = rollback ? null : buildOf(r.image(), earlier);
        if (source != null) {
            s.commit = source.commit;
            s.commitTimeMillis = source.commitTimeMillis;
        }
        if (rollback) {
            // Rolling an app back in the same build undoes its deploy there: that deploy was a failed change.
            RolloutSummary deploy = last(earlier, RolloutSummary.DEPLOY, s.app);
            if (deploy != null) {
                markFailed(deploy);
            }
        }
    }

    private static void verification(RolloutSummary s, VerificationResult v, List<RolloutSummary> earlier) {
        s.kind = RolloutSummary.VERIFICATION;
        RolloutSummary verified = last(earlier, null, null);
        s.app = verified == null ? "" : verified.app;
        s.outcome = v.passed() ? "passed" : "failed";
        s.failed = !v.passed();
        s.durationMillis = v.durationMillis();
        s.timeMillis = v.startedAtMillis();
        TestCounts t = v.tests() == null ? TestCounts.NONE : v.tests();
        s.testsPassed = t.passed();
        s.testsFailed = t.failed() + t.errors();
        s.testsSkipped = t.skipped();
        // A verification checks what was rolled out just before it; when it fails, that deploy is a failed change.
        if (verified != null && !v.passed() && RolloutSummary.DEPLOY.equals(verified.kind)) {
            markFailed(verified);
        }
    }

    private static void tests(RolloutSummary s, JunitReport r, long nowMillis) {
        s.kind = RolloutSummary.TESTS;
        s.outcome = r.successful() ? "passed" : "failed";
        s.failed = !r.successful();
        s.durationMillis = Math.round(r.timeSeconds() * 1000);
        s.timeMillis = nowMillis - s.durationMillis;
        s.testsPassed = r.passed();
        s.testsFailed = r.failed() + r.errors();
        s.testsSkipped = r.skipped();
    }

    private static void markFailed(RolloutSummary deploy) {
        deploy.failed = true;
        deploy.verified = false;
    }

    /** The latest rollout summary (of {@code kind} and {@code app} when given). */
    private static RolloutSummary last(List<RolloutSummary> earlier, String kind, String app) {
        for (int i = earlier.size() - 1; i >= 0; i--) {
            RolloutSummary e = earlier.get(i);
            if (e.isRollout() && (kind == null || kind.equals(e.kind)) && (app == null || app.equals(e.app))) {
                return e;
            }
        }
        return null;
    }

    /** The image build that produced {@code image}: the latest build of that tag, else the latest build with a commit. */
    private static RolloutSummary buildOf(String image, List<RolloutSummary> earlier) {
        RolloutSummary withCommit = null;
        for (int i = earlier.size() - 1; i >= 0; i--) {
            RolloutSummary e = earlier.get(i);
            if (RolloutSummary.BUILD.equals(e.kind)) {
                if (e.image.equals(image)) {
                    return e;
                }
                if (withCommit == null && !e.commit.isEmpty()) {
                    withCommit = e;
                }
            }
        }
        return withCommit;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
