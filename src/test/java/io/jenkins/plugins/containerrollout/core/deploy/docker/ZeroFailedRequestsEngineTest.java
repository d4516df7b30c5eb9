package io.jenkins.plugins.containerrollout.core.deploy.docker;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.containerrollout.core.ProgressSink;
import io.jenkins.plugins.containerrollout.core.deploy.DeployRequest;
import io.jenkins.plugins.containerrollout.core.deploy.RollbackRequest;
import io.jenkins.plugins.containerrollout.core.deploy.RolloutStrategy;
import io.jenkins.plugins.containerrollout.core.record.Outcome;
import io.jenkins.plugins.containerrollout.core.record.RolloutRecord;
import io.jenkins.plugins.containerrollout.core.router.HaproxyRouter;
import io.jenkins.plugins.containerrollout.testing.Haproxy;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/**
 * Zero failed requests while the deployer replaces replicas behind HAProxy: several concurrent clients
 * ({@link LoadClients}), every request on its own connection, through an HAProxy that neither retries nor
 * redispatches ({@link Haproxy#startWithoutRetries}), so a replica stopped before the router stopped sending to it,
 * or routed before it listens, shows up as a failed request. Rolling, blue-green and a rollback; every request counts.
 */
public class ZeroFailedRequestsEngineTest extends EngineTestBase {
    private static final int REPLICAS = 3;
    private static final int CLIENTS = 4;

    private Haproxy haproxy;
    private DockerDeployer routed;
    private DeployRequest v1;

    @Before
    public void routerAndFirstRevision() throws Exception {
        int base = DeployFixture.portBase(app, 2 * REPLICAS + 1);
        haproxy = Haproxy.startWithoutRetries(app, base + 2 * REPLICAS, 2 * REPLICAS + 2);
        routed = new DockerDeployer(host, new HaproxyRouter(haproxy.adminSocket()));
        v1 = new DeployRequest(host, app, DeployFixture.spec(DeployFixture.image("1", true)), REPLICAS, base,
                RolloutStrategy.rolling("1", "1"), DeployFixture.probe(), 10, null, null);
        assertEquals(Outcome.SUCCEEDED, routed.deploy(v1, ProgressSink.NONE).outcome());
    }

    @After
    public void stopRouter() throws Exception {
        routed.close();
        haproxy.close();
    }

    @Test
    public void rollingUpdateFailsNoRequest() throws Exception {
        underLoad("rolling v1->v2", "2", () -> routed.deploy(v1.withSpec(DeployFixture.spec(DeployFixture.image("2",
                true))), System.out::println));
    }

    @Test
    public void blueGreenSwitchFailsNoRequest() throws Exception {
        DeployRequest v2 = v1.withSpec(DeployFixture.spec(DeployFixture.image("2", true)))
                .withStrategy(RolloutStrategy.blueGreen().withScaleDownDelaySeconds(1));
        underLoad("blue-green v1->v2", "2", () -> routed.deploy(v2, System.out::println));
    }

    @Test
    public void rollbackFailsNoRequest() throws Exception {
        RolloutRecord v2 = routed.deploy(v1.withSpec(DeployFixture.spec(DeployFixture.image("2", true))),
                ProgressSink.NONE);
        assertEquals(v2.message(), Outcome.SUCCEEDED, v2.outcome());
        underLoad("rollback v2->v1", "1", () -> routed.rollback(RollbackRequest.to(host, app, 1)
                .withProbe(DeployFixture.probe()).withStrategy(RolloutStrategy.rolling("1", "1")), System.out::println));
    }

    /** A rollout step under load. */
    @FunctionalInterface
    private interface Change {
        RolloutRecord run() throws Exception;
    }

    private void underLoad(String what, String finalVersion, Change change) throws Exception {
        RolloutRecord record;
        LoadClients load = new LoadClients(haproxy.frontendPort(), CLIENTS);
        try (load) {
            Thread.sleep(300); // the clients are under way before the first replica changes
            record = change.run();
            Thread.sleep(300);
        }
        assertEquals(record.message(), Outcome.SUCCEEDED, record.outcome());
        System.out.println(what + ": " + load.total() + " requests by " + CLIENTS + " clients: " + load.answers());
        assertTrue("a real load: " + load.total() + " requests", load.total() > 200);
        assertEquals("failed requests of " + load.total() + " during " + what + " (" + load.answers() + "), first: "
                + load.firstFailures(), 0, load.failed());
        assertEquals(finalVersion, load.lastVersion());
    }
}
