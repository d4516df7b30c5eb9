package io.jenkins.plugins.containerrollout.core.verify;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.Test;

/**
 * The {@code metrics} check as JSON and Pipeline maps name it ({@code type: metrics}), its argument rules, and the
 * failures that need no Prometheus: each names the parameter and the fix. The judging itself is in
 * {@link MetricsCheckEngineTest}.
 */
public class MetricsCheckTest {
    private static final String QUERY = "sum(rate(http_requests_total{app=\"{{app}}\",code=~\"5..\"}[{{window}}]))";

    private static Map<String, Object> metrics(Object... keyValues) {
        Map<String, Object> check = new HashMap<>(Map.of("type", "metrics", "url", "http://127.0.0.1:9090",
                "query", "up", "maxValue", 1));
        for (int i = 0; i < keyValues.length; i += 2) {
            if (keyValues[i + 1] == null) {
                check.remove((String) keyValues[i]);
            } else {
                check.put((String) keyValues[i], keyValues[i + 1]);
            }
        }
        return check;
    }

    private static String error(Map<String, Object> check, String... allowedHosts) {
        return assertThrows(IllegalArgumentException.class, () -> VerifyRequest.fromMap(Map.of("name", "web",
                "allowedHosts", List.of(allowedHosts), "checks", List.of(check)))).getMessage();
    }

    @Test
    public void aMapOfTypeMetricsBecomesAMetricsCheckWithDefaults() {
        VerifyRequest r = VerifyRequest.fromMap(Map.of("name", "web", "checks", List.of(metrics("query", QUERY,
                "maxValue", 0.05, "windowSeconds", 30))));

        MetricsCheck m = (MetricsCheck) r.checks().get(0);
        assertEquals(new MetricsCheck("metrics", "http://127.0.0.1:9090", QUERY, null, 0.05, 30, false, 5000, 0), m);
    }

    @Test
    public void theJsonFormRoundTrips() {
        String json = "{\"name\":\"web\",\"checks\":[{\"type\":\"metrics\",\"name\":\"errors\",\"url\":\"http://127.0.0.1:9090\","
                + "\"query\":\"vector(0)\",\"minValue\":0,\"maxValue\":0.1,\"allowNoData\":true,\"revision\":4}]}";

        MetricsCheck m = (MetricsCheck) VerifyRequest.fromJson(json).checks().get(0);

        assertEquals(new MetricsCheck("errors", "http://127.0.0.1:9090", "vector(0)", 0.0, 0.1, 0, true, 5000, 4), m);
    }

    @Test
    public void aCheckWithoutBoundsIsRefusedAskingForOne() {
        assertEquals("checks[0]: metrics check 'metrics': give maxValue (e.g. an error ratio's ceiling, 0.05) or minValue "
                + "(e.g. a success ratio's floor, 0.99), or both", error(metrics("maxValue", null)));
    }

    @Test
    public void aFloorAboveTheCeilingIsRefused() {
        assertEquals("checks[0]: metrics check 'metrics': minValue 0.9 is above maxValue 0.1; no value could pass",
                error(metrics("minValue", 0.9, "maxValue", 0.1)));
    }

    @Test
    public void aMissingQueryOrUrlIsRefusedNamingIt() {
        assertTrue(error(metrics("query", " ")).startsWith("checks[0]: metrics check 'metrics': query is missing; give"));
        assertTrue(error(metrics("url", null)).startsWith("checks[0]: metrics check 'metrics': url is missing; give the "
                + "Prometheus server"));
    }

    @Test
    public void theWindowPlaceholderNeedsAWindow() {
        assertEquals("checks[0]: metrics check 'metrics': the query uses {{window}} but windowSeconds is 0; give "
                + "windowSeconds (e.g. 30) or write the range yourself, e.g. [1m]", error(metrics("query", QUERY)));
        assertTrue(error(metrics("query", "up", "windowSeconds", 3601)).contains("windowSeconds must be between 0"));
    }

    /** {@code {{servers}}} names a canary's router slots: containerVerify has no canary, so it is refused. */
    @Test
    public void anUnknownPlaceholderIsRefusedWithTheKnownOnes() {
        String message = error(metrics("query", "up{server=~\"{{servers}}\"}", "windowSeconds", 5));

        assertEquals("checks[0]: metrics check 'metrics': query: unknown placeholder {{servers}} in "
                + "'up{server=~\"{{servers}}\"}'; known: [{{app}}, {{revision}}, {{window}}]", message);
    }

    @Test
    public void prometheusIsHeldToTheProbesHostsAndItsCredentialsAreNeverShown() {
        String message = error(metrics("url", "http://reader:s3cret@metrics.example.com:9090"));

        assertEquals("checks[0] (metrics 'metrics').url 'http://metrics.example.com:9090' points at metrics.example.com, "
                + "which is neither loopback nor an allowed host; use 127.0.0.1 or add the host to allowedHosts", message);
        assertFalse(message.contains("s3cret"));
        VerifyRequest.fromMap(Map.of("allowedHosts", List.of("metrics.example.com"), "checks",
                List.of(metrics("url", "http://metrics.example.com:9090"))));
    }

    @Test
    public void anUnknownTypeNamesMetricsAmongTheTypes() {
        assertTrue(error(metrics("type", "metric")).endsWith("use one of http, successRate, health, exec, smokeTest, metrics"));
    }

    /** Without a revision (the CLI's JSON gave none) {{revision}} cannot be filled: the check fails, nothing is sent. */
    @Test
    public void aRevisionPlaceholderWithoutARevisionFailsTheCheckBeforeAnythingIsSent() throws Exception {
        MetricsCheck check = new MetricsCheck("rev", "http://127.0.0.1:1", "vector({{revision}})", null, 1.0, 0, false, 0, 0);
        List<String> log = new ArrayList<>();

        Verdict v = new MetricsCheckRunner(new CheckLog(log::add, "web")).run(check, "web");

        assertFalse(v.passed());
        assertEquals("metrics check 'rev': the query uses {{revision}} but the verified revision is not known; give "
                + "revision, or select by {{app}}", v.summary());
        assertEquals("error", ((MetricsEvidence) v.evidence()).outcome());
        assertEquals(5, check.withRevision(5).revision());
        assertEquals(4, check.withRevision(4).withRevision(5).revision());
    }
}
