package io.jenkins.plugins.containerrollout.core.report;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.Test;

/**
 * The report of the demo-like run ({@link SampleCanaryReport}: first deploy, blue-green, both verified, then a canary
 * whose analysis fails) read as a person opening the build page after the failure (issue #14).
 */
public class FailedCanaryReportTest {
    private static final String PAGE = HtmlReport.render(SampleCanaryReport.create());

    private static String between(String html, String from, String to) {
        int a = html.indexOf(from);
        assertTrue("missing " + from, a >= 0);
        return html.substring(a, html.indexOf(to, a));
    }

    private static String entry(int i) {
        return between(PAGE, "aria-labelledby=\"e" + i + "\">", "</section>");
    }

    /** Fails naming the first of {@code parts} that {@code html} lacks. */
    private static void has(String html, String... parts) {
        for (String part : parts) {
            assertTrue("missing " + part + " in " + html, html.contains(part));
        }
    }

    /** Fails naming the first of {@code parts} that {@code html} contains. */
    private static void hasNo(String html, String... parts) {
        for (String part : parts) {
            assertFalse("unexpected " + part + " in " + html, html.contains(part));
        }
    }

    private static List<String> all(String html, String regex) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile(regex).matcher(html);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    @Test
    public void theHeaderCarriesTheLastChangesOutcomeAloneAndWhy() {
        String h1 = between(PAGE, "<h1>", "</h1>");
        assertEquals("no VERIFIED badge of revision 2 beside revision 3's outcome", List.of("rolled back"),
                all(h1, "<span class=\"badge [a-z]+\">([^<]+)</span>"));
        String why = between(PAGE, "<p class=\"lead why\">", "</p>");
        assertTrue(why, why.startsWith("<p class=\"lead why\">Revision 3 was rolled back to revision 2: canary analysis"
                + " at 10 % of revision 3 (router, 2.0 s window): canary 40 requests, 40 failed; stable 360 requests,"
                + " 0 failed"));
        assertFalse("said once, not twice", why.contains("; rolled back to revision 2"));
    }

    @Test
    public void eachVerificationNamesTheRevisionItChecked() {
        assertTrue(entry(2), entry(2).contains("<h2 id=\"e2\">Verification: sample-app \u00b7 revision 1</h2>"));
        assertTrue(entry(2), entry(2).contains("<dt>revision checked</dt><dd>1</dd>"));
        assertTrue(entry(5), entry(5).contains("<h2 id=\"e5\">Verification: sample-app \u00b7 revision 2</h2>"));
        assertTrue(entry(5), entry(5).contains("Revision 2: "));
    }

    @Test
    public void theFailedEntryIsLinkedAtTheTopAndTheSuccessfulOnesBeforeItFold() {
        String header = between(PAGE, "<header>", "</header>");
        assertTrue(header, header.contains("<a class=\"cause\" href=\"#e7\">"));
        for (int i = 0; i < 7; i++) {
            assertTrue("entry " + i + " folds", entry(i).startsWith("aria-labelledby=\"e" + i
                    + "\"><details class=\"entry-body\"><summary>"));
        }
        assertTrue(entry(7), entry(7).contains("<details class=\"entry-body\" open><summary><h2 id=\"e7\">"));
        assertTrue("a folded entry keeps its outcome in sight", entry(1).contains("</h2><span class=\"badge ok\">"
                + "succeeded</span></summary>"));
    }

    @Test
    public void aRunWithoutFailureFoldsNothing() {
        DeliveryReport good = SampleCanaryReport.create();
        String page = HtmlReport.render(new DeliveryReport("ok", 0, "", good.entries().subList(0, 6)));
        assertFalse(page.contains("<details class=\"entry-body\"><summary>"));
        assertFalse(page.contains("class=\"lead why\""));
        assertEquals("the last verification checked what serves: its badge stands", List.of("succeeded", "verified"),
                all(between(page, "<h1>", "</h1>"), "<span class=\"badge [a-z]+\">([^<]+)</span>"));
    }

    @Test
    public void anAbortedCanaryHasARollbackRateAndATimeToRestoreFromTheFailureToTheTrafficSwitch() {
        has(between(entry(7), "<table class=\"metrics\">", "</table>"),
                "R \u2013 rollback rate</th><td class=\"num\">100 %</td>",
                "Time to restore</th><td class=\"num\">5 ms</td>",
                "here from +4.8 s (the canary analysis at 10 % failed) to +4.8 s.",
                "The rollback itself ended at +24.9 s");
    }

