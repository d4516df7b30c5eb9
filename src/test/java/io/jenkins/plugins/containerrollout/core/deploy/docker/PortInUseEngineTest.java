package io.jenkins.plugins.containerrollout.core.deploy.docker;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.containerrollout.core.ProgressSink;
import io.jenkins.plugins.containerrollout.core.RequestException;
import io.jenkins.plugins.containerrollout.core.deploy.DeployRequest;
import io.jenkins.plugins.containerrollout.core.deploy.RolloutStrategy;
import io.jenkins.plugins.containerrollout.core.record.Outcome;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.Test;

/**
 * A port of the rollout's span that another process listens on refuses the deploy, naming portBase, before any
 * replica changes: the check runs on the listing taken under the lock, and the lock is released with the refusal.
 * The app's own replicas' ports are no conflict.
 */
public class PortInUseEngineTest extends EngineTestBase {
    private DeployRequest request(String version, int base) {
        return new DeployRequest(host, app, DeployFixture.spec(DeployFixture.image(version, true)), 2, base,
                RolloutStrategy.rolling("1", "0"), DeployFixture.probe(), 10, null, null);
    }

    @Test
    public void aPortHeldByAnotherProcessIsRefusedAndTheRunningVersionServesOn() throws Exception {
        int base = DeployFixture.portBase(app, 4);
        assertEquals(Outcome.SUCCEEDED, deployer.deploy(request("1", base), ProgressSink.NONE).outcome());

        // slot 2 is the update's surge slot (2 replicas, maxSurge 1: slots 0-1 serve, 2 and 3 may be taken)
        try (ServerSocket squatter = new ServerSocket(base + 2, 1, InetAddress.getLoopbackAddress())) {
            RequestException refused = assertThrows(RequestException.class,
                    () -> deployer.deploy(request("2", base), ProgressSink.NONE));
            assertTrue(refused.getMessage(), refused.getMessage().startsWith("portBase: port " + (base + 2)
                    + " (slot 2) is already in use by another process"));
            assertServes(1, 2, "1");
            assertNull("the lock was released", deployer.status(app).lockOwner());
            assertEquals("no revision 2 was recorded", 1, deployer.history(app).size());
        }

        assertEquals(Outcome.SUCCEEDED, deployer.deploy(request("2", base), ProgressSink.NONE).outcome());
        assertServes(2, 2, "2");
    }
}
