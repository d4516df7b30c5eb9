package io.jenkins.plugins.containerrollout.core.swarm;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.containerrollout.core.deploy.LogMask;
import io.jenkins.plugins.containerrollout.core.record.ReplicaDiagnosis;
import java.util.ArrayList;
import java.util.List;

/**
 * Why the tasks of a swarm rollout failed, as the engine tells it: the task's state and error, its container's exit
 * code, and the last lines of its log where the engine can give them ({@code docker service ps --no-trunc} and
 * {@code docker service logs}, in the record). Swarm keeps a task's history after it ends, so this is read once the
 * rollout is over.
 */
final class TaskDiagnoses {
    /** Lines of a failed task's log a diagnosis keeps. */
    static final int LOG_LINES = 100;
    /** A rollout whose tasks crash-loop leaves many failed tasks: the newest few say it all. */
    static final int MAX_TASKS = 5;

    private TaskDiagnoses() {
    }

    static List<ReplicaDiagnosis> of(SwarmApi api, String app, List<JsonNode> failed, LogMask mask) {
        List<ReplicaDiagnosis> out = new ArrayList<>();
        for (JsonNode t : failed.subList(Math.max(0, failed.size() - MAX_TASKS), failed.size())) {
            JsonNode status = t.path("Status");
            String err = status.path("Err").asText("");
            JsonNode exit = status.path("ContainerStatus").path("ExitCode");
            List<String> lines = api.taskLogs(t.path("ID").asText(), LOG_LINES);
            boolean truncated = lines.size() > LOG_LINES;
            List<String> tail = lines.subList(Math.max(0, lines.size() - LOG_LINES), lines.size()).stream()
                    .map(mask::apply).toList();
            out.add(new ReplicaDiagnosis(app + "." + t.path("Slot").asInt() + "." + TaskEvents.shortId(t),
                    TaskEvents.revision(t), t.path("Slot").asInt(), System.currentTimeMillis(),
                    "task " + TaskEvents.state(t) + (err.isEmpty() ? "" : ": " + err),
                    exit.isMissingNode() || exit.isNull() ? null : exit.asLong(), null, err.isEmpty() ? null : err,
                    List.of(), tail, truncated));
        }
        return out;
    }
}
