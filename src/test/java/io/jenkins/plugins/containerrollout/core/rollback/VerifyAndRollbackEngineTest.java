package io.jenkins.plugins.containerrollout.core.rollback;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.containerrollout.core.ProgressSink;
import io.jenkins.plugins.containerrollout.core.deploy.AppStatus;
import io.jenkins.plugins.containerrollout.core.deploy.DeployRequest;
import io.jenkins.plugins.containerrollout.core.deploy.docker.DockerDeployer;
import io.jenkins.plugins.containerrollout.core.deploy.ReplicaSpec;
import io.jenkins.plugins.containerrollout.core.deploy.RollbackRequest;
import io.jenkins.plugins.containerrollout.core.deploy.RolloutStrategy;
import io.jenkins.plugins.containerrollout.core.engine.DockerHost;
import io.jenkins.plugins.containerrollout.core.health.ProbeSettings;
import io.jenkins.plugins.containerrollout.core.record.Operation;
import io.jenkins.plugins.containerrollout.core.record.Outcome;
import io.jenkins.plugins.containerrollout.core.verify.Apps;
import io.jenkins.plugins.containerrollout.core.verify.HttpCheck;
import io.jenkins.plugins.containerrollout.core.verify.OnFailure;
import io.jenkins.plugins.containerrollout.core.verify.SmokeTestCheck;
import io.jenkins.plugins.containerrollout.core.verify.SmokeImages;
import io.jenkins.plugins.containerrollout.core.verify.SmokeTestEvidence;
import io.jenkins.plugins.containerrollout.core.verify.Verifier;
import io.jenkins.plugins.containerrollout.core.verify.VerifyRequest;
import io.jenkins.plugins.containerrollout.testing.Loopback;
import io.jenkins.plugins.containerrollout.testing.TestBed;
import io.jenkins.plugins.containerrollout.testing.TestImages;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.After;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

/** Verification that asks for a rollback gets one, on the real engine (ports 34000-34999). */
public class VerifyAndRollbackEngineTest {
    private static String v1;
    private static String v2;

    private final DockerHost host = TestBed.host();
    private final String app = TestBed.unique("var");
    private final DockerDeployer deployer = new DockerDeployer(host);
    private int base;

    @BeforeClass
    public static void images() throws IOException {
        String repo = TestBed.unique("var-img");
        v1 = TestImages.app(Files.createTempDirectory("var1"), repo + ":1", "1.0", true);
        v2 = TestImages.app(Files.createTempDirectory("var2"), repo + ":2", "2.0", true);
    }

    @AfterClass
    public static void removeImages() {
        TestBed.dockerResult("rmi", "-f", v1, v2);
    }

    @After
    public void removeApp() {
        deployer.remove(app);
        deployer.close();
    }

    @Test
    public void aFailingHttpCheckWithOnFailureRollbackRestoresThePreviousRevisionWhileItKeepsServing() throws Exception {
        deploy(v1);
        deploy(v2);
        VerifyRequest request = servesVersion("^1\\.0");
        Sampler sampler = new Sampler(base, 3);
        sampler.start();
        VerifyAndRollback.Result result;
        try {
            result = new VerifyAndRollback(new Verifier(host), deployer).run(request, rollback(), System.out::println);
        } finally {
            sampler.stop();
        }

        assertFalse(result.verification().passed());
        assertNotNull(result.summary(), result.rollback());
        assertNull(result.rollbackFailure());
        assertTrue(result.rolledBack());
        assertEquals(Operation.ROLLBACK, result.rollback().operation());
        assertEquals(Outcome.SUCCEEDED, result.rollback().outcome());
        assertEquals(2, result.rollback().fromRevision());
        assertEquals(1, result.rollback().servingRevision());
        AppStatus status = deployer.status(app);
        assertEquals(1, status.stableRevision());
        assertEquals(2, status.readyReplicas());
        for (int port : status.servingPorts()) {
            assertEquals("port " + port, "1.0", Loopback.version(port));
        }
        assertTrue("samples taken: " + sampler.rounds, sampler.rounds.get() > 3);
        assertEquals("rounds in which no replica answered", 0, sampler.empty.get());
    }

