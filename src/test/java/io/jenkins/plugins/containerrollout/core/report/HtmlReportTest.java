package io.jenkins.plugins.containerrollout.core.report;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.containerrollout.core.record.RolloutRecord;
import io.jenkins.plugins.containerrollout.core.record.TimelineEvent;
import io.jenkins.plugins.containerrollout.core.verify.junit.JunitReport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class HtmlReportTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private static final DeliveryReport SAMPLE = SampleReport.create();
    private static final String PAGE = HtmlReport.render(SAMPLE);

    private static String section(String html, String startMarker, String endMarker) {
        int from = html.indexOf(startMarker);
        assertTrue("missing " + startMarker, from >= 0);
        return html.substring(from, html.indexOf(endMarker, from));
    }

    private static int count(String html, String needle) {
        int n = 0;
        for (int i = html.indexOf(needle); i >= 0; i = html.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }

    @Test
    public void showsOutcomeAppRevisionsImageDigestAndCommitInTheHeader() {
        String header = section(PAGE, "<header>", "</header>");
        assertTrue(header, header.contains("<span class=\"badge warn\">rolled back</span>"));
        assertTrue(header, header.contains("Revision 7 was rolled back to revision 6: its verification failed: "
                + "orders traffic \u2013 188/200 ok"));
        assertTrue(header, header.contains("yes (counts in the change failure rate)"));
        assertTrue(header, header.contains("<dd>shop-web</dd>"));
        assertTrue(header, header.contains("6 \u2192 7 (serving 6)"));
        assertTrue(header, header.contains("127.0.0.1:5000/shop-web:1.8.0"));
        assertTrue(header, header.contains("title=\"127.0.0.1:5000/shop-web@sha256:b83e5d0c2f7a419e6d8c1b3a5f7e9d2c4b6a8f0e1d3c5b7a9e2f4d6c8b0a1e3f5\">sha256:b83e5d0c2f7a</dd>"));
        assertTrue(header, header.contains("<span title=\"9c41e07d2b8f5a6e13d0c7b4a9e2f8d1c6b3a5e0\"><a href=\""
                + "https://git.example.com/shop/shop-web/commit/9c41e07d2b8f5a6e13d0c7b4a9e2f8d1c6b3a5e0\" target=\"_blank\" rel=\"noopener noreferrer\">"
                + "9c41e07d2b8f</a></span>"));
        assertTrue(header, header.contains(SampleReport.NOTE));
    }

    @Test
    public void showsTheDeployedRevisionsCommitWhenTheRunBuiltNothing() {
        RolloutRecord deployed = SAMPLE.entriesOf(ReportEntry.Rollout.class).get(0).record()
                .withTarget("0123456789abcdef0123", "http://jenkins.example/job/web/7/");
        String header = section(HtmlReport.render(DeliveryReport.of("deploy only", List.of(new ReportEntry.Rollout(deployed)))),
                "<header>", "</header>");
        assertTrue(header, header.contains("title=\"0123456789abcdef0123\">0123456789ab</dd>"));
    }

    @Test
    public void hasAnAccessiblePageTitleHeadingsAndChartTitles() {
        assertTrue(PAGE.contains("<html lang=\"en\">"));
        assertTrue(PAGE.contains("<title>shop-web #128 (sample) \u2013 rolled back</title>"));
        assertTrue(PAGE.contains("<h1>"));
        assertEquals(4, count(PAGE, "<h2 "));
        assertTrue(PAGE.contains("<svg class=\"chart timeline\" role=\"img\""));
        assertTrue(PAGE.contains("<title id=\"e1-tl-t\">Timeline of shop-web</title>"));
        assertTrue(PAGE.contains("<title id=\"e1-rs-t\">Run state S(t) of shop-web</title>"));
        assertTrue("the timeline's text alternative", PAGE.contains("timeline events as a table</summary>"));
    }

    @Test
    public void drawsOneLanePerReplicaOfEachRevision() {
        RolloutRecord r = SAMPLE.entriesOf(ReportEntry.Rollout.class).get(0).record();
        Set<String> replicas = new HashSet<>();
        for (TimelineEvent e : r.events()) {
            if (e.slot() >= 0) {
                replicas.add("rev " + e.revision() + " \u00b7 slot " + e.slot());
            }
        }
        String timeline = section(PAGE, "<svg class=\"chart timeline\"", "</svg>");
        Matcher labels = Pattern.compile("<text class=\"lane-label\"[^>]*>(rev \\d+ \u00b7 slot \\d+)").matcher(timeline);
        Set<String> lanes = new HashSet<>();
        int n = 0;
        while (labels.find()) {
            lanes.add(labels.group(1));
            n++;
        }
        assertEquals(replicas, lanes);
        assertEquals(8, n);
    }

    @Test
    public void marksFailuresOnTheirLane() {
        String timeline = section(PAGE, "<svg class=\"chart timeline\"", "</svg>");
        assertEquals(1, count(timeline, "<circle class=\"mark failed\""));
        assertTrue(timeline, timeline.contains("rev 7 \u00b7 slot 1 \u00b7 :18081: failed at +9.6 s \u2013 health gate"));
        assertFalse("no rollback in the deploy", timeline.contains("rollback-band"));
    }

    @Test
    public void highlightsTheRollback() {
        String rollback = section(PAGE, "<section class=\"entry rollout\" aria-labelledby=\"e3\"", "</section>");
        String timeline = section(rollback, "<svg class=\"chart timeline\"", "</svg>");
        assertTrue(timeline.contains("<rect class=\"rollback-band\""));
        assertTrue(timeline.contains("class=\"restored-line\""));
        assertTrue(rollback, rollback.contains("revision 6 (restored)"));
        assertTrue(rollback, rollback.contains("revision 7 (rolled back)"));
    }

    @Test
    public void marksTheMinimumOfTheRunState() {
        String chart = section(PAGE, "<svg class=\"chart runstate\"", "</svg>");
        assertEquals(1, count(chart, "<circle class=\"minimum\""));
        assertTrue(chart, chart.contains("minimum S = 75 % (3 of 4 ready) at +300 ms"));
        assertTrue(chart, chart.contains("<path class=\"step\" d=\"M"));
    }

    @Test
    public void listsEveryMetricWithItsMeaning() {
        String table = section(PAGE, "<table class=\"metrics\">", "</table>");
        for (String metric : List.of("availability floor", "E \u2013 scale rate", "R \u2013 rollback rate", "Duration",
                "Time to restore")) {
            assertTrue(metric, table.contains(metric));
        }
        assertTrue(table, table.contains(">75 %<"));
        assertTrue(table, table.contains(">25 %<"));
        assertTrue(table, table.contains("\u2013 (nothing to restore)"));
        assertEquals(6, count(table, "<tr>"));
        String rollback = section(PAGE, "<section class=\"entry rollout\" aria-labelledby=\"e3\"", "</section>");
        assertTrue("a rollback's time to restore is its duration", rollback.contains("<td class=\"num\">8.6 s</td>"));
    }

    @Test
    public void showsEachCheckWithItsMeasuredValuesAndFailedEvidenceOpen() {
        String v = section(PAGE, "<section class=\"entry verification\"", "</section>");
        String checks = section(v, "<table class=\"checks\">", "</table>");
        assertEquals(3, count(checks, "<tr><td><span class=\"tag "));
        assertTrue(checks, checks.contains("<span class=\"tag bad\">failed</span></td><td><strong>orders traffic"));
        assertTrue(checks, checks.contains("188/200 ok (94.0 %), p50 3.4 ms, p95 18.2 ms"));
        assertEquals("failed checks' evidence starts open", 2, count(v, "<details class=\"evidence\" open>"));
        assertTrue(v, v.contains("<dd>200 \u00d7 188, 500 \u00d7 12</dd>"));
        assertTrue(v, v.contains("<td>http://127.0.0.1:18084/health</td><td>passed</td>"));
    }

    @Test
    public void showsTestCountsAndFailingCasesCollapsible() {
        String tests = section(PAGE, "<section class=\"entry verification\"", "</section>");
        assertTrue(tests, tests.contains("214 tests: 209 passed (2 flaky), 3 failed, 1 errors, 1 skipped"));
        assertEquals(4, count(tests, "<details class=\"case\""));
        assertEquals("only the first failing case starts open", 1, count(tests, "<details class=\"case\" open>"));
        assertTrue(tests, tests.contains("CheckoutSmokeTest.placesOrderWithSavedCard"));
        assertTrue(tests, tests.contains("<pre class=\"excerpt\">"));
        assertTrue(tests, tests.contains("expected: &lt;Preis: 12,90 €&gt;"));
    }

    @Test
    public void containsNothingAContentSecurityPolicyWouldBlock() {
        assertFalse(PAGE.toLowerCase().contains("<script"));
        assertFalse(PAGE.toLowerCase().contains("javascript:"));
        assertFalse("no on* handler", Pattern.compile("\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE).matcher(PAGE).find());
        assertFalse("no external asset", Pattern.compile("\\ssrc=").matcher(PAGE).find());
        assertFalse("links are in-page or plain https anchors without a referrer",
                Pattern.compile("href=\"(?!#|https://[^\"@]+\" target=\"_blank\" rel=\"noopener noreferrer\")").matcher(PAGE).find());
        assertTrue(PAGE.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';"));
    }

    @Test
    public void writesTheSamePageAsUtf8() throws Exception {
        Path file = tmp.getRoot().toPath().resolve("sub/report.html");
        HtmlReport.write(SAMPLE, file);
        assertEquals(PAGE, Files.readString(file, StandardCharsets.UTF_8));
    }

    @Test
    public void headlinesTheTestResultWhenNothingWasRolledOut() {
        String page = HtmlReport.render(DeliveryReport.of("tests only", List.of(
                new ReportEntry.Tests("unit", LargeRun.failingTests(2)))));
        assertTrue(page.contains("<span class=\"badge bad\">tests failed</span>"));
        String empty = HtmlReport.render(DeliveryReport.of("nothing", List.of(
                new ReportEntry.Tests("none", JunitReport.EMPTY))));
        assertTrue(empty.contains("<span class=\"badge ok\">tests passed</span>"));
    }

    @Test
    public void saysSoWhenTheRunRecordedNothing() {
        assertTrue(HtmlReport.render(DeliveryReport.of("", List.of())).contains("recorded no build, rollout or test"));
    }

    @Test
    public void aRunOfSeveralDeploysIsHeadedByItsNewestChange() {
        RolloutRecord sampleDeploy = SAMPLE.entriesOf(ReportEntry.Rollout.class).get(0).record();
        RolloutRecord earlier = new RolloutRecord(sampleDeploy.app(), sampleDeploy.operation(), 4, 5, 5,
                "127.0.0.1:5000/shop-web:1.7.0", sampleDeploy.imageId(), sampleDeploy.digest(),
                sampleDeploy.desiredReplicas(), sampleDeploy.strategy(), sampleDeploy.settings(), sampleDeploy.events(),
                sampleDeploy.outcome(), sampleDeploy.message(), sampleDeploy.startedAtMillis(),
                sampleDeploy.finishedAtMillis(), sampleDeploy.metrics());
        List<ReportEntry> entries = new java.util.ArrayList<>(SAMPLE.entries());
        entries.add(0, new ReportEntry.Rollout(earlier));

        String header = section(HtmlReport.render(DeliveryReport.of("two deploys", entries)), "<header>", "</header>");

        assertTrue(header, header.contains(sampleDeploy.fromRevision() + " \u2192 " + sampleDeploy.toRevision()));
        assertTrue(header, header.contains(sampleDeploy.image()));
        assertFalse(header, header.contains("shop-web:1.7.0"));
    }
}
