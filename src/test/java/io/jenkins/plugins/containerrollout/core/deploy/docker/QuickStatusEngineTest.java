package io.jenkins.plugins.containerrollout.core.deploy.docker;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.containerrollout.core.ProgressSink;
import io.jenkins.plugins.containerrollout.core.deploy.AppPhase;
import io.jenkins.plugins.containerrollout.core.deploy.AppStatus;
import io.jenkins.plugins.containerrollout.core.deploy.DeployRequest;
import io.jenkins.plugins.containerrollout.core.deploy.RolloutStrategy;
import io.jenkins.plugins.containerrollout.core.engine.DockerHost;
import io.jenkins.plugins.containerrollout.core.record.Outcome;
import io.jenkins.plugins.containerrollout.testing.UnixForward;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.Test;

/**
 * The command line's quick status (a few GETs, Jackson's streaming parser) answers exactly what the deployer's status
 * answers, state by state: nothing deployed, replicas probed over HTTP, a failed revision's kept replicas, a held
 * lock, replicas gated by the engine's HEALTHCHECK (read from their inspect), and over plain TCP; it steps aside
 * (empty) for what it does not speak, so the deployer answers and explains.
 */
public class QuickStatusEngineTest extends EngineTestBase {
    @Test
    public void answersWhatTheDeployerAnswersAsTheAppChanges() throws Exception {
        assertSame(AppPhase.NONE);
        DeployRequest v1 = new DeployRequest(host, app, DeployFixture.spec(DeployFixture.image("1", true)), 2,
                DeployFixture.portBase(app, 4), RolloutStrategy.rolling("1", "0").withProgressDeadlineSeconds(30),
                DeployFixture.probe(), 10, null, null);
        assertEquals(Outcome.SUCCEEDED, deployer.deploy(v1, ProgressSink.NONE).outcome());
        AppStatus serving = assertSame(AppPhase.COMPLETE);
        assertEquals(2, serving.readyReplicas());

        assertEquals(Outcome.ROLLED_BACK, deployer.deploy(v1.withSpec(DeployFixture.spec(DeployFixture.image("2", false))),
                ProgressSink.NONE).outcome());
        AppStatus kept = assertSame(null);
        // busybox httpd as PID 1 ignores SIGTERM: the engine ended it with SIGKILL (128 + 9), as the listing says
        assertTrue("the failed revision's replicas are kept, not running, with their exit: " + kept, kept.replicas()
                .stream().anyMatch(r -> r.revision() == 2 && !r.running()
                        && r.detail().equals("stopped (kept), exited with code 137")));

        HeldLocks.write(app, HeldLocks.onOtherHost(), System.currentTimeMillis(), DeployFixture.image("1", true));
        assertEquals(HeldLocks.onOtherHost(), assertSame(null).lockOwner());
    }

    @Test
    public void readsHealthcheckVerdictsFromTheReplicasInspect() throws Exception {
        DeployRequest hc = new DeployRequest(host, app, DeployFixture.spec(DeployFixture.healthchecked("1", true)), 2,
                DeployFixture.portBase(app, 3), RolloutStrategy.rolling("1", "0").withProgressDeadlineSeconds(30),
                DeployFixture.probe().withPath("/no-such-path"), 10, null, null);
        assertEquals(Outcome.SUCCEEDED, deployer.deploy(hc, ProgressSink.NONE).outcome());
        AppStatus status = assertSame(AppPhase.COMPLETE);
        assertTrue(status.toString(), status.replicas().stream().allMatch(r -> r.detail().equals("HEALTHCHECK healthy")));
    }

    @Test
    public void speaksPlainTcpAndStepsAsideForWhatItDoesNot() throws Exception {
        DeployRequest v1 = new DeployRequest(host, app, DeployFixture.spec(DeployFixture.image("1", true)), 1,
                DeployFixture.portBase(app, 2), RolloutStrategy.rolling("1", "0").withProgressDeadlineSeconds(30),
                DeployFixture.probe(), 10, null, null);
        assertEquals(Outcome.SUCCEEDED, deployer.deploy(v1, ProgressSink.NONE).outcome());
        try (UnixForward tcp = new UnixForward(Path.of(host.uri().substring("unix://".length())))) {
            assertEquals(deployer.status(app), QuickStatus.read(new DockerHost("tcp://127.0.0.1:" + tcp.port(), false, null),
                    app).orElseThrow());
        }
        assertEquals("TLS is the full client's", Optional.empty(),
                QuickStatus.read(new DockerHost("tcp://127.0.0.1:2376", true, "/nonexistent"), app));
        assertEquals(Optional.empty(), QuickStatus.read(new DockerHost("ssh://deploy@127.0.0.1", false, null), app));
        assertEquals("no engine there", Optional.empty(),
                QuickStatus.read(new DockerHost("unix:///nonexistent/docker.sock", false, null), app));
        assertEquals("an invalid name is the deployer's to explain", Optional.empty(), QuickStatus.read(host, "Not An App"));
    }

    /** The quick status equals the deployer's, and is in {@code phase} (null: any). */
    private AppStatus assertSame(AppPhase phase) {
        AppStatus full = deployer.status(app);
        AppStatus quick = QuickStatus.read(host, app).orElseThrow(() -> new AssertionError("no quick status"));
        assertEquals(full, quick);
        if (phase != null) {
            assertEquals(phase, quick.phase());
        }
        return quick;
    }
}
