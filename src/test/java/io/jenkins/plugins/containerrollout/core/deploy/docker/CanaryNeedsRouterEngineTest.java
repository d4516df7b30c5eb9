package io.jenkins.plugins.containerrollout.core.deploy.docker;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.containerrollout.core.ProgressSink;
import io.jenkins.plugins.containerrollout.core.deploy.DeployRequest;
import io.jenkins.plugins.containerrollout.core.record.Outcome;
import io.jenkins.plugins.containerrollout.core.record.RolloutRecord;
import io.jenkins.plugins.containerrollout.testing.Haproxy;
import io.jenkins.plugins.containerrollout.core.deploy.RolloutStrategy;
import io.jenkins.plugins.containerrollout.core.router.HaproxyRouter;
import org.junit.Test;

/** A canary needs a router that weights traffic; without one it is refused before any change. */
public class CanaryNeedsRouterEngineTest extends EngineTestBase {
    private DeployRequest canary() {
        return new DeployRequest(host, app, DeployFixture.spec(DeployFixture.image("1", true)), 1,
                CanaryFixture.portBase(app, 2), RolloutStrategy.named("canary"), DeployFixture.probe(), 10, null, null);
    }

    @Test
    public void canaryWithoutARouterIsRefusedBeforeAnythingChanges() {
        String message = assertThrows(IllegalArgumentException.class,
                () -> deployer.deploy(canary(), ProgressSink.NONE)).getMessage();
        assertTrue(message, message.startsWith("strategy: canary splits traffic by weight, so it needs a router"));
        assertEquals("", DeployFixture.containers(app));
    }

    /** Analysis reads the router's counters through its socket, or probes the canary: no frontend port is needed. */
    @Test
    public void canaryBehindARouterWithoutAFrontendPortRuns() throws Exception {
        DeployRequest v1 = CanaryFixture.request(host, app, DeployFixture.image("1", true), CanaryFixture.portBase(app, 5),
                "20:1", 0.9, 0, 20);
        try (Haproxy haproxy = Haproxy.start(app, v1.portBase() + 4, 8);
                DockerDeployer noFrontend = new DockerDeployer(host, new HaproxyRouter(haproxy.adminSocket()))) {
            assertEquals(Outcome.SUCCEEDED, noFrontend.deploy(v1, ProgressSink.NONE).outcome());
            RolloutRecord v2 = noFrontend.deploy(v1.withSpec(DeployFixture.spec(DeployFixture.image("2", true))),
                    ProgressSink.NONE);
            assertEquals(v2.message(), Outcome.SUCCEEDED, v2.outcome());
            assertEquals("a canary ran: its window is in the record", 1, v2.analysis().size());
        }
    }
}
