package io.jenkins.plugins.containerrollout.core.report;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.containerrollout.core.image.BuildResult;
import io.jenkins.plugins.containerrollout.core.record.MetricsCalculator;
import io.jenkins.plugins.containerrollout.core.record.Operation;
import io.jenkins.plugins.containerrollout.core.record.Outcome;
import io.jenkins.plugins.containerrollout.core.record.RolloutRecord;
import io.jenkins.plugins.containerrollout.core.record.TimelineEvent;
import io.jenkins.plugins.containerrollout.core.record.TimelineEvent.Type;
import io.jenkins.plugins.containerrollout.core.verify.CheckResult;
import io.jenkins.plugins.containerrollout.core.verify.CheckStatus;
import io.jenkins.plugins.containerrollout.core.verify.ExecEvidence;
import io.jenkins.plugins.containerrollout.core.verify.HealthEvidence;
import io.jenkins.plugins.containerrollout.core.verify.MetricsEvidence;
import io.jenkins.plugins.containerrollout.core.verify.HttpEvidence;
import io.jenkins.plugins.containerrollout.core.verify.LatencyStats;
import io.jenkins.plugins.containerrollout.core.verify.OnFailure;
import io.jenkins.plugins.containerrollout.core.verify.SmokeTestEvidence;
import io.jenkins.plugins.containerrollout.core.verify.TestCounts;
import io.jenkins.plugins.containerrollout.core.verify.TrafficReport;
import io.jenkins.plugins.containerrollout.core.verify.VerificationResult;
import io.jenkins.plugins.containerrollout.core.verify.junit.CaseOutcome;
import io.jenkins.plugins.containerrollout.core.verify.junit.FailedCase;
import io.jenkins.plugins.containerrollout.core.verify.junit.JunitReport;
import java.util.List;
import java.util.Map;
import org.junit.Test;

/** Every user-controlled string of a run, set to markup, quotes and non-ASCII, comes out as text. */
public class EscapingTest {
    private static final String EVIL = "<script>alert(1)</script>\"'&Zürich – 東京";
    private static final String ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&amp;Zürich – 東京";

