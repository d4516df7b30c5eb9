package io.jenkins.plugins.containerrollout.core.report;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.Test;

/** The page stays small whatever the run: lists are capped, counts are not. Sizes only; timing is in bench/. */
public class ReportSizeTest {
    private static final int TWO_MB = 2 * 1024 * 1024;

    @Test
    public void staysUnderTwoMegabytesWithFiftyReplicasAndTenThousandFailingCases() {
        String page = HtmlReport.render(LargeRun.report(50, 10_000));
        int bytes = page.getBytes(StandardCharsets.UTF_8).length;
        assertTrue(bytes + " bytes", bytes < TWO_MB);
        assertTrue(page.contains("10000 tests: 0 passed"));
        assertTrue(page.contains((10_000 - TestResultsSection.MAX_LISTED) + " more failing cases are counted above"));
    }

    @Test
    public void stillDrawsEveryLaneOfFiftyReplicasOverTwoRevisions() {
        String page = HtmlReport.render(LargeRun.report(50, 0));
        int lanes = page.split("<text class=\"lane-label small\"", -1).length - 1;
        assertEquals(100, lanes);
    }

    @Test
    public void summarisesLanesBeyondTheCap() {
        String page = HtmlReport.render(LargeRun.report(100, 0));
        assertTrue(page.contains((200 - TimelineChart.MAX_LANES) + " more replica lanes not drawn"));
    }

    @Test
    public void cutsLongExcerptsAndMessages() {
        String page = HtmlReport.render(LargeRun.report(1, 1));
        assertTrue(page.contains("more characters]</pre>"));
    }
}
