package io.jenkins.plugins.containerrollout.core.verify;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.containerrollout.testing.TestBed;
import java.util.ArrayList;
import java.util.List;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

/** Container health and exec checks on the real engine, over a set of labelled app replicas. */
public class ContainerChecksEngineTest {
    private static final String HEALTH_CMD = "wget -q -O /dev/null http://127.0.0.1:$PORT/cgi-bin/health";
    private static Apps apps;
    private static String healthy;
    private static String unhealthy;
    private final List<String> progress = new ArrayList<>();

    @BeforeClass
    public static void images() throws Exception {
        apps = new Apps();
        healthy = apps.image(true);
        unhealthy = apps.image(false);
    }

    @AfterClass
    public static void cleanUp() {
        apps.close();
    }

    private VerificationResult verify(Check check) throws InterruptedException {
        return new Verifier(TestBed.host()).verify(VerifyRequest.of(List.of(), List.of(check), OnFailure.FAIL), progress::add);
    }

    private static String label(String app) {
        return Apps.APP_LABEL + "=" + app;
    }

    /** Starts one replica per image of a new app and returns the app's label selector. */
    private static String replicas(String healthCmd, String... images) throws InterruptedException {
        String app = TestBed.unique("vfy-app");
        for (String image : images) {
            apps.replica(image, app, healthCmd, LocalHttp.freePort());
        }
        return label(app);
    }

    private static ExecEvidence.Run firstRun(VerificationResult r) {
        return ((ExecEvidence) r.checks().get(0).evidence()).runs().get(0);
    }

    @Test
    public void everyLiveReplicaReportingHealthyPassesTheHealthCheck() throws Exception {
        String selector = replicas(HEALTH_CMD, healthy, healthy);
        apps.stopped(unhealthy, selector.substring(selector.indexOf('=') + 1));
        VerificationResult r = verify(new HealthCheck("replicas", selector, 0, 2, 30_000));
        assertTrue(r.summary(), r.passed());
        HealthEvidence e = (HealthEvidence) r.checks().get(0).evidence();
        assertEquals(List.of("healthy", "healthy"), e.containers().stream().map(HealthEvidence.Container::health).toList());
        assertTrue(r.checks().get(0).summary(), r.checks().get(0).summary().startsWith("2/2 containers ready"));
    }

    @Test
    public void oneUnhealthyReplicaFailsTheHealthCheck() throws Exception {
        VerificationResult r = verify(new HealthCheck("replicas", replicas(HEALTH_CMD, healthy, unhealthy), 0, 0, 4_000));
        assertFalse(r.passed());
        HealthEvidence e = (HealthEvidence) r.checks().get(0).evidence();
        assertEquals(1, e.containers().stream().filter(c -> !c.ready()).count());
        assertTrue(e.polls() > 1);
        assertTrue(r.checks().get(0).summary(), r.checks().get(0).summary().contains("1/2 containers ready"));
    }

    @Test
    public void replicaWithoutHealthcheckPassesOnceRunningForMinReadySeconds() throws Exception {
        String selector = replicas(null, healthy);
        long start = System.nanoTime();
        VerificationResult r = verify(new HealthCheck("replicas", selector, 2, 1, 20_000));
        assertTrue(r.summary(), r.passed());
        HealthEvidence.Container c = ((HealthEvidence) r.checks().get(0).evidence()).containers().get(0);
        assertEquals("none", c.health());
        assertTrue(c.runningSeconds() >= 2);
        assertTrue((System.nanoTime() - start) / 1_000_000 >= 1000);
    }

    @Test
    public void noMatchingContainerFailsTheHealthCheck() throws Exception {
        String app = TestBed.unique("nothing");
        VerificationResult r = verify(new HealthCheck("replicas", label(app), 0, 1, 1_000));
        assertFalse(r.passed());
        assertEquals("0/0 containers ready (" + label(app) + "), 1 required after 1000 ms: too few containers",
                r.checks().get(0).summary());
    }

    @Test
    public void execThatExitsZeroInEveryReplicaPasses() throws Exception {
        VerificationResult r = verify(new ExecCheck("config", replicas(null, healthy, healthy), List.of("cat", "/www/version"), true, 10_000));
        assertTrue(r.summary(), r.passed());
        ExecEvidence e = (ExecEvidence) r.checks().get(0).evidence();
        assertEquals(2, e.runs().size());
        assertEquals("1.0\n", e.runs().get(0).output());
        assertEquals(0, e.runs().get(1).exitCode());
    }

    @Test
    public void execThatFailsReportsExitCodeAndOutput() throws Exception {
        VerificationResult r = verify(new ExecCheck("config", replicas(null, healthy), List.of("cat", "/www/missing"), false, 10_000));
        assertFalse(r.passed());
        ExecEvidence.Run run = firstRun(r);
        assertEquals(1, run.exitCode());
        assertTrue(run.output(), run.output().contains("/www/missing"));
        assertTrue(r.checks().get(0).summary(), r.checks().get(0).summary().contains(" exited 1: "));
        assertTrue(progress.toString(), progress.stream().anyMatch(l -> l.contains("exec cat /www/missing in ") && l.contains("→ exit 1")));
    }

    @Test
    public void execOutlivingItsTimeoutFails() throws Exception {
        VerificationResult r = verify(new ExecCheck("slow", replicas(null, healthy), List.of("sleep", "5"), false, 500));
        assertFalse(r.passed());
        ExecEvidence.Run run = firstRun(r);
        assertTrue(run.timedOut());
        assertTrue(run.durationMillis() < 4000);
    }
}
