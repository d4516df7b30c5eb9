package io.jenkins.plugins.containerrollout.core.verify;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.containerrollout.core.engine.DockerHost;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.After;
import org.junit.Test;

/** HTTP probes against a real server on 127.0.0.1 that plays slow, flapping and picky endpoints. */
public class HttpCheckTest {
    private final LocalHttp http;
    private final List<String> progress = new ArrayList<>();

    public HttpCheckTest() throws Exception {
        http = new LocalHttp();
    }

    @After
    public void stopServer() {
        http.close();
    }

    private CheckResult verify(HttpCheck check) throws InterruptedException {
        VerifyRequest request = new VerifyRequest("web", List.of(http.base()), null, List.of(check), OnFailure.FAIL, false);
        // HTTP checks never touch the engine: a host that does not exist proves it
        VerificationResult result = new Verifier(new DockerHost("unix:///nonexistent.sock", false, null)).verify(request, progress::add);
        assertEquals(1, result.checks().size());
        assertEquals(result.passed(), result.checks().get(0).passed());
        return result.checks().get(0);
    }

    private static HttpCheck check(String url, String bodyRegex, String jsonPath, String jsonValue, Map<String, String> headers,
                                   long timeoutMillis, int retries, int samples, long maxP95Millis) {
        return new HttpCheck("probe", "GET", url, null, bodyRegex, jsonPath, jsonValue, headers, timeoutMillis, retries, 100,
                samples, maxP95Millis);
    }

    private static HttpEvidence.Target target(CheckResult r) {
        return ((HttpEvidence) r.evidence()).targets().get(0);
    }

    @Test
    public void passingProbeReportsStatusLatencyAndAttempt() throws Exception {
        http.handle("/health", LocalHttp.text(200, "ok"));
        CheckResult r = verify(HttpCheck.get("health", "{endpoint}/health"));
        assertTrue(r.summary(), r.passed());
        assertEquals(List.of(200), target(r).statuses());
        assertEquals("ok", target(r).bodyExcerpt());
        assertTrue(progress.get(0), progress.get(0).matches(
                "verify web: http GET http://127\\.0\\.0\\.1:\\d+/health → 200 in [0-9.]+ ms \\(attempt 1/1\\)"));
    }

