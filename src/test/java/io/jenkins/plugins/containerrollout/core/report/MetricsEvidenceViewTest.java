package io.jenkins.plugins.containerrollout.core.report;

import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.containerrollout.core.verify.MetricsEvidence;
import org.junit.Test;

/** A metrics check's evidence in the report: the server, the query as sent, its value, the bounds and the verdict. */
public class MetricsEvidenceViewTest {
    private static String render(MetricsEvidence e) {
        StringBuilder out = new StringBuilder();
        EvidenceView.render(out, e);
        return out.toString();
    }

    @Test
    public void showsTheQueryItsValueTheBoundsAndWhy() {
        String html = render(new MetricsEvidence("http://127.0.0.1:9090", "sum(rate(x{app=\"web\"}[30s]))", 0.05,
                "value <= 0.01", 30, "fail", "query value 0.05 is above maxValue 0.01"));

        assertTrue(html, html.contains("<dt>Prometheus</dt><dd>http://127.0.0.1:9090</dd>"));
        assertTrue(html, html.contains("<dt>value</dt><dd>0.05</dd>"));
        assertTrue(html, html.contains("<dd>value &lt;= 0.01</dd>"));
        assertTrue(html, html.contains("fail: query value 0.05 is above maxValue 0.01"));
        assertTrue(html, html.contains("30 s before querying"));
        assertTrue(html, html.contains("<pre class=\"excerpt\">sum(rate(x{app=&quot;web&quot;}[30s]))</pre>"));
    }

    @Test
    public void saysNoneWhenTheQueryHadNoValue() {
        String html = render(new MetricsEvidence("http://127.0.0.1:9090", "up", null, "value >= 1", 0, "no data",
                "the query matched no series"));

        assertTrue(html, html.contains("<dt>value</dt><dd>none</dd>"));
        assertTrue(html, html.contains("queried at once"));
    }
}
