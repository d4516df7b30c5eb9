package io.jenkins.plugins.containerrollout.core.verify;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.containerrollout.core.verify.junit.FailedCase;
import io.jenkins.plugins.containerrollout.testing.TestBed;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.After;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

/** Smoke-test containers on the real engine: their exit code and their JUnit XML, copied out, both decide. */
public class SmokeTestContainerEngineTest {
    private static Apps apps;
    private static String app;
    private static String base;
    private static String passing;
    private static String failing;
    private final List<String> progress = new ArrayList<>();

    @BeforeClass
    public static void appAndImages() throws Exception {
        apps = new Apps();
        app = TestBed.unique("vfy-app");
        base = apps.replica(apps.image(true), app, null, LocalHttp.freePort());
        passing = SmokeImages.build(apps, "1.0");
        failing = SmokeImages.build(apps, "9.9");
    }

    @AfterClass
    public static void cleanUp() {
        apps.close();
    }

    @After
    public void noSmokeContainerIsLeftBehind() {
        assertEquals("", TestBed.docker("ps", "-aq", "--filter", "label=" + SmokeTestRunner.LABEL + "=e2e").trim());
    }

    private CheckResult verify(String image, Map<String, String> env, String reportPath, long timeoutMillis) throws InterruptedException {
        SmokeTestCheck check = new SmokeTestCheck("e2e", image, null, env, null, reportPath, timeoutMillis);
        VerificationResult r = new Verifier(TestBed.host()).verify(VerifyRequest.of(List.of(base), List.of(check), OnFailure.FAIL),
                progress::add);
        assertEquals(r.passed(), r.checks().get(0).passed());
        if (r.checks().get(0).evidence() instanceof SmokeTestEvidence e) {
            assertEquals(e.tests().tests(), r.tests().total());
        }
        return r.checks().get(0);
    }

    private static SmokeTestEvidence evidence(CheckResult r) {
        return (SmokeTestEvidence) r.evidence();
    }

    @Test
    public void passingSmokeTestImagePassesWithItsReport() throws Exception {
        CheckResult r = verify(passing, Map.of(), null, 60_000);
        assertTrue(r.summary(), r.passed());
        SmokeTestEvidence e = evidence(r);
        assertEquals(0, e.exitCode());
        assertEquals(base, e.targetUrl());
        assertEquals(List.of("/reports/TEST-smoke.xml"), e.reportFiles());
        assertEquals(2, e.tests().tests());
        assertEquals(2, e.tests().passed());
        assertTrue(e.logExcerpt(), e.logExcerpt().contains("smoke against " + base + ": 0 failed (all: " + base + ")"));
    }

    @Test
    public void failingSmokeTestImageFailsWithTheFailingCase() throws Exception {
        CheckResult r = verify(failing, Map.of(), "/reports/TEST-*.xml", 60_000);
        assertFalse(r.passed());
        SmokeTestEvidence e = evidence(r);
        assertEquals(1, e.exitCode());
        assertEquals(1, e.tests().failed());
        FailedCase version = e.tests().failures().get(0);
        assertEquals("smoke.version", version.displayName());
        assertEquals("expected version 9.9 but got 1.0", version.message());
        assertTrue(r.summary(), r.summary().contains("first failure: smoke.version: expected version 9.9 but got 1.0"));
    }

    @Test
    public void smokeTestOutlivingItsTimeoutIsKilledAndFails() throws Exception {
        long start = System.nanoTime();
        CheckResult r = verify(passing, Map.of("SMOKE_SLEEP", "60"), null, 1_500);
        assertFalse(r.passed());
        assertTrue(evidence(r).timedOut());
        assertEquals(-1, evidence(r).exitCode());
        assertTrue(r.summary(), r.summary().startsWith("killed after 1500 ms (timeout)"));
        assertTrue((System.nanoTime() - start) / 1_000_000 < 20_000);
    }

    @Test
    public void smokeTestWithoutReportFailsEvenWhenItExitsZero() throws Exception {
        CheckResult r = verify(passing, Map.of("SMOKE_NO_REPORT", "1"), "/reports/*.xml", 60_000);
        assertFalse(r.passed());
        assertEquals(0, evidence(r).exitCode());
        assertEquals("no JUnit report at /reports/*.xml in the container: no file matches *.xml", evidence(r).reportError());
    }

    @Test
    public void malformedReportFailsNamingFileAndLine() throws Exception {
        CheckResult r = verify(passing, Map.of("SMOKE_BROKEN", "1"), "/reports/TEST-smoke.xml", 60_000);
        assertFalse(r.passed());
        assertTrue(evidence(r).reportError(), evidence(r).reportError().startsWith("/reports/TEST-smoke.xml line 4: malformed JUnit XML"));
    }

    @Test
    public void everyKindOfCheckTogetherPassesAgainstTheRunningApp() throws Exception {
        String selector = Apps.APP_LABEL + "=" + app;
        VerifyRequest request = VerifyRequest.fromMap(Map.of("name", "shop", "endpoints", List.of(base), "onFailure", "rollback",
                "checks", List.of(
                        Map.of("type", "http", "name", "version", "url", "{endpoint}/version", "bodyRegex", "^1\\.0$"),
                        Map.of("type", "successRate", "url", "{endpoint}/index.html", "requests", 20, "ratePerSecond", 40),
                        Map.of("type", "health", "labels", selector),
                        Map.of("type", "exec", "labels", selector, "command", List.of("test", "-x", "/www/cgi-bin/health")),
                        Map.of("type", "smokeTest", "name", "e2e", "image", passing))));
        VerificationResult r = new Verifier(TestBed.host()).verify(request, progress::add);
        assertTrue(r.summary(), r.passed());
        assertEquals("verify shop: PASSED, 5/5 checks passed; 2 tests, 0 failed", r.summary());
        assertEquals(List.of("http", "successRate", "health", "exec", "smokeTest"), r.checks().stream().map(CheckResult::type).toList());
        assertEquals(2, r.tests().passed());
        assertFalse(r.rollbackRequested());
        assertEquals(r, VerificationResult.fromJson(r.toJson()));
    }

    @Test
    public void missingImageFailsWithoutRunningAnything() throws Exception {
        CheckResult r = verify(TestBed.unique("vfy-absent") + ":1", Map.of(), null, 60_000);
        assertFalse(r.passed());
        assertTrue(r.summary(), r.summary().endsWith("is not on the engine; build or pull it before verifying"));
    }
}
