package io.jenkins.plugins.containerrollout.core.deploy.docker;

import static org.junit.Assert.assertEquals;

import io.jenkins.plugins.containerrollout.core.deploy.AppPhase;
import io.jenkins.plugins.containerrollout.core.deploy.AppStatus;
import io.jenkins.plugins.containerrollout.core.engine.DockerHost;
import io.jenkins.plugins.containerrollout.testing.TestBed;
import org.junit.After;

/** One unique application per test on the real engine, with a deployer, and everything of it removed afterwards. */
abstract class EngineTestBase {
    protected final DockerHost host = TestBed.host();
    protected final String app = TestBed.unique("dep");
    protected final DockerDeployer deployer = new DockerDeployer(host);

    /** The app completed on {@code revision}: {@code replicas} ready, and every serving port answers {@code version}. */
    protected void assertServes(int revision, int replicas, String version) {
        AppStatus status = deployer.status(app);
        assertEquals(AppPhase.COMPLETE, status.phase());
        assertEquals(revision, status.stableRevision());
        assertEquals(replicas, status.readyReplicas());
        for (int port : status.servingPorts()) {
            assertEquals("port " + port, version, DeployFixture.version(port));
        }
    }

    /**
     * Waits until no replica of the app is still stopping: a deploy returns once its replaced replicas are told to
     * stop, and a replica in its stop grace may still answer on its port. Fails the test after 20 s.
     */
    protected void awaitReplacedStopped() throws InterruptedException {
        TestBed.awaitUntil(() -> deployer.history(app).stream().allMatch(r -> r.stoppingReplicas() == 0),
                () -> "replaced replicas still stopping 20 s after the deploy: " + deployer.history(app));
    }

    @After
    public void removeApp() {
        DeployFixture.cleanup(app);
        deployer.close();
    }
}
