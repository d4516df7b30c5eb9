package io.jenkins.plugins.containerrollout.core.deploy.docker;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.containerrollout.core.ProgressSink;
import io.jenkins.plugins.containerrollout.core.deploy.DeployRequest;
import io.jenkins.plugins.containerrollout.core.deploy.RollbackRequest;
import io.jenkins.plugins.containerrollout.core.deploy.RolloutLockedException;
import io.jenkins.plugins.containerrollout.core.deploy.RolloutStrategy;
import io.jenkins.plugins.containerrollout.core.record.Outcome;
import io.jenkins.plugins.containerrollout.core.record.RolloutRecord;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.Test;

/** Rollouts of one application never interleave; a lock whose owner died does not block forever. */
public class RolloutLockEngineTest extends EngineTestBase {


    private DeployRequest request(int base, int minReadySeconds) {
        return new DeployRequest(host, app, DeployFixture.spec(DeployFixture.image("1", true)), 1, base,
                RolloutStrategy.rolling("1", "0").withMinReadySeconds(minReadySeconds), DeployFixture.probe(), 10,
                null, null);
    }

    @Test
    public void concurrentDeployOfTheSameAppIsRefusedWithAClearError() throws Exception {
        int base = DeployFixture.portBase(app, 3);
        try (DockerDeployer first = new DockerDeployer(host); DockerDeployer second = new DockerDeployer(host)) {
            CompletableFuture<RolloutRecord> running = CompletableFuture.supplyAsync(() -> {
                try {
                    return first.deploy(request(base, 3), ProgressSink.NONE);
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            long until = System.currentTimeMillis() + 10_000;
            while ((second.status(app).lockOwner() == null || second.history(app).isEmpty())
                    && System.currentTimeMillis() < until) {
                Thread.sleep(50);
            }
            assertNotNull("the first rollout holds the lock", second.status(app).lockOwner());

            RolloutLockedException refused = assertThrows(RolloutLockedException.class,
                    () -> second.deploy(request(base, 0), ProgressSink.NONE));
            assertTrue(refused.getMessage(), refused.getMessage().contains("app '" + app + "' is already being rolled out by"));
            assertThrows(RolloutLockedException.class,
                    () -> second.rollback(RollbackRequest.to(host, app, 1), ProgressSink.NONE));

            assertEquals(Outcome.SUCCEEDED, running.get(30, TimeUnit.SECONDS).outcome());
            assertEquals(null, second.status(app).lockOwner());
        }
    }

    @Test
    public void lockLeftByAProcessThatDiedIsTakenOver() throws Exception {
        int base = DeployFixture.portBase(app, 3);
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        String owner = HeldLocks.onThisHost(gone.pid());
        HeldLocks.write(app, owner, System.currentTimeMillis(), DeployFixture.image("1", true));
        try (DockerDeployer deployer = new DockerDeployer(host)) {
            assertEquals(owner, deployer.status(app).lockOwner());
            assertEquals(Outcome.SUCCEEDED, deployer.deploy(request(base, 0), ProgressSink.NONE).outcome());
            assertEquals(null, deployer.status(app).lockOwner());
        }
    }
}
