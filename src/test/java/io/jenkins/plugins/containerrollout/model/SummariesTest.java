package io.jenkins.plugins.containerrollout.model;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.containerrollout.core.analysis.AnalysisSource;
import io.jenkins.plugins.containerrollout.core.analysis.AnalysisVerdict;
import io.jenkins.plugins.containerrollout.core.analysis.WindowResult;
import io.jenkins.plugins.containerrollout.core.image.BuildResult;
import io.jenkins.plugins.containerrollout.core.image.GitMetadata;
import io.jenkins.plugins.containerrollout.core.metrics.BuildFacts;
import io.jenkins.plugins.containerrollout.core.metrics.JobHistory;
import io.jenkins.plugins.containerrollout.core.record.Operation;
import io.jenkins.plugins.containerrollout.core.record.Outcome;
import io.jenkins.plugins.containerrollout.core.record.ReplicaDiagnosis;
import io.jenkins.plugins.containerrollout.core.record.RolloutRecord;
import io.jenkins.plugins.containerrollout.core.report.ReportEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.Test;

/** How entries become summaries, and how later entries of a build correct the earlier ones. */
public class SummariesTest {
    private static final String IMAGE = "127.0.0.1:5000/web:2";

    private static List<RolloutSummary> summarize(ReportEntry... entries) {
        List<RolloutSummary> out = new ArrayList<>();
        for (ReportEntry e : entries) {
            out.add(Summaries.append(out, e, out.size(), 100_000));
        }
        return out;
    }

    private static ReportEntry.Build build(String tag, long commitMillis) {
        return new ReportEntry.Build(tag, new BuildResult("sha256:i", List.of(tag), Map.of(tag, "sha256:d"), Map.of(), 1, 500,
                new GitMetadata("abc", null, Instant.ofEpochMilli(commitMillis))));
    }

    @Test
    public void aSucceededDeployIsVerifiedUntilSomethingSaysOtherwise() {
        RolloutSummary deploy = summarize(Entries.rollout("web", Operation.DEPLOY, Outcome.SUCCEEDED, IMAGE, 1_000, 4_000)).get(0);

        assertEquals("deploy", deploy.getKind());
        assertEquals("succeeded", deploy.getOutcome());
        assertEquals(4_000, deploy.getDurationMillis());
        assertTrue(deploy.isVerified());
        assertFalse(deploy.isFailed());
    }

    @Test
    public void aFailedVerificationMarksTheDeployItVerifiedAsAFailedChange() {
        List<RolloutSummary> s = summarize(Entries.rollout("web", Operation.DEPLOY, Outcome.SUCCEEDED, IMAGE, 1_000, 4_000),
                Entries.verification("web checks", false, 7, 2));

        assertTrue(s.get(0).isFailed());
        assertFalse(s.get(0).isVerified());
        assertEquals("web", s.get(1).getApp());
        assertEquals("verification failed", s.get(1).getBadgeText());
        assertEquals(7, s.get(1).getTestsPassed());
        assertEquals(2, s.get(1).getTestsFailed());
    }

    @Test
    public void aPassedVerificationLeavesTheDeployVerified() {
        List<RolloutSummary> s = summarize(Entries.rollout("web", Operation.DEPLOY, Outcome.SUCCEEDED, IMAGE, 1_000, 4_000),
                Entries.verification("web checks", true, 9, 0));

        assertTrue(s.get(0).isVerified());
        assertEquals("verified", s.get(1).getBadgeText());
    }

    @Test
    public void aRollbackMarksTheSameAppsEarlierDeployFailedButNotOtherApps() {
        List<RolloutSummary> s = summarize(
                Entries.rollout("web", Operation.DEPLOY, Outcome.SUCCEEDED, IMAGE, 1_000, 4_000),
                Entries.rollout("api", Operation.DEPLOY, Outcome.SUCCEEDED, IMAGE, 6_000, 4_000),
                Entries.rollout("web", Operation.ROLLBACK, Outcome.SUCCEEDED, IMAGE, 11_000, 2_000));

        assertTrue(s.get(0).isFailed());
        assertFalse(s.get(1).isFailed());
        assertEquals("rollback", s.get(2).getKind());
        assertFalse("the rollback itself worked", s.get(2).isFailed());
    }

    @Test
    public void anAutomaticRollbackIsAFailedChange() {
        RolloutSummary s = summarize(Entries.rollout("web", Operation.DEPLOY, Outcome.ROLLED_BACK, IMAGE, 1_000, 4_000)).get(0);

        assertEquals("rolled back", s.getOutcome());
        assertTrue(s.isFailed());
        assertFalse(s.isVerified());
    }

    /** Outcome.PAUSED: the rollout waits for promote or abort, which end it; not a failed change meanwhile. */
    @Test
    public void aPausedDeployIsNotAFailedChange() {
        List<RolloutSummary> s = summarize(Entries.rollout("web", Operation.DEPLOY, Outcome.PAUSED, IMAGE, 1_000, 4_000));

        assertEquals("paused", s.get(0).getBadgeText());
        assertFalse(s.get(0).isFailed());
        assertFalse(s.get(0).isVerified());
        JobHistory history = JobHistory.of(List.of(new BuildFacts(7, 0,
                s.stream().map(RolloutSummary::toFact).toList())), 100_000);
        assertEquals("no deploy for DORA until it is promoted", List.of(), history.dora());
        assertEquals(0, history.trends().get(0).failed());
    }

