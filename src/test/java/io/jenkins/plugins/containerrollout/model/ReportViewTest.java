package io.jenkins.plugins.containerrollout.model;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.containerrollout.core.record.Operation;
import io.jenkins.plugins.containerrollout.core.record.Outcome;
import io.jenkins.plugins.containerrollout.core.record.RolloutMetrics;
import io.jenkins.plugins.containerrollout.core.record.RolloutRecord;
import io.jenkins.plugins.containerrollout.core.report.ReportEntry;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * What the build's views get from the action. Jelly cannot run here, so the tests hold the views' contract: every
 * value they print is plain text from a getter (Jelly escapes it), and the one HTML document, the report, comes from
 * our renderer with every user-controlled string escaped.
 */
public class ReportViewTest {
    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private RolloutAction action(List<ReportEntry> entries) throws Exception {
        RolloutAction action = new RolloutAction();
        action.attach(null, folder.newFolder());
        for (ReportEntry e : entries) {
            action.add(e);
        }
        return action;
    }

    @Test
    public void theReportEscapesAppTestAndFailureNames() throws Exception {
        String html = action(List.of(
                Entries.rollout(Entries.HOSTILE, Operation.DEPLOY, Outcome.FAILED, "img:" + Entries.HOSTILE, 1_000, 2_000),
                Entries.tests(Entries.HOSTILE))).getReportHtml();

        assertFalse(html.contains("<script>"));
        assertFalse(html.contains("alert('x')"));
        assertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot; Grüße ✓"));
    }

    @Test
    public void theReportIsTheSameDocumentTheCliWrites() throws Exception {
        String html = action(Entries.sampleRun()).getReportHtml();

        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertTrue(html.contains("Content-Security-Policy"));
        assertFalse(html.contains("<script"));
    }

    @Test
    public void theReportUrlServesTheDocumentInASandbox() throws Exception {
        RolloutAction action = action(Entries.sampleRun());
        CapturedResponse rsp = new CapturedResponse();

        action.doReport(rsp.proxy());

        assertEquals("text/html;charset=UTF-8", rsp.contentType);
        String policy = "sandbox allow-popups allow-popups-to-escape-sandbox; default-src 'none'; style-src "
                + "'unsafe-inline'; img-src data:";
        assertEquals(Map.of("Content-Security-Policy", policy, "X-WebKit-CSP", policy, "X-Content-Security-Policy", policy,
                "X-Content-Type-Options", "nosniff"), rsp.headers);
        String stamp = "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC"; // the report says when it was rendered
        assertEquals(action.getReportHtml().replaceAll(stamp, "T"), rsp.body().replaceAll(stamp, "T"));
        assertEquals(rsp.body().getBytes(StandardCharsets.UTF_8).length, rsp.contentLength);
    }

    @Test
    public void anAbortedRolloutShowsAsAbortedNotAsAFailedChange() throws Exception {
        RolloutAction action = action(List.of(Entries.rollout("web", Operation.DEPLOY, Outcome.ABORTED, "i", 0, 1)));
        RolloutAction unknown = action(List.of(new ReportEntry.Rollout(new RolloutRecord("web", Operation.DEPLOY, 0, 0,
                0, "i", null, null, 2, "rolling", Map.of(), List.of(), Outcome.ABORTED, "aborted", 0, 1,
                new RolloutMetrics(List.of(), 0, 0, 0, 1, -1)))));

        String html = action.getReportHtml();
        assertTrue(html.contains("<span class=\"badge neutral\">aborted</span>"));
        String withoutRevisions = unknown.getReportHtml();
        assertTrue(withoutRevisions.contains("revision not known (aborted before the agent reported)"));
        assertTrue(withoutRevisions.contains("its timeline and metrics stayed there"));
        assertFalse(withoutRevisions.contains("availability floor"));
        assertEquals("revision not known", unknown.getRollouts().get(0).getRevisionText());
        assertFalse(action.isChangeFailed());
        assertEquals("#57606a", action.getRollouts().get(0).getBadgeColor());
    }

    @Test
    public void theBuildPageListsOnlyDeploysAndRollbacks() throws Exception {
        RolloutAction action = action(Entries.sampleRun());

        assertEquals(List.of("deploy", "rollback"), action.getRollouts().stream().map(RolloutSummary::getKind).toList());
        assertEquals(2, action.getRolloutCount());
        assertTrue(action.isChangeFailed());
    }

    @Test
    public void badgesCarryTheOutcomeAsAWord() throws Exception {
        RolloutAction action = action(List.of(
                Entries.rollout("a", Operation.DEPLOY, Outcome.SUCCEEDED, "i", 0, 1),
                Entries.rollout("b", Operation.DEPLOY, Outcome.ROLLED_BACK, "i", 0, 1),
                Entries.rollout("c", Operation.DEPLOY, Outcome.FAILED, "i", 0, 1)));

        assertEquals(List.of("succeeded", "rolled back", "failed"),
                action.getRollouts().stream().map(RolloutSummary::getBadgeText).toList());
        assertEquals(List.of("#1a7f37", "#9a6700", "#cf222e"),
                action.getRollouts().stream().map(RolloutSummary::getBadgeColor).toList());
    }

    @Test
    public void testTotalsAddUpOverVerificationsAndTestResults() throws Exception {
        RolloutAction action = action(List.of(Entries.verification("v", true, 5, 1), Entries.tests("unit")));

        assertEquals(13, action.getTestsPassed());
        assertEquals(2, action.getTestsFailed());
    }

    @Test
    public void anUnattachedActionRefusesEntries() {
        try {
            new RolloutAction().add(Entries.tests("unit"));
        } catch (IllegalStateException expected) {
            assertTrue(expected.getMessage().contains("not attached"));
            return;
        } catch (Exception other) {
            throw new AssertionError(other);
        }
        throw new AssertionError("expected IllegalStateException");
    }
}
