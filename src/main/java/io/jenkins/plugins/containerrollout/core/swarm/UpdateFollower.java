package io.jenkins.plugins.containerrollout.core.swarm;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.containerrollout.core.ProgressSink;
import io.jenkins.plugins.containerrollout.core.deploy.AppLabels;
import io.jenkins.plugins.containerrollout.core.record.TimelineEvent.Type;
import java.time.Duration;
import java.util.List;

/**
 * Follows one change of a service until Swarm settles it: polls the service ({@code UpdateStatus}) and its tasks,
 * feeding {@link TaskEvents}, and ends on the first of: every desired task of the target revision running (healthy)
 * with every other task told to stop, and the update state the change should end in; {@code paused} or
 * {@code rollback_paused}; an automatic rollback completed; a task of the target revision failing in a way no retry
 * mends ({@link TaskEvents#permanent}), at once with the engine's error; or the progress deadline (no task got ready
 * for that long).
 */
final class UpdateFollower {
    /** How an observed change ended. */
    enum End { CONVERGED, ROLLED_BACK, PAUSED, ROLLBACK_PAUSED, TASK_FAILED, DEADLINE }

    /** The end, the update message Swarm gave, and the revision the service runs now. */
    record Result(End end, String message, int revision) {
    }

    /** How long Swarm's own failure action has to act on a task that failed for good during an update. */
    static final Duration SWARM_FIRST_SAY = Duration.ofSeconds(5);

    private final SwarmApi api;
    private final TaskEvents events;
    private final String app;
    private final Duration poll;

    UpdateFollower(SwarmApi api, TaskEvents events, String app, Duration poll) {
        this.api = api;
        this.events = events;
        this.app = app;
        this.poll = poll;
    }

    /**
     * @param target        the revision the change aims at
     * @param replicas      desired tasks
     * @param expectedState the update state the change ends in ({@code completed}, {@code rollback_completed}), or
     *                      null when Swarm runs no update (a new service, scaling)
     * @param since         when the change was sent (older update states are stale)
     * @param deadline      longest stretch without a task getting ready
     */
    Result follow(int target, int replicas, String expectedState, long since, Duration deadline)
            throws InterruptedException {
        long lastProgress = System.currentTimeMillis();
        long failedSince = 0;
        int readySeen = 0;
        String lastState = null;
        while (true) {
            JsonNode service = api.service(app).orElseThrow(() -> new SwarmException("service " + app
                    + " disappeared during the rollout", 404));
            List<JsonNode> tasks = api.tasks(app);
            long now = System.currentTimeMillis();
            events.observe(tasks, now);
            JsonNode status = service.path("UpdateStatus");
            String state = status.path("State").asText("");
            boolean fresh = TaskEvents.parse(status.path("StartedAt").asText(null), 0) >= since - 1000;
            String message = status.path("Message").asText("");
            int serviceRevision = service.path("Spec").path("Labels").path(AppLabels.REVISION).asInt(0);
            if (fresh && !state.equals(lastState)) {
                lastState = state;
                events.app(state.equals("rollback_started") ? Type.ROLLBACK_STARTED : Type.PHASE, serviceRevision,
                        "swarm update " + state + (message.isEmpty() ? "" : ": " + message));
            }
            boolean settled = expectedState == null || (fresh && state.equals(expectedState));
            if (settled && converged(tasks, target, replicas)) {
                return new Result(End.CONVERGED, message, target);
            }
            if (fresh && "completed".equals(expectedState) && state.equals("rollback_completed")
                    && serviceRevision != target && converged(tasks, serviceRevision, replicas)) {
                return new Result(End.ROLLED_BACK, message, serviceRevision);
            }
            if (fresh && state.equals("paused")) {
                return new Result(End.PAUSED, message, serviceRevision);
            }
            if (fresh && state.equals("rollback_paused")) {
                return new Result(End.ROLLBACK_PAUSED, message, serviceRevision);
            }
            // once Swarm rolls an update back itself, its rollback (to other tasks) is what to follow
            boolean swarmRollingBack = fresh && state.startsWith("rollback") && !"rollback_completed".equals(expectedState);
            var failed = events.permanentFailure(target);
            if (failed.isPresent() && !swarmRollingBack) {
                failedSince = failedSince == 0 ? now : failedSince;
                // a running update has Swarm's failure action, which acts within moments: acting at the same time
                // would race it (two rollbacks swap the failed spec back in); a new service or a scale has none
                if (expectedState == null || now - failedSince > SWARM_FIRST_SAY.toMillis()) {
                    return new Result(End.TASK_FAILED, failed.get(), serviceRevision);
                }
            }
            int ready = (int) events.events().stream().filter(e -> e.type() == Type.READY).count();
            if (ready > readySeen) {
                readySeen = ready;
                lastProgress = now;
            }
            if (now - lastProgress > deadline.toMillis()) {
                return new Result(End.DEADLINE, "no task got ready for " + deadline.toSeconds() + " s", serviceRevision);
            }
            Thread.sleep(poll.toMillis());
        }
    }

    /**
     * Waits (bounded) until no task told to stop still runs. A rollout ends once replaced tasks were told to stop, as
     * the CLI's does; the next one waits here, because its new tasks may take the ports those tasks still hold.
     */
    void awaitReplacedTasksExited(Duration bound, ProgressSink sink) throws InterruptedException {
        long end = System.currentTimeMillis() + bound.toMillis();
        boolean said = false;
        while (true) {
            long left = api.tasks(app).stream().filter(UpdateFollower::stopping).count();
            if (left == 0) {
                return;
            }
            if (System.currentTimeMillis() > end) {
                throw new SwarmException("service " + app + ": " + left + " replaced task(s) still run "
                        + bound.toSeconds() + " s after they were told to stop; check the node's engine", 0);
            }
            if (!said) {
                sink.line(app + ": waiting for " + left + " replaced task(s) to exit");
                said = true;
            }
            Thread.sleep(poll.toMillis());
        }
    }

    private static boolean stopping(JsonNode t) {
        String desired = t.path("DesiredState").asText();
        String state = TaskEvents.state(t);
        return !desired.equals("running") && (state.equals("running") || state.equals("starting"));
    }

    /**
     * Exactly {@code replicas} tasks of {@code revision} run (healthy), and every task of another revision has been
     * told to stop (as {@code docker service update} judges convergence; their exit is recorded when seen).
     */
    static boolean converged(List<JsonNode> tasks, int revision, int replicas) {
        int ours = 0;
        for (JsonNode t : tasks) {
            boolean running = TaskEvents.state(t).equals("running");
            boolean wanted = t.path("DesiredState").asText().equals("running");
            if (TaskEvents.revision(t) == revision) {
                ours += running && wanted ? 1 : 0;
            } else if (running && wanted) {
                return false;
            }
        }
        return ours == replicas;
    }
}
