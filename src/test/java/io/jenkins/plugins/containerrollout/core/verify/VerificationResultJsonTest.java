package io.jenkins.plugins.containerrollout.core.verify;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.containerrollout.core.verify.junit.CaseOutcome;
import io.jenkins.plugins.containerrollout.core.verify.junit.FailedCase;
import io.jenkins.plugins.containerrollout.core.verify.junit.JunitReport;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import java.util.Map;
import org.junit.Test;

/** Results survive the two ways they travel: Java serialization (agent → controller) and JSON (the rollout record). */
public class VerificationResultJsonTest {
    static VerificationResult sample() {
        LatencyStats latency = new LatencyStats(3, 1.5, 4.25, 9.0);
        JunitReport tests = new JunitReport(List.of("/reports/TEST-e2e.xml"), 1, 3, 1, 1, 0, 1, 0, 0.42,
                List.of(new FailedCase("e2e", "shop", "checkout", 0.2, CaseOutcome.FAILED, "AssertionError", "402 != 200", "trace")), 0);
        List<CheckResult> checks = List.of(
                new CheckResult("health", "http", CheckStatus.PASSED, "200", new HttpEvidence(List.of(new HttpEvidence.Target(
                        "http://127.0.0.1:30001/health", true, 2, List.of(503, 200), "", "ok", latency))), 1000, 12),
                new CheckResult("steady", "successRate", CheckStatus.PASSED, "ok", new TrafficReport(10, 10, 1.0,
                        Map.of("200", 10), latency, 500, 20.0), 1012, 500),
                new CheckResult("replicas", "health", CheckStatus.PASSED, "2/2", new HealthEvidence(List.of(
                        new HealthEvidence.Container("0123456789ab", "web-1", "running", "healthy", 12, 0, true)), 3), 1512, 1000),
                new CheckResult("config", "exec", CheckStatus.FAILED, "exit 1", new ExecEvidence(List.of(
                        new ExecEvidence.Run("web-1", 1, false, "cat: can't open", 40))), 2512, 40),
                new CheckResult("e2e", "smokeTest", CheckStatus.FAILED, "1 failed", new SmokeTestEvidence("e2e:1", "verify-e2e-1",
                        "http://127.0.0.1:30001", 1, false, "FAIL checkout", List.of("/reports/TEST-e2e.xml"), tests, ""), 2552, 900),
                CheckResult.skipped(HttpCheck.get("late", "http://127.0.0.1:30001/"), "skipped"));
        return new VerificationResult("web", false, OnFailure.ROLLBACK, 3, 2, 1, TestCounts.of(tests), checks, 1000, 2452);
    }

    @Test
    public void resultRoundTripsThroughJson() {
        VerificationResult result = sample();
        String json = result.toJson();
        assertEquals(result, VerificationResult.fromJson(json));
        assertTrue(json, json.contains("\"onFailure\":\"rollback\""));
        assertTrue(json, json.contains("\"kind\":\"smokeTest\""));
        assertTrue(json, json.contains("\"p95Millis\":4.25"));
    }

    @Test
    public void resultRoundTripsThroughJavaSerialization() throws Exception {
        VerificationResult result = sample();
        assertEquals(result, javaRoundTrip(result));
    }

    private static Object javaRoundTrip(Object value) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return in.readObject();
        }
    }

    @Test
    public void requestRoundTripsThroughJson() throws Exception {
        VerifyRequest request = VerifyRequest.fromMap(Map.of("name", "web", "endpoints", List.of("http://127.0.0.1:30001"),
                "onFailure", "unstable", "checks", List.of(
                        Map.of("type", "http", "url", "{endpoint}/health", "headers", Map.of("X-A", "b")),
                        Map.of("type", "successRate", "url", "{endpoint}/"),
                        Map.of("type", "health", "labels", "io.jenkins.containerrollout.app=web"),
                        Map.of("type", "exec", "labels", "app=web", "command", List.of("true"), "all", true),
                        Map.of("type", "smokeTest", "image", "e2e:1", "env", Map.of("A", "1")))));
        String json = Json.MAPPER.writeValueAsString(request);
        assertEquals(request, VerifyRequest.fromJson(json));
        assertEquals(request, javaRoundTrip(request));
    }

    @Test
    public void summaryMapHoldsOnlyPlainValuesForThePipeline() throws Exception {
        Map<String, Object> m = sample().toSummaryMap();
        assertEquals(Boolean.FALSE, m.get("passed"));
        assertEquals("rollback", m.get("onFailure"));
        assertEquals(Boolean.TRUE, m.get("rollbackRequested"));
        assertEquals(List.of("config", "e2e"), m.get("failedChecks"));
        assertEquals(1, m.get("testsFailed"));
        for (Object v : m.values()) {
            assertTrue(v.getClass().getName(), v instanceof String || v instanceof Number || v instanceof Boolean || v instanceof List);
        }
        assertEquals(m, javaRoundTrip(m));
    }

    @Test
    public void summaryNamesTheFirstFailureAndRollbackIsRequested() {
        VerificationResult result = sample();
        assertTrue(result.rollbackRequested());
        assertFalse(result.passed());
        assertEquals("verify web: FAILED, 3/6 checks passed (2 failed, 1 skipped); 3 tests, 1 failed; first failure: config: exit 1",
                result.summary());
        assertEquals(List.of("config", "e2e"), result.failures().stream().map(CheckResult::name).toList());
    }
}
