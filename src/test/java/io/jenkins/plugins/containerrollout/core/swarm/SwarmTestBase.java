package io.jenkins.plugins.containerrollout.core.swarm;

import static org.junit.Assert.assertEquals;

import io.jenkins.plugins.containerrollout.core.deploy.DeployRequest;
import io.jenkins.plugins.containerrollout.core.deploy.RevisionInfo;
import io.jenkins.plugins.containerrollout.core.deploy.RollbackRequest;
import io.jenkins.plugins.containerrollout.core.engine.DockerHost;
import io.jenkins.plugins.containerrollout.core.record.RolloutRecord;
import io.jenkins.plugins.containerrollout.testing.TestBed;
import java.util.List;
import java.util.Map;
import org.junit.After;
import org.junit.BeforeClass;

/**
 * One unique application per test on the test bed's swarm, a deployer for it, and its service removed afterwards
 * (waiting until its tasks are gone: the next test of the class uses the same ports).
 */
abstract class SwarmTestBase {
    static DockerHost host;

    protected final String app = TestBed.unique("swarm");
    protected final SwarmDeployer swarm = new SwarmDeployer(host, null);
    protected final SwarmFixture.Images images = SwarmFixture.images();

    @BeforeClass
    public static void swarmManager() {
        host = SwarmFixture.host();
    }

    private int portBase;

    /** The first of this class's 100 ports (each class its own, within 37000-38999). */
    protected abstract int firstPort();

    /**
     * This test's port base: the first window of 8 free ports in the class's range. The range lies inside the
     * kernel's ephemeral ports, so another process's connection may hold one of them for a while.
     */
    protected int portBase() {
        if (portBase == 0) {
            portBase = SwarmFixture.freeWindow(firstPort(), 100, 8);
        }
        return portBase;
    }

    /** Deploys {@code image} with two tasks and the fast test probe. */
    protected RolloutRecord deploy(String image) throws InterruptedException {
        return swarm.deploy(SwarmFixture.request(host, app, image, 2, portBase()), SwarmFixture.SINK);
    }

    /** Two tasks of {@code image} with {@code MODE} in their environment. */
    protected DeployRequest request(String image, String mode) {
        DeployRequest r = SwarmFixture.request(host, app, image, 2, portBase());
        return r.withSpec(r.spec().withEnv(Map.of("MODE", mode)));
    }

    /** Starts over with the same name, once the service's tasks are gone (same ports, same labels). */
    protected void removeAndWait() throws InterruptedException {
        swarm.remove(app);
        SwarmFixture.awaitGone(host, app);
    }

    /** The one revision {@code history} flags current; fails when none or several are. */
    protected RevisionInfo currentRevision() {
        List<RevisionInfo> current = swarm.history(app).stream().filter(RevisionInfo::current).toList();
        assertEquals("revisions flagged current: " + current, 1, current.size());
        return current.get(0);
    }

    protected RollbackRequest rollbackTo(int revision) {
        return RollbackRequest.to(host, app, revision).withProbe(SwarmFixture.probe());
    }

    @After
    public void removeService() throws InterruptedException {
        swarm.remove(app);
        swarm.close();
        SwarmFixture.awaitGone(host, app);
    }
}
