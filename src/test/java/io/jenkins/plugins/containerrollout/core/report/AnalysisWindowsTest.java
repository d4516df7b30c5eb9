package io.jenkins.plugins.containerrollout.core.report;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.containerrollout.core.analysis.AnalysisSource;
import io.jenkins.plugins.containerrollout.core.analysis.AnalysisVerdict;
import io.jenkins.plugins.containerrollout.core.analysis.WindowResult;
import io.jenkins.plugins.containerrollout.core.record.RolloutRecord;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.Test;

/**
 * A canary's analysis windows in the report (issue #13): one row per {@link WindowResult} of the record with its step,
 * timing, source, the canary's and stable's traffic, latency, query, verdict, thresholds and reason; failed windows
 * marked, everything escaped; the canary steps table takes its verdicts from the windows, and a record written before
 * windows were kept renders from the timeline's text as before.
 */
public class AnalysisWindowsTest {
    /** The failed canary of the demo-like sample: a router window at 5 % that passed, one at 10 % that failed. */
    private static final RolloutRecord CANARY = ((ReportEntry.Rollout) SampleCanaryReport.create().entries().get(7))
            .record();

    private static String render(RolloutRecord r) {
        StringBuilder out = new StringBuilder();
        RolloutSection.render(out, r, "e0");
        return out.toString();
    }

    private static String table(String html) {
        int a = html.indexOf("<table class=\"plain analysis\">");
        assertTrue("no analysis table in " + html, a >= 0);
        return html.substring(a, html.indexOf("</table>", a));
    }

    /** The windows of the table, each its {@code <tbody ...>...</tbody>}: a row of numbers and a row with the reason. */
    private static List<String> rows(String table) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("<tbody[^>]*>.*?</tbody>").matcher(table);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    /** The cells of a row, as HTML. */
    private static List<String> cells(String row) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("<td[^>]*>(.*?)</td>").matcher(row);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    private static WindowResult window(AnalysisSource source, long from, String query, Double value,
            AnalysisVerdict verdict, String thresholds, String reason) {
        return new WindowResult(source, from, from + 2_000, 0, 0, 0, 0, -1, -1, query, value, verdict, thresholds, reason);
    }

    @Test
    public void eachWindowOfTheSampleCanaryIsARowWithEveryColumn() {
        String table = table(render(CANARY));
        assertTrue(table, table.contains("<th scope=\"col\">Step</th><th scope=\"col\">Window</th><th scope=\"col\">"
                + "Source</th><th scope=\"col\">Canary</th><th scope=\"col\">Stable</th><th scope=\"col\">Avg latency"
                + " canary / stable</th><th scope=\"col\">Query = value</th><th scope=\"col\">Verdict</th><th scope="
                + "\"col\">Thresholds</th></tr></thead><tbody>"));
        List<String> rows = rows(table);
        assertEquals(table, 2, rows.size());
        assertEquals(List.of("1 of 3 \u00b7 5 %", "+730 ms for 2.0 s", "router", "20 requests, 0 failed<br>100.0 % ok",
                "380 requests, 0 failed<br>100.0 % ok", "3.4 ms / 3.1 ms", "\u2013", "<span class=\"tag ok\">passed</span>",
                "successRatio &gt;= 0.950, &lt;= 5 points below stable, minRequests 20",
                "canary success ratio 1.000 over 20 requests, average response time 3.40 ms (stable 1.000 over 380"
                        + " requests, 3.10 ms)"), cells(rows.get(0)));
        List<String> failed = cells(rows.get(1));
        assertEquals(List.of("2 of 3 \u00b7 10 %", "+2.8 s for 2.0 s", "router", "40 requests, 40 failed<br>0.0 % ok",
                "360 requests, 0 failed<br>100.0 % ok", "1.2 ms / 3.2 ms", "\u2013",
                "<span class=\"tag bad\">failed</span>"), failed.subList(0, 8));
        assertTrue(failed.get(9), failed.get(9).startsWith("canary success ratio 0.000 (40 failures in 40 requests"));
        assertTrue("the reason spans the table", rows.get(1).contains("</td></tr><tr><td class=\"reason\" colspan=\"9\">"
                + "canary success ratio 0.000"));
    }

