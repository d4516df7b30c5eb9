package io.jenkins.plugins.containerrollout.core.analysis;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.Test;

/** Verdicts from a query's value and the query templates (pure: the real Prometheus is in PrometheusQueryEngineTest). */
public class PrometheusAnalysisTest {
    private static final String Q = "sum(rate(x[30s]))";

    @Test
    public void aValueIsJudgedAgainstItsBounds() {
        record Row(OptionalDouble value, Double min, Double max, AnalysisVerdict verdict, String reason) {
        }
        List<Row> rows = List.of(
                new Row(OptionalDouble.of(0.2), null, 0.05, AnalysisVerdict.FAIL, "query value 0.20 is above maxValue 0.05"),
                new Row(OptionalDouble.of(0.05), null, 0.05, AnalysisVerdict.PASS, "query value 0.05 is within value <= 0.05"),
                new Row(OptionalDouble.of(0.9), 0.95, null, AnalysisVerdict.FAIL, "query value 0.90 is below minValue 0.95"),
                new Row(OptionalDouble.of(1), 0.95, 1.0, AnalysisVerdict.PASS, "within value >= 0.95, value <= 1"),
                new Row(OptionalDouble.empty(), null, 0.05, AnalysisVerdict.INCONCLUSIVE, "the query matched no series"));
        for (Row row : rows) {
            WindowResult r = PrometheusAnalysis.judge(Q, row.value(), row.min(), row.max(), 0, 30_000);
            assertEquals(row + " -> " + r.reason(), row.verdict(), r.verdict());
            assertTrue(row + " -> " + r.reason(), r.reason().contains(row.reason()));
            assertEquals(AnalysisSource.PROMETHEUS, r.source());
            assertEquals(Q, r.query());
        }
        assertNull(PrometheusAnalysis.judge(Q, OptionalDouble.empty(), null, 1.0, 0, 1).value());
    }

    @Test
    public void aQueryWithoutBoundsIsRefusedNamingTheParameters() {
        String message = assertThrows(IllegalArgumentException.class,
                () -> PrometheusAnalysis.judge(Q, OptionalDouble.of(1), null, null, 0, 1)).getMessage();

        assertTrue(message, message.startsWith("maxValue: give maxValue") && message.contains("minValue"));
    }

    @Test
    public void placeholdersAreFilledIn() {
        String q = PrometheusQuery.render("sum(rate(haproxy_server_http_responses_total{proxy=\"{{app}}\","
                + "server=~\"{{ servers }}\",code=\"5xx\"}[{{window}}])) and on() vector({{revision}})",
                Map.of("app", "web", "servers", "s3|s4", "window", PrometheusQuery.window(Duration.ofMillis(30_400)),
                        "revision", "7"));

        assertEquals("sum(rate(haproxy_server_http_responses_total{proxy=\"web\",server=~\"s3|s4\",code=\"5xx\"}[30s]))"
                + " and on() vector(7)", q);
    }

    @Test
    public void anUnknownPlaceholderIsRefusedNamingTheKnownOnes() {
        String message = assertThrows(IllegalArgumentException.class,
                () -> PrometheusQuery.render("up{job=\"{{job}}\"}", Map.of("app", "web"))).getMessage();

        assertEquals("query: unknown placeholder {{job}} in 'up{job=\"{{job}}\"}'; known: [{{app}}]", message);
    }

    @Test
    public void aUrlThatIsNotHttpIsRefusedNamingTheParameter() {
        String message = assertThrows(IllegalArgumentException.class,
                () -> new PrometheusQuery("127.0.0.1:9090", Duration.ofSeconds(1))).getMessage();

        assertTrue(message, message.startsWith("url: '127.0.0.1:9090' is not an http(s) URL"));
        assertFalse(assertThrows(IllegalArgumentException.class,
                () -> new PrometheusQuery("ftp://reader:s3cret@127.0.0.1:9090", Duration.ofSeconds(1))).getMessage()
                .contains("s3cret"));
    }
}
