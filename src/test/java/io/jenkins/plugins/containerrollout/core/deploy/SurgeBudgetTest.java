package io.jenkins.plugins.containerrollout.core.deploy;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.github.dockerjava.api.DockerClient;
import io.jenkins.plugins.containerrollout.core.engine.DockerClientFactory;
import io.jenkins.plugins.containerrollout.core.record.Outcome;
import io.jenkins.plugins.containerrollout.core.record.RolloutRecord;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.Test;

/**
 * The pipelined rolling update (replaced replicas stop in the background while the next batch is prepared) still
 * never runs more containers than {@code desired + maxSurge}: watched from outside, through the engine's own listing.
 */
public class SurgeBudgetTest extends EngineTestBase {

    @Test
    public void pipelinedBatchesNeverRunMoreThanDesiredPlusMaxSurge() throws Exception {
        int base = DeployFixture.portBase(app, 6, 39000, 39999);
        DeployRequest v1 = new DeployRequest(host, app, DeployFixture.spec(DeployFixture.image("1", true)), 4, base,
                RolloutStrategy.rolling("1", "0"), DeployFixture.probe(), 10, null, null);
        assertEquals(Outcome.SUCCEEDED, deployer.deploy(v1, System.out::println).outcome());

        AtomicInteger most = new AtomicInteger();
        AtomicInteger samples = new AtomicInteger();
        AtomicBoolean done = new AtomicBoolean();
        RolloutRecord record;
        DockerClient docker = DockerClientFactory.DEFAULT.create(host);
        Thread watcher = new Thread(() -> {
            while (!done.get()) {
                int running = docker.listContainersCmd().withLabelFilter(Map.of(AppLabels.APP, app,
                        AppLabels.ROLE, AppLabels.ROLE_REPLICA)).withStatusFilter(List.of("running")).exec().size();
                most.accumulateAndGet(running, Math::max);
                samples.incrementAndGet();
            }
        });
        try {
            watcher.start();
            record = deployer.deploy(v1.withSpec(DeployFixture.spec(DeployFixture.image("2", true))),
                    System.out::println);
        } finally {
            done.set(true);
            watcher.join(10_000);
            DockerClientFactory.closeQuietly(docker);
        }
        assertEquals(record.message(), Outcome.SUCCEEDED, record.outcome());
        assertTrue("the engine was watched (" + samples.get() + " listings)", samples.get() > 10);
        assertTrue("running replicas never above 4 + maxSurge 1; saw " + most.get(), most.get() <= 5);
        assertEquals("the surge replica did run", 5, most.get());
        assertServes(2, 4, "2");
    }
}