    @Test
    public void probeThatGetsNoAnswerInTimeFailsWithTimeout() throws Exception {
        http.handle("/slow", exchange -> {
            try {
                Thread.sleep(3000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            LocalHttp.send(exchange, 200, "late", Map.of());
        });
        long start = System.nanoTime();
        CheckResult r = verify(check("{endpoint}/slow", null, null, null, null, 300, 1, 0, 0));
        assertFalse(r.passed());
        assertEquals(List.of(0, 0), target(r).statuses());
        assertEquals("no answer within 300 ms", target(r).failure());
        assertTrue("two 300 ms attempts must not wait for the 3 s answer", (System.nanoTime() - start) / 1_000_000 < 2500);
        assertTrue(progress.get(1), progress.get(1).endsWith("→ timeout (attempt 2/2): no answer within 300 ms"));
    }

    @Test
    public void flappingEndpointPassesOnARetry() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        http.handle("/flap", exchange -> LocalHttp.send(exchange, calls.incrementAndGet() < 3 ? 503 : 200, "up", Map.of()));
        CheckResult r = verify(check("{endpoint}/flap", null, null, null, null, 0, 4, 0, 0));
        assertTrue(r.summary(), r.passed());
        assertEquals(List.of(503, 503, 200), target(r).statuses());
        assertEquals(3, target(r).attempts());
        assertTrue(r.summary(), r.summary().endsWith("(attempt 3/5)"));
    }

    @Test
    public void bodyRegexMismatchFails() throws Exception {
        http.handle("/version", LocalHttp.text(200, "1.4.2\n"));
        assertTrue(verify(check("{endpoint}/version", "^1\\.4\\.", null, null, null, 0, 0, 0, 0)).passed());
        CheckResult r = verify(new HttpCheck("v2", null, "{endpoint}/version", null, "^2\\.", null, null, null, 0, 0, 0, 0, 0));
        assertFalse(r.passed());
        assertEquals("body does not match /^2\\./", target(r).failure());
        assertEquals("1.4.2\n", target(r).bodyExcerpt());
    }

    @Test
    public void jsonPathValueMustEqual() throws Exception {
        http.handle("/status", LocalHttp.respond(200, "{\"status\":\"UP\",\"checks\":[{\"name\":\"db\",\"state\":\"DOWN\"}]}",
                Map.of("Content-Type", "application/json")));
        assertTrue(verify(check("{endpoint}/status", null, "status", "UP", null, 0, 0, 0, 0)).passed());
        CheckResult r = verify(new HttpCheck("db", null, "{endpoint}/status", null, null, "checks.0.state", "UP", null, 0, 0, 0, 0, 0));
        assertFalse(r.passed());
        assertEquals("JSON checks.0.state is 'DOWN', expected 'UP'", target(r).failure());
    }

    @Test
    public void headerMustMatch() throws Exception {
        http.handle("/", LocalHttp.respond(200, "hi", Map.of("Cache-Control", "no-store", "X-Version", "7")));
        assertTrue(verify(check("{endpoint}/", null, null, null, Map.of("cache-control", "no-store"), 0, 0, 0, 0)).passed());
        CheckResult r = verify(new HttpCheck("ver", null, "{endpoint}/", null, null, null, null, Map.of("X-Version", "^8$"), 0, 0, 0, 0, 0));
        assertFalse(r.passed());
        assertEquals("header X-Version: '7' does not match /^8$/", target(r).failure());
    }

    @Test
    public void unexpectedStatusFailsAfterAllAttempts() throws Exception {
        http.handle("/down", LocalHttp.text(500, "boom"));
        CheckResult r = verify(check("{endpoint}/down", null, null, null, null, 0, 2, 0, 0));
        assertFalse(r.passed());
        assertEquals(List.of(500, 500, 500), target(r).statuses());
        assertEquals("status 500, expected 200", target(r).failure());
    }

    @Test
    public void slowP95FailsTheLatencyThreshold() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        http.handle("/p95", exchange -> {
            if (calls.incrementAndGet() % 5 == 0) {
                try {
                    Thread.sleep(150);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            LocalHttp.send(exchange, 200, "ok", Map.of());
        });
        CheckResult r = verify(check("{endpoint}/p95", null, null, null, null, 0, 0, 20, 100));
        assertFalse(r.passed());
        LatencyStats latency = target(r).latency();
        assertEquals(20, latency.count());
        assertTrue(latency.toString(), latency.p95Millis() >= 150 && latency.p50Millis() < 100);
        assertTrue(target(r).failure(), target(r).failure().startsWith("p95 "));
    }

    @Test
    public void endpointTemplateProbesEveryReplica() throws Exception {
        http.handle("/health", LocalHttp.text(200, "ok"));
        try (LocalHttp second = new LocalHttp().handle("/health", LocalHttp.text(503, "starting"))) {
            VerifyRequest request = new VerifyRequest("web", List.of(http.base(), second.base()), null,
                    List.of(HttpCheck.get("health", "{endpoint}/health")), OnFailure.ROLLBACK, false);
            VerificationResult result = new Verifier(new DockerHost("unix:///nonexistent.sock", false, null)).verify(request, progress::add);
            assertFalse(result.passed());
            assertTrue(result.rollbackRequested());
            List<HttpEvidence.Target> targets = ((HttpEvidence) result.checks().get(0).evidence()).targets();
            assertEquals(List.of(true, false), targets.stream().map(HttpEvidence.Target::passed).toList());
            assertTrue(result.checks().get(0).summary(), result.checks().get(0).summary().startsWith("1/2 endpoints passed; "));
        }
    }
}
