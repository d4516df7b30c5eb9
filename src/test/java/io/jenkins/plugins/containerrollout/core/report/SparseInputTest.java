package io.jenkins.plugins.containerrollout.core.report;

import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.containerrollout.core.image.BuildResult;
import io.jenkins.plugins.containerrollout.core.record.MetricsCalculator;
import io.jenkins.plugins.containerrollout.core.record.Operation;
import io.jenkins.plugins.containerrollout.core.record.Outcome;
import io.jenkins.plugins.containerrollout.core.record.RolloutRecord;
import io.jenkins.plugins.containerrollout.core.verify.CheckResult;
import io.jenkins.plugins.containerrollout.core.verify.CheckStatus;
import io.jenkins.plugins.containerrollout.core.verify.TestCounts;
import io.jenkins.plugins.containerrollout.core.verify.VerificationResult;
import io.jenkins.plugins.containerrollout.core.verify.junit.CaseOutcome;
import io.jenkins.plugins.containerrollout.core.verify.junit.FailedCase;
import io.jenkins.plugins.containerrollout.core.verify.junit.JunitReport;
import java.util.List;
import java.util.Map;
import org.junit.Test;

/** Records read back from old or partial JSON may lack fields; the report still renders and says what is missing. */
public class SparseInputTest {
    @Test
    public void rendersARolloutThatFailedBeforeAnyEventWithNullFields() {
        RolloutRecord r = new RolloutRecord("app", Operation.DEPLOY, 0, 1, 0, null, null, null, 2, null, Map.of(),
                List.of(), Outcome.FAILED, null, 5_000, 5_000,
                MetricsCalculator.compute(List.of(), 2, 1, Operation.DEPLOY, 5_000, 5_000));
        String page = HtmlReport.render(DeliveryReport.of("first deploy", List.of(new ReportEntry.Rollout(r))));
        assertTrue(page.contains("<span class=\"badge bad\">failed</span>"));
        assertTrue(page.contains("<svg class=\"chart timeline\""));
        assertTrue("a first deploy has no minimum to alarm about", page.contains("first deploy: nothing served before"));
    }

    @Test
    public void rendersARolloutWithoutMetrics() {
        RolloutRecord r = new RolloutRecord("app", Operation.DEPLOY, 0, 1, 1, "img", "id", null, 1, "recreate",
                Map.of(), List.of(), Outcome.SUCCEEDED, "ok", 5_000, 6_000, null);
        String page = HtmlReport.render(DeliveryReport.of("old record", List.of(new ReportEntry.Rollout(r))));
        assertTrue(page.contains("No metrics were recorded"));
    }

    @Test
    public void rendersNullTextInBuildsChecksAndCases() {
        BuildResult b = new BuildResult(null, List.of(), Map.of(), Map.of(), 0, 0);
        FailedCase f = new FailedCase(null, null, null, 0, CaseOutcome.ERROR, null, null, null);
        JunitReport tests = new JunitReport(List.of(), 1, 1, 0, 0, 1, 0, 0, 0, List.of(f), 0);
        VerificationResult v = new VerificationResult(null, false, null, 0, 1, 0, TestCounts.NONE,
                List.of(new CheckResult(null, null, CheckStatus.FAILED, null, null, 0, 0),
                        new CheckResult(null, null, null, null, null, 0, 0)), 0, 0);
        String page = HtmlReport.render(DeliveryReport.of(null, List.of(new ReportEntry.Build(null, b),
                new ReportEntry.Verification(v), new ReportEntry.Tests(null, tests))));
        assertTrue(page.contains("<title>Delivery report</title>"));
        assertTrue(page.contains("<details class=\"case\" open>"));
    }
}
