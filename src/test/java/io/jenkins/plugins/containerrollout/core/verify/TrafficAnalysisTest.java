package io.jenkins.plugins.containerrollout.core.verify;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.containerrollout.core.ProgressSink;
import io.jenkins.plugins.containerrollout.core.engine.DockerHost;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.Test;

/** Success-rate analysis on real traffic to 127.0.0.1: the ratio and latency measured decide. */
public class TrafficAnalysisTest {
    private static VerificationResult verify(String base, SuccessRateCheck check) throws InterruptedException {
        return new Verifier(new DockerHost("unix:///nonexistent.sock", false, null))
                .verify(VerifyRequest.of(List.of(base), List.of(check), OnFailure.FAIL), ProgressSink.NONE);
    }

    @Test
    public void healthyEndpointPassesTheSuccessRate() throws Exception {
        try (LocalHttp http = new LocalHttp().handle("/", LocalHttp.text(200, "ok"))) {
            VerificationResult r = verify(http.base(), new SuccessRateCheck("steady", "{endpoint}/", 40, 100, 0.99, 500, 1000));
            assertTrue(r.summary(), r.passed());
            TrafficReport t = (TrafficReport) r.checks().get(0).evidence();
            assertEquals(40, t.requests());
            assertEquals(1.0, t.successRatio(), 0);
            assertEquals(Map.of("200", 40), t.outcomes());
            assertEquals(40, t.latency().count());
            assertEquals(40, http.requests.get());
        }
    }

    @Test
    public void endpointFailingOneRequestInFourFailsTheSuccessRate() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        try (LocalHttp http = new LocalHttp().handle("/", e -> LocalHttp.send(e, calls.incrementAndGet() % 4 == 0 ? 502 : 200, "x", Map.of()))) {
            VerificationResult r = verify(http.base(), new SuccessRateCheck("steady", "{endpoint}/", 40, 100, 0.9, 0, 1000));
            assertFalse(r.passed());
            TrafficReport t = (TrafficReport) r.checks().get(0).evidence();
            assertEquals(0.75, t.successRatio(), 0);
            assertEquals(Map.of("200", 30, "502", 10), t.outcomes());
            assertTrue(r.checks().get(0).summary(), r.checks().get(0).summary().startsWith("30/40 ok (75.0 %)"));
        }
    }

    @Test
    public void slowEndpointFailsTheSuccessRateOnP95AloneAndSaysSo() throws Exception {
        try (LocalHttp http = new LocalHttp().handle("/", e -> {
            try {
                Thread.sleep(120);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            LocalHttp.send(e, 200, "slow", Map.of());
        })) {
            VerificationResult r = verify(http.base(), new SuccessRateCheck("steady", "{endpoint}/", 10, 50, 0.99, 50, 1000));
            assertFalse(r.passed());
            TrafficReport t = (TrafficReport) r.checks().get(0).evidence();
            assertEquals(1.0, t.successRatio(), 0);
            assertTrue(t.latency().toString(), t.latency().p95Millis() >= 120);
            assertTrue(r.checks().get(0).summary(), r.checks().get(0).summary().contains("and p95 ≤ 50 ms"));
        }
    }

    @Test
    public void rateIsHeldAndRefusedConnectionsCount() throws Exception {
        int closedPort = LocalHttp.freePort();
        try (LocalHttp http = new LocalHttp().handle("/", LocalHttp.text(200, "ok"))) {
            long start = System.nanoTime();
            TrafficReport t = new TrafficAnalysis().run(List.of(URI.create(http.base() + "/"),
                    URI.create("http://127.0.0.1:" + closedPort + "/")), 20, 40, 1000);
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue("20 requests at 40/s take about half a second, took " + millis, millis >= 450);
            assertEquals(Map.of("200", 10, "refused", 10), t.outcomes());
            assertEquals(10, t.latency().count());
            assertFalse(t.passes(0.6, 0));
            assertTrue(t.passes(0.5, 0));
        }
    }
}
