package io.jenkins.plugins.containerrollout.core.swarm;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.containerrollout.core.deploy.DeployRequest;
import io.jenkins.plugins.containerrollout.core.record.Outcome;
import io.jenkins.plugins.containerrollout.core.record.ReplicaDiagnosis;
import io.jenkins.plugins.containerrollout.core.record.RolloutRecord;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.Test;

/**
 * Why a swarm rollout failed (issue #14): a task whose process writes a line and exits 3 fails the update; the record
 * keeps the task's error, its exit code and the line from its log ({@code docker service logs}), a secret masked.
 */
public class SwarmDiagnosisEngineTest extends SwarmTestBase {
    @Override
    protected int firstPort() {
        return 37600;
    }

    @Test
    public void aFailedTaskLeavesItsErrorExitCodeAndLastLinesInTheRecord() throws Exception {
        deploy(images.v1());
        String unique = "swarm-died-" + UUID.randomUUID();
        DeployRequest r = SwarmFixture.request(host, app, images.v1(), 2, portBase());
        DeployRequest crashing = r.withSpec(r.spec().withEnv(Map.of("API_TOKEN", "tok-9f8e7d6c"))
                .withCommand(List.of("/bin/busybox"), List.of("sh", "-c",
                        "echo token $API_TOKEN; echo " + unique + "; sleep 1; exit 3")));
        RolloutRecord failed = swarm.deploy(crashing, SwarmFixture.SINK);

        assertEquals(failed.message(), Outcome.ROLLED_BACK, failed.outcome());
        assertFalse("a diagnosis per failed task: " + failed.message(), failed.diagnoses().isEmpty());
        ReplicaDiagnosis d = failed.diagnoses().get(failed.diagnoses().size() - 1);
        assertEquals(d.toString(), Long.valueOf(3), d.exitCode());
        assertEquals(d.toString(), 2, d.revision());
        assertTrue(d.toString(), d.reason().startsWith("task failed"));
        assertTrue("the task's log: " + d.logTail(), d.logTail().contains(unique));
        assertTrue("masked: " + d.logTail(), d.logTail().contains("token ****"));
        SwarmFixture.assertServes(swarm, app, 2, "1.0");
    }
}
