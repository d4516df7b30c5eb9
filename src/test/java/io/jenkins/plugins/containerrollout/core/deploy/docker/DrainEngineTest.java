package io.jenkins.plugins.containerrollout.core.deploy.docker;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.containerrollout.core.ProgressSink;
import io.jenkins.plugins.containerrollout.core.deploy.DeployRequest;
import io.jenkins.plugins.containerrollout.core.deploy.RolloutStrategy;
import io.jenkins.plugins.containerrollout.core.record.Outcome;
import io.jenkins.plugins.containerrollout.core.record.RolloutRecord;
import io.jenkins.plugins.containerrollout.core.router.HaproxyRouter;
import io.jenkins.plugins.containerrollout.testing.Haproxy;
import java.util.List;
import org.junit.Test;

/**
 * Requests that take a second each, in flight while a rolling update replaces the replicas behind HAProxy (no retries,
 * as a router users already run may be): every one of them finishes, because a replica taken out of the routing
 * stops only once the router reports nothing in flight to it ({@code scur}). A fixed pause cut them.
 */
public class DrainEngineTest extends EngineTestBase {
    @Test
    public void slowRequestsInFlightFinishBeforeTheirReplicaStops() throws Exception {
        int base = DeployFixture.portBase(app, 5);
        try (Haproxy haproxy = Haproxy.startWithoutRetries(app, base + 4, 8);
                DockerDeployer routed = new DockerDeployer(host, new HaproxyRouter(haproxy.adminSocket(), base + 4))) {
            DeployRequest v1 = new DeployRequest(host, app, DeployFixture.spec(DeployFixture.image("1", true)), 2, base,
                    RolloutStrategy.rolling("1", "0"), DeployFixture.probe(), 10, null, null);
            assertEquals(Outcome.SUCCEEDED, routed.deploy(v1, ProgressSink.NONE).outcome());
            RolloutRecord v2;
            List<Integer> statuses;
            try (ClientLoad clients = new ClientLoad(base + 4, "/cgi-bin/slow", 4, 30)) {
                Thread.sleep(500); // slow requests on their way before the first replica is taken out
                v2 = routed.deploy(v1.withSpec(DeployFixture.spec(DeployFixture.image("2", true))),
                        System.out::println);
                Thread.sleep(1500); // and the last ones sent finish
                statuses = clients.statuses();
            }
            assertEquals(v2.message(), Outcome.SUCCEEDED, v2.outcome());
            assertTrue("clients were in flight: " + statuses.size(), statuses.size() >= 8);
            assertEquals("every slow request finished: " + statuses, List.of(200),
                    statuses.stream().distinct().toList());
        }
    }
}