    @Test
    public void aFirstDeployRaisesNoMinimumAlarm() {
        hasNo(entry(1), "<circle class=\"minimum\"", "minimum S = 0 %");
        has(entry(1), "first deploy: nothing served before revision 1, so S starts at 0 %",
                "availability floor</th><td class=\"num\">\u2013 (first deploy)</td>");
    }

    @Test
    public void settingsReadAsTheyAreWrittenInTheDsl() {
        String settings = between(entry(1), "<p class=\"settings\">", "</p>");
        has(settings, "<code>maxSurge 1</code>", "<code>batchDelaySeconds 0</code>", "<code>progressDeadlineSeconds 600</code>");
        hasNo(settings, "Millis");
        assertFalse(settings, Pattern.compile("<code>[^<]*=").matcher(settings).find());
        has(entry(4), "<dt>strategy</dt><dd>blueGreen</dd>", "<code>scaleDownDelaySeconds 1</code>");
        has(entry(7), "<code>steps 5 % for 2 s, 10 % for 2 s, 50 % for 2 s</code> \u00b7 <code>canaryReplicas 2</code>"
                + " \u00b7 <code>analysis router counters, minRequests 20");
    }

    @Test
    public void aCanaryShowsEachStepWithItsWeightsAndAnalysis() {
        String steps = between(entry(7), "<table class=\"plain canary\">", "</table>");
        List<String> rows = all(steps, "<tr[^>]*>(.*?)</tr>");
        assertEquals(steps, 5, rows.size()); // heading, three steps, the abort
        assertTrue(rows.get(1), rows.get(1).startsWith("<td>1 of 3</td><td class=\"num\">5 %</td><td class=\"num\">"
                + "5.0 %</td><td><div><span class=\"tag ok\">passed</span> router: canary success ratio 1.000 over 20"));
        assertTrue(rows.get(2), rows.get(2).startsWith("<td>2 of 3</td><td class=\"num\">10 %</td><td class=\"num\">"
                + "10.0 %</td><td><div><span class=\"tag bad\">failed</span> router: canary success ratio 0.000 (40"
                + " failures in 40 requests"));
        assertTrue(rows.get(3), rows.get(3).startsWith("<td>3 of 3</td><td class=\"num\">50 %</td>"
                + "<td class=\"num\">not reached</td>"));
        assertTrue(rows.get(4), rows.get(4).startsWith("<td>abort</td><td class=\"num\">0 %</td>"));
    }

    @Test
    public void linksOutToTheConsoleAndTheCommitButNotToAPlainHttpRegistry() {
        String header = between(PAGE, "<header>", "</header>");
        has(header, "<a href=\"https://github.com/example/sample-app/commit/" + SampleCanaryReport.COMMIT
                + "\" target=\"_blank\" rel=\"noopener noreferrer\">5d2f0c9a8b7e</a>", "<a href=\"https://jenkins.example.com/job/sample-app/42/"
                + "console\" target=\"_blank\" rel=\"noopener noreferrer\">console of the build that deployed revision 3</a>", "<dd>127.0.0.1:5000/sample-app:3</dd>");
        hasNo(header, "href=\"http://127.0.0.1:5000");
    }

    @Test
    public void noChartLabelCrossesTheChartsEdges() {
        for (String svg : all(PAGE, "(<svg class=\"chart.*?</svg>)")) {
            Matcher t = Pattern.compile("<text class=\"([a-z -]+)\" x=\"([0-9.-]+)\" y=\"[0-9.-]+\" text-anchor=\"(start|end|"
                    + "middle)\">([^<]*)</text>").matcher(svg);
            while (t.find()) {
                double x = Double.parseDouble(t.group(2));
                String text = t.group(4).replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">");
                // the CSS's sizes: lane labels 11.5 px, the minimum's 12.5 px, the rest at most 12 px
                double w = TextWidth.of(text, t.group(1).equals("lane-label") ? 11.5 : t.group(1).contains("minimum")
                        ? 12.5 : 12);
                double from = t.group(3).equals("start") ? x : t.group(3).equals("end") ? x - w : x - w / 2;
                assertTrue(t.group(0) + " starts before the edge", from >= 0);
                assertTrue(t.group(0) + " ends after the edge", from + w <= TimelineChart.WIDTH);
            }
        }
    }
}