    @Test
    public void aSmokeTestThatExitsZeroButReportsAFailedCaseFailsTheGateAndRollsBack() throws Exception {
        deploy(v1);
        deploy(v2);
        VerifyAndRollback.Result result;
        try (Apps apps = new Apps()) {
            // it expects 1.0 and finds 2.0: its report has a failed case, yet SMOKE_EXIT_ZERO makes it exit 0
            SmokeTestCheck smoke = new SmokeTestCheck("e2e", SmokeImages.build(apps, "1.0"), null,
                    Map.of("SMOKE_EXIT_ZERO", "1"), null, null, 60_000);
            result = new VerifyAndRollback(new Verifier(host), deployer).run(new VerifyRequest(app, endpoints(), null,
                    List.of(smoke), OnFailure.ROLLBACK, false), rollback(), System.out::println);
        }

        SmokeTestEvidence evidence = (SmokeTestEvidence) result.verification().checks().get(0).evidence();
        assertEquals("the smoke container exited 0", 0, evidence.exitCode());
        assertEquals("its report says one case failed", 1, evidence.tests().failed());
        assertFalse("the report, not the exit code, decides", result.verification().passed());
        assertTrue(result.summary(), result.rolledBack());
        assertEquals(Outcome.SUCCEEDED, result.rollback().outcome());
        assertEquals(1, deployer.status(app).stableRevision());
        for (int port : deployer.status(app).servingPorts()) {
            assertEquals("port " + port, "1.0", Loopback.version(port));
        }
    }

    @Test
    public void aPassingVerificationRollsNothingBack() throws Exception {
        deploy(v1);
        deploy(v2);
        VerifyRequest request = servesVersion("^2\\.0");

        VerifyAndRollback.Result result = new VerifyAndRollback(new Verifier(host), deployer)
                .run(request, rollback(), ProgressSink.NONE);

        assertTrue(result.verification().passed());
        assertNull(result.rollback());
        assertFalse(result.rolledBack());
        assertEquals(2, deployer.status(app).stableRevision());
    }

    @Test
    public void aRollbackWithNoEarlierRevisionIsReportedBesideTheVerification() throws Exception {
        deploy(v2);
        VerifyRequest request = servesVersion("^1\\.0");

        VerifyAndRollback.Result result = new VerifyAndRollback(new Verifier(host), deployer)
                .run(request, rollback(), ProgressSink.NONE);

        assertFalse(result.verification().passed());
        assertNull(result.rollback());
        assertTrue(result.rollbackFailure(), result.rollbackFailure().contains("keeps no revision before the current one"));
        assertTrue(result.summary(), result.summary().contains("rollback failed: "));
        assertEquals(1, deployer.status(app).stableRevision());
    }

    private void deploy(String image) throws InterruptedException {
        if (base == 0) {
            base = Loopback.freeBase(app, 34000, 34999, 3);
        }
        ReplicaSpec spec = ReplicaSpec.of(image).withStopTimeoutSeconds(0);
        DeployRequest request = new DeployRequest(host, app, spec, 2, base, RolloutStrategy.rolling("1", "0"), probe(),
                10, null, null);
        assertEquals(Outcome.SUCCEEDED, deployer.deploy(request, ProgressSink.NONE).outcome());
    }

    private RollbackRequest rollback() {
        return RollbackRequest.previous(host, app).withProbe(probe()).withStrategy(RolloutStrategy.rolling("1", "0"));
    }

    /** Every serving replica's /version must match {@code regex}; on failure, roll back. */
    private VerifyRequest servesVersion(String regex) {
        return new VerifyRequest(app, endpoints(), null, List.of(new HttpCheck("version", null, "{endpoint}/version", null,
                regex, null, null, null, 0, 0, 0, 0, 0)), OnFailure.ROLLBACK, false);
    }

    private List<String> endpoints() {
        return deployer.status(app).servingPorts().stream().map(p -> "http://127.0.0.1:" + p).toList();
    }

    private static ProbeSettings probe() {
        return new ProbeSettings("/cgi-bin/health", Duration.ofMillis(200), Duration.ofSeconds(2), 1, 3,
                Duration.ofSeconds(20));
    }

    /** Polls every port the app may use; counts rounds in which none of them served a version. */
    private static final class Sampler {
        final AtomicInteger rounds = new AtomicInteger();
        final AtomicInteger empty = new AtomicInteger();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Thread thread;

        Sampler(int base, int span) {
            thread = new Thread(() -> {
                while (running.get()) {
                    boolean any = false;
                    for (int p = base; p < base + span && !any; p++) {
                        any = Loopback.version(p) != null;
                    }
                    if (Thread.currentThread().isInterrupted() || !running.get()) {
                        return; // stop() cut this round short: its unanswered probes say nothing about the app
                    }
                    rounds.incrementAndGet();
                    if (!any) {
                        empty.incrementAndGet();
                    }
                    try {
                        Thread.sleep(50);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "var-sampler");
        }

        void start() {
            thread.start();
        }

        void stop() throws InterruptedException {
            running.set(false);
            thread.interrupt();
            thread.join(5000);
        }
    }
}