    @Test
    public void onlyAFailedWindowIsMarked() {
        List<String> rows = rows(table(render(CANARY)));
        assertTrue(rows.get(0), rows.get(0).startsWith("<tbody><tr><td>"));
        assertTrue(rows.get(1), rows.get(1).startsWith("<tbody class=\"window-failed\"><tr><td>"));
        assertTrue("the mark has a style", ReportStyle.CSS.contains("tbody.window-failed td{"));
    }

    @Test
    public void aPrometheusWindowShowsItsQueryAndValueEscapedAndNoTraffic() {
        String hostile = "sum(rate(x{app=\"<script>alert(1)</script>\"}[1m])) & 'y'";
        WindowResult w = window(AnalysisSource.PROMETHEUS, CANARY.startedAtMillis() + 800, hostile, 0.25,
                AnalysisVerdict.FAIL, "value <= 0.1 <b>", "value 0.25 is above maxValue 0.1 <img src=x>");
        String html = render(CANARY.withAnalysis(List.of(w)));
        List<String> cells = cells(rows(table(html)).get(0));
        assertEquals("prometheus", cells.get(2));
        assertEquals("no canary traffic of its own", "\u2013", cells.get(3));
        assertEquals("\u2013", cells.get(4));
        assertEquals("\u2013 / \u2013", cells.get(5));
        assertEquals("<code>sum(rate(x{app=&quot;&lt;script&gt;alert(1)&lt;/script&gt;&quot;}[1m])) &amp; &#39;y&#39;"
                + "</code> = 0.25", cells.get(6));
        assertEquals("value &lt;= 0.1 &lt;b&gt;", cells.get(8));
        assertEquals("value 0.25 is above maxValue 0.1 &lt;img src=x&gt;", cells.get(9));
        assertFalse(html, html.contains("<script>") || html.contains("<img") || html.contains("<b>"));
    }

    @Test
    public void aQueryWithoutSeriesSaysSoAndAnInconclusiveWindowIsNeitherPassedNorFailed() {
        WindowResult w = window(AnalysisSource.PROMETHEUS, CANARY.startedAtMillis() + 800, "up", null,
                AnalysisVerdict.INCONCLUSIVE, "value >= 1", "the query matched no series");
        List<String> cells = cells(rows(table(render(CANARY.withAnalysis(List.of(w))))).get(0));
        assertEquals("<code>up</code> = no series", cells.get(6));
        assertEquals("<span class=\"tag neutral\">inconclusive</span>", cells.get(7));
    }

    @Test
    public void aSyntheticWindowHasNoStableTrafficToCompare() {
        WindowResult w = new WindowResult(AnalysisSource.SYNTHETIC, CANARY.startedAtMillis() + 800,
                CANARY.startedAtMillis() + 2_800, 60, 3, 0, 0, 4.25, -1, null, null, AnalysisVerdict.PASS,
                "successRatio >= 0.950", "57/60 ok");
        List<String> cells = cells(rows(table(render(CANARY.withAnalysis(List.of(w))))).get(0));
        assertEquals("synthetic", cells.get(2));
        assertEquals("60 requests, 3 failed<br>95.0 % ok", cells.get(3));
        assertEquals("\u2013", cells.get(4));
        assertEquals("4.3 ms / \u2013", cells.get(5));
    }

