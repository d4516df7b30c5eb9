package io.jenkins.plugins.containerrollout.core.report;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.containerrollout.core.metrics.BuildTrend;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.Test;

/** The job page's SVG trend charts: one bar (with its tooltip) per build, the legend in words, all text escaped. */
public class TrendChartTest {
    private static final String HOSTILE = "<script>alert('x')</script> & \"q\" Grüße ✓";

    private static List<BuildTrend> builds(int n) {
        List<BuildTrend> out = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            out.add(new BuildTrend(i, i * 1000L, i % 3 == 0 ? 0 : 1, i % 3 == 0 ? 1 : 0, i % 5 == 0 ? 1 : 0, 10 + i, i % 2));
        }
        return out;
    }

    private static int count(String svg, String regex) {
        Matcher m = Pattern.compile(regex).matcher(svg);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    @Test
    public void everyChartHasOneTooltipBarPerBuild() {
        List<BuildTrend> builds = builds(30);

        for (String svg : List.of(TrendChart.duration("d", builds), TrendChart.outcomes("o", builds), TrendChart.tests("t", builds))) {
            assertEquals(30, count(svg, "<g class=\"bar\">"));
            assertEquals(30, count(svg, "fill=\"transparent\"><title>#\\d+, "));
        }
    }

    @Test
    public void theTooltipNamesTheBuildAndEverySeries() {
        String svg = TrendChart.outcomes("o", List.of(new BuildTrend(42, 0, 2, 1, 0, 0, 0)));

        assertTrue(svg.contains("<title>#42, succeeded 2, rolled back 1, failed 0</title>"));
    }

    @Test
    public void stackedPartsAreDrawnOnlyForNonZeroValues() {
        String svg = TrendChart.outcomes("o", List.of(new BuildTrend(1, 0, 2, 0, 1, 0, 0)));

        assertEquals("2 parts + 3 legend swatches", 5, count(svg, "<rect [^>]*fill=\"#"));
    }

    @Test
    public void theLegendNamesEachSeriesInWords() {
        String svg = TrendChart.tests("t", builds(2));

        assertTrue(svg.contains(">passed</text>"));
        assertTrue(svg.contains(">failed</text>"));
    }

    @Test
    public void titlesAreEscaped() {
        String svg = TrendChart.duration(HOSTILE, builds(3));

        assertFalse(svg.contains("<script>"));
        assertFalse(svg.contains("alert('x')"));
        assertTrue(svg.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot; Grüße ✓"));
    }

    @Test
    public void anEmptyHistorySaysSo() {
        String svg = TrendChart.outcomes("o", List.of());

        assertTrue(svg.contains("no rollouts yet"));
        assertEquals(0, count(svg, "<g class=\"bar\">"));
    }

    @Test
    public void theLongestBarFillsThePlot() {
        String svg = TrendChart.duration("d", List.of(new BuildTrend(1, 500, 0, 0, 0, 0, 0), new BuildTrend(2, 2000, 0, 0, 0, 0, 0)));

        int plot = TrendChart.HEIGHT - 24 - 36;
        assertTrue(svg.contains("height=\"" + plot + "\" fill=\"#0969da\""));
        assertTrue("a quarter of " + plot, svg.contains("height=\"27.5\" fill=\"#0969da\""));
        assertTrue(svg.contains(">2.0 s</text>"));
    }

    @Test
    public void theAxisLabelOfALongDurationIsNotCutAtTheLeftEdge() {
        // an hour-long rollout: "3600.0 s" is wider than the chart's usual 44 px margin
        String svg = TrendChart.duration("d", List.of(new BuildTrend(1, 3_600_000L, 1, 0, 0, 0, 0)));
        Matcher label = Pattern.compile("<text x=\"(\\d+)\" y=\"\\d+\" font-size=\"10\" text-anchor=\"end\">3600\\.0 s</text>")
                .matcher(svg);
        assertTrue(svg, label.find());
        assertTrue(label.group(), Integer.parseInt(label.group(1)) - TextWidth.of("3600.0 s", 10) >= 0);
    }
}