    /** Outcome.ABORTED: nobody saw what reached traffic, so the deploy counts neither way, in the build or in DORA. */
    @Test
    public void anAbortedDeployIsNeitherVerifiedNorAFailedChangeNorADeployForDora() {
        List<RolloutSummary> s = summarize(Entries.rollout("web", Operation.DEPLOY, Outcome.SUCCEEDED, IMAGE, 1_000, 4_000),
                Entries.rollout("web", Operation.DEPLOY, Outcome.ABORTED, IMAGE, 9_000, 2_000));

        assertEquals("aborted", s.get(1).getBadgeText());
        assertFalse(s.get(1).isFailed());
        assertFalse(s.get(1).isVerified());
        JobHistory history = JobHistory.of(List.of(new BuildFacts(7, 0,
                s.stream().map(RolloutSummary::toFact).toList())), 100_000);
        assertEquals("only the succeeded deploy", 1, history.dora().get(0).deploys());
        assertEquals(0.0, history.dora().get(0).changeFailureRate(), 0.0);
        assertEquals(1, history.trends().get(0).succeeded());
        assertEquals(0, history.trends().get(0).failed());
        assertEquals("its time counts", 6_000, history.trends().get(0).durationMillis());
    }

    @Test
    public void aDeployTakesTheCommitTimeOfTheBuildOfItsImage() {
        List<RolloutSummary> s = summarize(build(IMAGE, 50_000), build("127.0.0.1:5000/other:1", 60_000),
                Entries.rollout("web", Operation.DEPLOY, Outcome.SUCCEEDED, IMAGE, 1_000, 4_000));

        assertEquals(50_000, s.get(2).getCommitTimeMillis());
        assertEquals("abc", s.get(2).getCommit());
    }

    @Test
    public void aDeployWithoutAnyBuildHasNoCommitTime() {
        RolloutSummary s = summarize(Entries.rollout("web", Operation.DEPLOY, Outcome.SUCCEEDED, IMAGE, 1_000, 4_000)).get(0);

        assertEquals(0, s.getCommitTimeMillis());
        assertEquals("", s.getCommit());
    }

    @Test
    public void testResultsCountFailuresAndErrorsAsFailed() {
        RolloutSummary s = summarize(Entries.tests("unit")).get(0);

        assertEquals("tests", s.getKind());
        assertEquals("failed", s.getOutcome());
        assertEquals(8, s.getTestsPassed());
        assertEquals(1, s.getTestsFailed());
        assertEquals(1, s.getTestsSkipped());
        assertEquals("8 passed, 1 failed, 1 skipped", s.getTestsText());
    }

    @Test
    public void aRolloutKeepsItsRunStateScaleAndRollbackMetrics() {
        RolloutSummary rollback = summarize(Entries.sampleRun().toArray(ReportEntry[]::new)).get(3);

        assertEquals("rollback", rollback.getKind());
        assertTrue(rollback.getAvailabilityFloor() > 0 && rollback.getAvailabilityFloor() <= 1);
        assertTrue(rollback.getScaleRate() > 0);
        assertTrue(rollback.getTimeToRestoreMillis() > 0);
    }

    @Test
    public void aRollbackDoesNotTakeTheCommitOfThisBuildsImage() {
        List<RolloutSummary> s = summarize(build(IMAGE, 50_000),
                Entries.rollout("web", Operation.ROLLBACK, Outcome.SUCCEEDED, "127.0.0.1:5000/web:1", 1_000, 4_000));

        assertEquals(0, s.get(1).getCommitTimeMillis());
    }

    /** The REST API tells why a rollout failed and how its canary was judged, without the full entry (#13, #14). */
    @Test
    public void aFailedRolloutsSummaryCarriesItsCauseAndAnalysisCounts() {
        var failedWindow = new WindowResult(
                AnalysisSource.ROUTER, 0, 2000, 40, 40, 360, 0, 1, 1,
                null, null, AnalysisVerdict.FAIL, "successRatio >= 0.95",
                "canary success ratio 0.000");
        RolloutRecord r = new RolloutRecord(
                "web", Operation.DEPLOY, 1, 2, 1, IMAGE, "sha256:2", null,
                2, "canary", Map.of(), List.of(), Outcome.ROLLED_BACK,
                "failed", 1000, 5000, null).withAnalysis(List.of(failedWindow))
                .withDiagnoses(List.of(new ReplicaDiagnosis("web.r2.s1", 2,
                        1, 1200, "exited with code 3", 3L, false, null, List.of(), List.of("boom"), false)));
        RolloutSummary s = summarize(new ReportEntry.Rollout(r)).get(0);
        assertEquals(1, s.getFailedReplicas());
        assertEquals("web.r2.s1: exited with code 3", s.getFailureCause());
        assertEquals(List.of(1, 1), List.of(s.getAnalysisWindows(), s.getFailedAnalysisWindows()));
    }
}
