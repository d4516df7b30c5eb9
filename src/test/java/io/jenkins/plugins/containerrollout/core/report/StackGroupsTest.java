package io.jenkins.plugins.containerrollout.core.report;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.containerrollout.core.record.Operation;
import io.jenkins.plugins.containerrollout.core.record.Outcome;
import io.jenkins.plugins.containerrollout.core.record.RolloutRecord;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.Test;

/** The app rollouts of one stack command are shown under one stack heading, one lane group per service. */
public class StackGroupsTest {
    private static final StackTag FAILED_DEPLOY = new StackTag("shop", "deploy", 2, 2, Outcome.ROLLED_BACK, 3);

    private static RolloutRecord record(String app, Operation op, Outcome outcome) {
        RolloutRecord base = LargeRun.rollout(1);
        return new RolloutRecord(app, op, 1, 2, outcome == Outcome.SUCCEEDED ? 2 : 1, "registry/" + app + ":2",
                "sha256:1", "sha256:2", 1, "rolling", Map.of(), base.events(), outcome, "m", base.startedAtMillis(),
                base.finishedAtMillis(), base.metrics(), null, null);
    }

    /** A failed stack deploy: api deployed, web failed, api rolled back; then a single-app rollout. */
    private static List<ReportEntry> run() {
        return List.of(new ReportEntry.Rollout(record("shop-api", Operation.DEPLOY, Outcome.SUCCEEDED), FAILED_DEPLOY),
                new ReportEntry.Rollout(record("shop-web", Operation.DEPLOY, Outcome.ROLLED_BACK), FAILED_DEPLOY),
                new ReportEntry.Rollout(record("shop-api", Operation.ROLLBACK, Outcome.SUCCEEDED), FAILED_DEPLOY),
                new ReportEntry.Rollout(record("solo", Operation.DEPLOY, Outcome.SUCCEEDED)));
    }

    @Test
    public void oneStackHeadingWithOneLaneGroupPerServiceInTheOrderTheyRan() {
        String html = HtmlReport.render(DeliveryReport.of("run", run()));

        assertEquals(html, 1, count(html, "<section class=\"stack\""));
        assertTrue(html, html.contains(">Stack deploy of shop: stack revision 2 (unchanged)</h2>"
                + "<span class=\"badge warn\">rolled back</span>"));
        int api = html.indexOf("<h3>Service api</h3>");
        int web = html.indexOf("<h3>Service web</h3>");
        assertTrue("api ran first, so its lane comes first", api > 0 && web > api);
        assertEquals("api's deploy and its rollback share one lane", 2, count(html.substring(api, web),
                "<section class=\"entry rollout\""));
        int stackEnd = html.indexOf("</section></div></section>", web);
        assertTrue("the stack section closes after web's lane", stackEnd > web);
        String stack = html.substring(html.indexOf("<section class=\"stack\""), stackEnd);
        assertFalse("the single-app rollout stays outside the stack", stack.contains("solo"));
        assertTrue(html.indexOf("<h2 id=\"e3\">Rollout of solo") > stackEnd);
        assertTrue("entries keep their ids, the header links to them", html.contains("id=\"e2\""));
    }

    @Test
    public void revisionsFromAndToAreShownAndTwoEqualCommandsMakeTwoGroups() {
        StackTag tag = new StackTag("shop", "deploy", 0, 1, Outcome.SUCCEEDED, 1);
        List<ReportEntry> entries = List.of(new ReportEntry.Rollout(record("shop-api", Operation.DEPLOY,
                Outcome.SUCCEEDED), tag), new ReportEntry.Rollout(record("shop-api", Operation.DEPLOY,
                Outcome.SUCCEEDED), tag));

        String html = HtmlReport.render(DeliveryReport.of("run", entries));

        assertEquals(html, 2, count(html, "<section class=\"stack\""));
        assertTrue(html, html.contains(">Stack deploy of shop: stack revision none \u2192 1</h2>"));
    }

    @Test
    public void projectAndServiceNamesAreEscaped() {
        StackTag tag = new StackTag("<b>p", "deploy", 1, 2, Outcome.SUCCEEDED, 1);
        String html = HtmlReport.render(DeliveryReport.of("run", List.of(new ReportEntry.Rollout(
                record("<b>p-<i>s\"", Operation.DEPLOY, Outcome.SUCCEEDED), tag))));

        assertFalse(html, html.contains("<b>p") || html.contains("<i>s"));
        assertTrue(html, html.contains("Stack deploy of &lt;b&gt;p: stack revision 1 \u2192 2"));
        assertTrue(html, html.contains("<h3>Service &lt;i&gt;s"));
    }

    @Test
    public void theTagSurvivesTheRunFileAndOldEntriesStillRenderUngrouped() throws Exception {
        List<ReportEntry> back = ReportEntryJson.read(ReportEntryJson.write(run()));
        assertEquals(FAILED_DEPLOY, ((ReportEntry.Rollout) back.get(0)).stack());
        String solo = ReportEntryJson.line(back.get(3));
        assertFalse("a single-app rollout is written as before: " + solo, solo.contains("\"stack\""));

        // a run file written before stacks were tagged: the same entries with no "stack" property
        String old = new String(ReportEntryJson.write(run()), StandardCharsets.UTF_8)
                .replaceAll(",\"stack\":\\{[^}]*\\}", "");
        assertFalse(old, old.contains("\"stack\""));
        List<ReportEntry> oldEntries = ReportEntryJson.read(old.getBytes(StandardCharsets.UTF_8));
        String html = HtmlReport.render(DeliveryReport.of("old run", oldEntries));
        assertEquals(0, count(html, "<section class=\"stack\""));
        assertEquals(4, count(html, "<section class=\"entry rollout\""));
    }

    private static int count(String html, String needle) {
        int n = 0;
        for (int i = html.indexOf(needle); i >= 0; i = html.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}
