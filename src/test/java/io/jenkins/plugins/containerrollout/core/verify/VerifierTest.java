package io.jenkins.plugins.containerrollout.core.verify;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.containerrollout.core.engine.DockerHost;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.Test;

/** The runner's contract around the checks: order, fail fast, interrupts, and an engine that is not there. */
public class VerifierTest {
    private static final DockerHost NO_ENGINE = new DockerHost("unix:///nonexistent/docker.sock", false, null);

    @Test
    public void failFastSkipsTheChecksAfterTheFirstFailure() throws Exception {
        try (LocalHttp http = new LocalHttp().handle("/ok", LocalHttp.text(200, "ok")).handle("/bad", LocalHttp.text(500, "x"))) {
            List<Check> checks = List.of(HttpCheck.get("bad", "{endpoint}/bad"), HttpCheck.get("ok", "{endpoint}/ok"));
            List<String> progress = new ArrayList<>();
            VerificationResult r = new Verifier(NO_ENGINE).verify(
                    new VerifyRequest("web", List.of(http.base()), null, checks, OnFailure.UNSTABLE, true), progress::add);
            assertFalse(r.passed());
            assertEquals(List.of(CheckStatus.FAILED, CheckStatus.SKIPPED), r.checks().stream().map(CheckResult::status).toList());
            assertEquals(List.of(0, 1, 1), List.of(r.checksPassed(), r.checksFailed(), r.checksSkipped()));
            assertEquals(1, http.requests.get());
            assertFalse(r.rollbackRequested());
            assertEquals(r.summary(), progress.get(progress.size() - 1));
        }
    }

    @Test
    public void unreachableEngineFailsTheCheckAndTheOthersStillRun() throws Exception {
        try (LocalHttp http = new LocalHttp().handle("/ok", LocalHttp.text(200, "ok"))) {
            List<Check> checks = List.of(new HealthCheck("replicas", "app=web", 0, 1, 1000), HttpCheck.get("ok", "{endpoint}/ok"));
            VerificationResult r = new Verifier(NO_ENGINE).verify(VerifyRequest.of(List.of(http.base()), checks, OnFailure.ROLLBACK),
                    line -> { });
            assertEquals(List.of(CheckStatus.FAILED, CheckStatus.PASSED), r.checks().stream().map(CheckResult::status).toList());
            assertTrue(r.checks().get(0).summary(), r.checks().get(0).summary().startsWith("engine error: "));
            assertTrue(r.rollbackRequested());
        }
    }

    @Test
    public void hostThatIsNotAnEngineAddressIsRefused() {
        IllegalArgumentException e = org.junit.Assert.assertThrows(IllegalArgumentException.class,
                () -> new Verifier(new DockerHost("http://127.0.0.1:2375", false, null)));
        assertTrue(e.getMessage(), e.getMessage().startsWith("host 'http://127.0.0.1:2375' is not a Docker engine address"));
    }

    @Test
    public void interruptStopsVerificationAndKeepsTheFlag() throws Exception {
        try (LocalHttp http = new LocalHttp().handle("/", LocalHttp.text(503, "x"))) {
            HttpCheck retrying = new HttpCheck("slow", null, "{endpoint}/", null, null, null, null, null, 0, 100, 200, 0, 0);
            VerifyRequest request = VerifyRequest.of(List.of(http.base()), List.of(retrying), OnFailure.FAIL);
            CompletableFuture<Boolean> flagAfter = new CompletableFuture<>();
            Thread worker = new Thread(() -> {
                try {
                    new Verifier(NO_ENGINE).verify(request, line -> { });
                    flagAfter.complete(false);
                } catch (InterruptedException e) {
                    flagAfter.complete(Thread.currentThread().isInterrupted());
                }
            });
            worker.start();
            Thread.sleep(500);
            worker.interrupt();
            assertTrue("the interrupt flag is set again", flagAfter.get(5, TimeUnit.SECONDS));
            worker.join(5000);
            assertFalse("the verifier stopped", worker.isAlive());
        }
    }
}