    private static String page() {
        long t = 1_000_000L;
        List<TimelineEvent> events = List.of(
                TimelineEvent.app(t, Type.PHASE, 2, EVIL),
                new TimelineEvent(t, Type.SERVING, 1, 0, 18080, EVIL),
                new TimelineEvent(t + 100, Type.CREATED, 2, 1, 18081, EVIL),
                new TimelineEvent(t + 200, Type.STARTED, 2, 1, 18081, EVIL),
                new TimelineEvent(t + 300, Type.PROBE, 2, 1, 18081, EVIL),
                new TimelineEvent(t + 400, Type.FAILED, 2, 1, 18081, EVIL),
                TimelineEvent.app(t + 450, Type.TRAFFIC, 2, EVIL),
                TimelineEvent.app(t + 500, Type.ROLLBACK_STARTED, 1, EVIL),
                new TimelineEvent(t + 600, Type.STOPPED, 1, 0, 18080, EVIL),
                new TimelineEvent(t + 700, Type.READY, 1, 0, 18080, EVIL),
                TimelineEvent.app(t + 800, Type.RESTORED, 1, EVIL));
        RolloutRecord record = new RolloutRecord(EVIL, Operation.DEPLOY, 1, 2, 1, EVIL, EVIL, EVIL, 1, EVIL,
                Map.of(EVIL, EVIL), events, Outcome.ROLLED_BACK, EVIL, t, t + 900,
                MetricsCalculator.compute(events, 1, 2, Operation.DEPLOY, t, t + 900))
                .withDiagnoses(List.of(new io.jenkins.plugins.containerrollout.core.record.ReplicaDiagnosis(EVIL, 2, 1,
                        t + 400, EVIL, 3L, true, EVIL, List.of(EVIL), List.of(EVIL, EVIL), true)));
        BuildResult build = new BuildResult(EVIL, List.of(EVIL), Map.of(EVIL, EVIL),
                Map.of(EVIL, EVIL, "org.opencontainers.image.revision", EVIL), 1, 1);
        JunitReport tests = new JunitReport(List.of(EVIL), 1, 2, 0, 1, 1, 0, 0, 1.0, List.of(
                new FailedCase(EVIL, EVIL, EVIL, 1.0, CaseOutcome.FAILED, EVIL, EVIL, EVIL),
                new FailedCase(EVIL, "", EVIL, 1.0, CaseOutcome.ERROR, EVIL, EVIL, EVIL)), 0);
        LatencyStats latency = new LatencyStats(1, 1, 1, 1);
        List<CheckResult> checks = List.of(
                new CheckResult(EVIL, EVIL, CheckStatus.FAILED, EVIL, new HttpEvidence(List.of(
                        new HttpEvidence.Target(EVIL, false, 1, List.of(500), EVIL, EVIL, latency))), t, 1),
                new CheckResult(EVIL, EVIL, CheckStatus.FAILED, EVIL, new TrafficReport(1, 0, 0, Map.of(EVIL, 1),
                        latency, 1, 1), t, 1),
                new CheckResult(EVIL, EVIL, CheckStatus.FAILED, EVIL, new HealthEvidence(List.of(
                        new HealthEvidence.Container(EVIL, EVIL, EVIL, EVIL, 1, 0, false)), 1), t, 1),
                new CheckResult(EVIL, EVIL, CheckStatus.FAILED, EVIL, new ExecEvidence(List.of(
                        new ExecEvidence.Run(EVIL, 1, false, EVIL, 1))), t, 1),
                new CheckResult(EVIL, EVIL, CheckStatus.FAILED, EVIL, new SmokeTestEvidence(EVIL, EVIL, EVIL, 1, false,
                        EVIL, List.of(EVIL), tests, EVIL), t, 1),
                new CheckResult(EVIL, EVIL, CheckStatus.FAILED, EVIL, new MetricsEvidence(EVIL, EVIL, 1.0, EVIL, 0, EVIL,
                        EVIL), t, 1),
                new CheckResult(EVIL, EVIL, CheckStatus.SKIPPED, EVIL, null, t, 0));
        VerificationResult verification = new VerificationResult(EVIL, false, OnFailure.ROLLBACK, 0, 6, 1,
                TestCounts.of(tests), checks, t, 1);
        DeliveryReport report = new DeliveryReport(EVIL, t, EVIL, List.of(new ReportEntry.Build(EVIL, build),
                new ReportEntry.Rollout(record), new ReportEntry.Verification(verification),
                new ReportEntry.Tests(EVIL, tests)));
        return HtmlReport.render(report);
    }

    @Test
    public void containsNoScriptElementAtAll() {
        assertFalse(page().toLowerCase().contains("<script"));
    }

    @Test
    public void showsEveryFieldOnlyEscaped() {
        String page = page();
        int occurrences = 0;
        for (int i = page.indexOf("alert(1)"); i >= 0; i = page.indexOf("alert(1)", i + 1)) {
            occurrences++;
            assertTrue("raw markup at " + i + ": " + page.substring(Math.max(0, i - 40), i + 40),
                    page.startsWith("&lt;script&gt;", i - "&lt;script&gt;".length()));
        }
        assertTrue("the payload appears once per field, " + occurrences + " times", occurrences >= 60);
        assertTrue("in text", page.contains(">" + ESCAPED + "<"));
        assertTrue("in attributes", page.contains("title=\"" + ESCAPED + "\""));
        assertFalse(page.contains("\"'&"));
        assertFalse(page.contains("</script"));
    }

    @Test
    public void keepsNonAsciiReadable() {
        assertTrue(page().contains("Zürich – 東京"));
    }
}
