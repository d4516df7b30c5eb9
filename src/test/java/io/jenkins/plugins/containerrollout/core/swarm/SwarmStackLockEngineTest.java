package io.jenkins.plugins.containerrollout.core.swarm;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.containerrollout.core.deploy.AppDeployer;
import io.jenkins.plugins.containerrollout.core.deploy.RolloutLockedException;
import io.jenkins.plugins.containerrollout.core.engine.DockerHost;
import io.jenkins.plugins.containerrollout.testing.TestBed;
import org.junit.Test;

/** A stack's lock on a swarm: a config on the manager, so a second stack command of the project is refused. */
public class SwarmStackLockEngineTest {
    private final DockerHost host = SwarmFixture.host();
    private final String project = TestBed.unique("swlock");

    @Test
    public void aSecondStackCommandIsRefusedWhileTheFirstHoldsTheLock() {
        try (SwarmDeployer swarm = new SwarmDeployer(host, null)) {
            try (AppDeployer.StackLock held = swarm.lockStack(project, null)) {
                RolloutLockedException refused = assertThrows(RolloutLockedException.class,
                        () -> swarm.lockStack(project, null));
                assertTrue(refused.getMessage(), refused.getMessage().startsWith("stack '" + project
                        + "' is already being rolled out by "));
            }
            try (AppDeployer.StackLock again = swarm.lockStack(project, null)) {
                assertEquals("released, then taken again", 1, SwarmFixture.swarmCli(host, "config", "ls", "-q",
                        "--filter", "name=" + project + ".stack.lock").trim().lines().count());
            }
            assertEquals("released: nothing left", "", SwarmFixture.swarmCli(host, "config", "ls", "-q", "--filter",
                    "name=" + project + ".stack.lock").trim());
        }
    }
}
