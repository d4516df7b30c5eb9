package io.jenkins.plugins.containerrollout.core.swarm;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.containerrollout.core.deploy.AppLabels;
import java.util.List;
import java.util.Optional;
import org.junit.Test;

/** Which task failures end a rollout at once (the errors are the engine's own, as {@code docker service ps} shows). */
public class TaskEventsTest {
    private static JsonNode task(String id, int revision, String state, String err) {
        ObjectNode t = SwarmApi.JSON.createObjectNode().put("ID", id).put("Slot", 1).put("DesiredState", "running");
        t.putObject("Status").put("State", state).put("Err", err);
        t.putObject("Spec").putObject("ContainerSpec").putObject("Labels").put(AppLabels.REVISION, String.valueOf(revision));
        return t;
    }

    @Test
    public void aProcessTheEngineCouldNotStartIsPermanent() {
        assertTrue(TaskEvents.permanent(task("a", 2, "failed", "starting container failed: failed to create shim task: "
                + "OCI runtime create failed: runc create failed: unable to start container process: exec: \"/nope\": "
                + "stat /nope: no such file or directory: unknown")));
    }

    @Test
    public void aTaskTheNodeRejectedIsPermanent() {
        assertTrue(TaskEvents.permanent(task("a", 2, "rejected", "No such image: 127.0.0.1:5000/web@sha256:0")));
    }

    @Test
    public void aProcessThatRanAndExitedOrWentUnhealthyIsLeftToSwarmsPolicy() {
        assertFalse(TaskEvents.permanent(task("a", 2, "failed", "task: non-zero exit (1)")));
        assertFalse(TaskEvents.permanent(task("b", 2, "failed", "task: non-zero exit (137): dockerexec: unhealthy "
                + "container")));
    }

    @Test
    public void theFirstPermanentFailureOfTheRevisionIsKeptWithTheEnginesError() {
        TaskEvents events = new TaskEvents("web", line -> { });
        events.observe(List.of(task("aaaaaaaaaaaaaaaa", 2, "failed", "task: non-zero exit (1)"),
                task("bbbbbbbbbbbbbbbb", 2, "rejected", "No such image: web@sha256:0")), 0);
        events.observe(List.of(task("cccccccccccccccc", 2, "rejected", "later")), 0);
        assertEquals(Optional.of("task bbbbbbbbbbbb rejected: No such image: web@sha256:0"), events.permanentFailure(2));
        assertEquals(Optional.empty(), events.permanentFailure(1));
        assertEquals(Optional.of("task cccccccccccc rejected: later"), events.lastFailure(2));
    }
}