    @Test
    public void aWindowBelongsToTheStepWhoseWeightWasSetLastBeforeItBegan() {
        long t0 = CANARY.startedAtMillis();
        WindowResult before = window(AnalysisSource.ROUTER, t0 + 100, null, null, AnalysisVerdict.PASS, "", "");
        WindowResult atSwitch = window(AnalysisSource.ROUTER, t0 + 2_740, null, null, AnalysisVerdict.PASS, "", "");
        WindowResult afterAbort = window(AnalysisSource.ROUTER, t0 + 4_760, null, null, AnalysisVerdict.PASS, "", "");
        List<String> rows = rows(table(render(CANARY.withAnalysis(List.of(before, atSwitch, afterAbort)))));
        assertEquals("before any canary weight", "\u2013", cells(rows.get(0)).get(0));
        assertEquals("a window that begins as the weight is set belongs to it", "2 of 3 \u00b7 10 %",
                cells(rows.get(1)).get(0));
        assertEquals("a weight the plan does not list", "0 %", cells(rows.get(2)).get(0));
    }

    @Test
    public void theCanaryStepsTakeTheirVerdictFromTheWindows() {
        // the timeline's text says the 10 % analysis failed; the windows say it passed, and the windows win
        WindowResult passed = window(AnalysisSource.ROUTER, CANARY.startedAtMillis() + 2_750, null, null,
                AnalysisVerdict.PASS, "t", "all <fine>");
        String html = render(CANARY.withAnalysis(List.of(passed)));
        String steps = html.substring(html.indexOf("<table class=\"plain canary\">"), html.indexOf("</table>"));
        assertTrue(steps, steps.contains("<tr><td>2 of 3</td><td class=\"num\">10 %</td><td class=\"num\">10.0 %</td>"
                + "<td><div><span class=\"tag ok\">passed</span> router: all &lt;fine&gt; <span class=\"muted\">+4.8 s"
                + "</span></div></td></tr>"));
        assertTrue("the 5 % step has no window of its own now", steps.contains("<td>1 of 3</td><td class=\"num\">5 %"
                + "</td><td class=\"num\">5.0 %</td><td>no analysis recorded</td>"));
        assertFalse(steps, steps.contains("ev-failed"));
    }

    @Test
    public void anInconclusiveWindowInTheStepsIsNotCalledPassed() {
        WindowResult w = window(AnalysisSource.ROUTER, CANARY.startedAtMillis() + 800, null, null,
                AnalysisVerdict.INCONCLUSIVE, "t", "canary got 3 requests");
        String html = render(CANARY.withAnalysis(List.of(w)));
        String steps = html.substring(html.indexOf("<table class=\"plain canary\">"), html.indexOf("</table>"));
        assertTrue(steps, steps.contains("<td><div><span class=\"tag neutral\">inconclusive</span> router: canary got 3"
                + " requests"));
    }

    @Test
    public void aRecordWithoutWindowsRendersFromTheTimelineAsBefore() {
        String html = render(CANARY.withAnalysis(List.of()));
        assertFalse(html, html.contains("Analysis windows"));
        assertFalse(html, html.contains("class=\"plain analysis\""));
        String steps = html.substring(html.indexOf("<table class=\"plain canary\">"), html.indexOf("</table>"));
        // the canary PROBE events' text, as the table read it before records kept windows
        assertTrue(steps, steps.contains("<tr class=\"ev-failed\"><td>2 of 3</td><td class=\"num\">10 %</td><td class="
                + "\"num\">10.0 %</td><td><div><span class=\"tag bad\">failed</span> canary 40 requests, 40 failed;"
                + " stable 360 requests, 0 failed ("));
        assertTrue(steps, steps.contains("<td>1 of 3</td><td class=\"num\">5 %</td><td class=\"num\">5.0 %</td><td>"
                + "<div><span class=\"tag ok\">passed</span> canary 20 requests, 0 failed;"));
    }

    @Test
    public void aLongCanaryShowsAtMostMaxRowsWindows() {
        WindowResult w = window(AnalysisSource.ROUTER, CANARY.startedAtMillis() + 800, null, null,
                AnalysisVerdict.INCONCLUSIVE, "t", "r");
        String html = render(CANARY.withAnalysis(Collections.nCopies(AnalysisWindows.MAX_ROWS + 7, w)));
        assertEquals(AnalysisWindows.MAX_ROWS, rows(table(html)).size());
        assertTrue(html, html.contains("<p class=\"note\">7 more windows.</p>"));
    }
}
