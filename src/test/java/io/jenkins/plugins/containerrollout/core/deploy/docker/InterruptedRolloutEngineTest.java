package io.jenkins.plugins.containerrollout.core.deploy.docker;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.containerrollout.core.deploy.AppPhase;
import io.jenkins.plugins.containerrollout.core.ProgressSink;
import io.jenkins.plugins.containerrollout.core.deploy.AppLabels;
import io.jenkins.plugins.containerrollout.core.deploy.AppStatus;
import io.jenkins.plugins.containerrollout.core.deploy.DeployRequest;
import io.jenkins.plugins.containerrollout.core.deploy.RolloutStrategy;
import io.jenkins.plugins.containerrollout.core.record.Outcome;
import io.jenkins.plugins.containerrollout.core.record.RolloutRecord;
import io.jenkins.plugins.containerrollout.testing.TestBed;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.Test;

/** A rollout cut short (interrupted thread, or replicas killed as by an engine restart) converges on the next call. */
public class InterruptedRolloutEngineTest extends EngineTestBase {


    private DeployRequest request(String version, int base) {
        return new DeployRequest(host, app, DeployFixture.spec(DeployFixture.image(version, true)), 3, base,
                RolloutStrategy.rolling("1", "0").withBatchDelay(java.time.Duration.ofMillis(500)),
                DeployFixture.probe(), 10, null, null);
    }

    @Test
    public void interruptedRolloutLeavesAMixThatTheNextDeployConvergesFrom() throws Exception {
        int base = DeployFixture.portBase(app, 4);
        deployer.deploy(request("1", base), ProgressSink.NONE);
        CountDownLatch firstNewReady = new CountDownLatch(1);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread rollout = new Thread(() -> {
            try {
                deployer.deploy(request("2", base), line -> {
                    if (line.startsWith(app + ": ready " + app + ".r2.")) {
                        firstNewReady.countDown();
                    }
                });
            } catch (Throwable t) {
                thrown.set(t);
            }
        });
        rollout.start();
        assertTrue(firstNewReady.await(20, TimeUnit.SECONDS));
        rollout.interrupt();
        rollout.join(20_000);

        assertTrue("the deploy ended with an InterruptedException: " + thrown.get(),
                thrown.get() instanceof InterruptedException);
        AppStatus mid = deployer.status(app);
        assertEquals(AppPhase.PROGRESSING, mid.phase());
        assertNull("the lock was released", mid.lockOwner());
        assertTrue("a mix of revisions runs: " + mid.replicas(), mid.replicas().stream()
                .filter(AppStatus.Replica::running).map(AppStatus.Replica::revision).distinct().count() == 2);

        RolloutRecord next = deployer.deploy(request("2", base), System.out::println);

        assertEquals(next.message(), Outcome.SUCCEEDED, next.outcome());
        assertEquals("the interrupted revision is re-used", 2, next.toRevision());
        AppStatus end = deployer.status(app);
        assertEquals(AppPhase.COMPLETE, end.phase());
        assertEquals(3, end.readyReplicas());
        // revision 1's last replicas may still be stopping: the deploy returned once they were told to
        assertTrue(end.replicas().toString(), end.replicas().stream().filter(AppStatus.Replica::running)
                .allMatch(r -> r.revision() == 2 || r.detail().equals("stopping: replaced by revision 2")));
        assertEquals(2, deployer.history(app).size());
    }

    @Test
    public void replicasKilledUnderneathAreRestartedByTheNextDeploy() throws Exception {
        int base = DeployFixture.portBase(app, 4);
        deployer.deploy(request("1", base), ProgressSink.NONE);
        String running = TestBed.docker("ps", "-q", "--filter", "label=" + AppLabels.APP + "=" + app).trim();
        TestBed.docker(("kill " + running.replace('\n', ' ')).split(" "));

        RolloutRecord next = deployer.deploy(request("1", base), System.out::println);

        assertEquals(next.message(), Outcome.SUCCEEDED, next.outcome());
        assertEquals(1, next.toRevision());
        assertEquals(3, deployer.status(app).readyReplicas());
    }
}
