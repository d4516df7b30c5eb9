package io.jenkins.plugins.containerrollout.core.swarm;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.containerrollout.core.ProgressSink;
import io.jenkins.plugins.containerrollout.core.deploy.AppLabels;
import io.jenkins.plugins.containerrollout.core.record.TimelineEvent;
import io.jenkins.plugins.containerrollout.core.record.TimelineEvent.Type;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns successive task lists of one service into timeline events, one per task and state it reached: {@code starting}
 * → STARTED, {@code running} (which, with a HEALTHCHECK, Swarm reports only once the container is healthy) → READY,
 * {@code failed}/{@code rejected} → FAILED, {@code shutdown}/{@code complete}/{@code orphaned}/{@code remove} after
 * starting, or a running task told to shut down → STOPPED (once per task). Event times are the task's own status timestamps when the state is the one seen, so the
 * timeline lines up with {@code docker service ps} whatever the polling interval.
 */
final class TaskEvents {
    private final List<JsonNode> failedTasks = new java.util.ArrayList<>();
    private static final List<String> ORDER = List.of("new", "pending", "assigned", "accepted", "preparing", "ready",
            "starting", "running", "complete", "shutdown", "failed", "rejected", "remove", "orphaned");

    private final String app;
    private final ProgressSink sink;
    private final List<TimelineEvent> events = new ArrayList<>();
    private final Map<String, Integer> reached = new HashMap<>();
    private final Set<String> ended = new HashSet<>();
    private final Map<Integer, String> permanent = new HashMap<>();

    TaskEvents(String app, ProgressSink sink) {
        this.app = app;
        this.sink = sink;
    }

    /** Tasks running before the rollout: its starting point (SERVING), so their later states are followed too. */
    void baseline(List<JsonNode> tasks, long now) {
        for (JsonNode t : tasks) {
            String state = state(t);
            reached.put(id(t), rank(state));
            if (state.equals("running") && "running".equals(t.path("DesiredState").asText())) {
                add(now, Type.SERVING, t, "task " + shortId(t) + " running");
            }
        }
    }

    /** Records what changed since the last call. */
    void observe(List<JsonNode> tasks, long now) {
        for (JsonNode t : tasks) {
            String state = state(t);
            int rank = rank(state);
            Integer before = reached.get(id(t));
            int was = before == null ? -1 : before;
            int starting = rank("starting");
            int running = rank("running");
            if (rank > was) {
                reached.put(id(t), rank);
                long at = timestamp(t, now);
                if (was < starting && rank >= starting) {
                    add(rank == starting ? at : createdAt(t, at), Type.STARTED, t, "task " + shortId(t) + " starting");
                }
                if (rank == running) {
                    add(at, Type.READY, t, "task " + shortId(t) + " running (healthy)");
                } else if (state.equals("failed") || state.equals("rejected")) {
                    String err = t.path("Status").path("Err").asText("");
                    end(at, Type.FAILED, t, "task " + shortId(t) + " " + state + (err.isEmpty() ? "" : ": " + err));
                    failedTasks.add(t);
                    if (permanent(t)) {
                        permanent.putIfAbsent(revision(t), "task " + shortId(t) + " " + state + ": " + err);
                    }
                } else if (rank > running && Math.max(was, rank) >= starting) {
                    end(at, Type.STOPPED, t, "task " + shortId(t) + " " + state);
                }
            }
            // told to stop while it still runs: it leaves the serving set now (a router would drain it), so the run
            // state counts it out from here, and the rollout need not wait for its container to exit
            String desired = t.path("DesiredState").asText("running");
            if (rank == running && (desired.equals("shutdown") || desired.equals("remove"))) {
                end(parse(t.path("UpdatedAt").asText(null), now), Type.STOPPED, t, "task " + shortId(t)
                        + " told to shut down");
            }
        }
    }

    /**
     * The first failure seen since the baseline of a task of {@code revision} that no retry can mend, if any: the
     * engine could not start the process, or the node rejected the task.
     */
    synchronized Optional<String> permanentFailure(int revision) {
        return Optional.ofNullable(permanent.get(revision));
    }

    /**
     * A failure every new task of the same spec meets again: the node rejected the task (no such image, an invalid
     * mount) or the engine could not start its process ({@code starting container failed: ... exec: "/app": stat
     * /app: no such file or directory}, a missing or non-executable entrypoint). Swarm would retry it until the
     * progress deadline; a process that ran and exited, or a task that went unhealthy, is left to Swarm's failure
     * policy instead ({@code MaxFailureRatio}, {@code Monitor}).
     */
    static boolean permanent(JsonNode task) {
        String state = state(task);
        String err = task.path("Status").path("Err").asText("");
        return state.equals("rejected") || (state.equals("failed") && err.startsWith("starting container failed"));
    }

    /** The detail of the last FAILED event of a task of {@code revision} (the engine's error), if any. */
    synchronized Optional<String> lastFailure(int revision) {
        return events.stream().filter(e -> e.type() == Type.FAILED && e.revision() == revision)
                .reduce((a, b) -> b).map(TimelineEvent::detail);
    }

    /** A task's last event: FAILED or STOPPED, once. */
    private void end(long at, Type type, JsonNode t, String detail) {
        if (ended.add(id(t))) {
            add(at, type, t, detail);
        }
    }

    synchronized void app(Type type, int revision, String detail) {
        events.add(TimelineEvent.app(System.currentTimeMillis(), type, revision, detail));
        sink.line(app + ": " + detail);
    }

    /** The tasks seen failing or rejected since the baseline, in the order seen. */
    synchronized List<JsonNode> failedTasks() {
        return List.copyOf(failedTasks);
    }

    synchronized List<TimelineEvent> events() {
        return List.copyOf(events);
    }

    private synchronized void add(long at, Type type, JsonNode t, String detail) {
        int slot = t.path("Slot").asInt();
        int port = port(t, slot);
        events.add(new TimelineEvent(at, type, revision(t), slot, port, detail));
        sink.line(app + ": " + type.name().toLowerCase() + " " + app + "." + slot + " r" + revision(t)
                + " on 127.0.0.1:" + port + " (" + detail + ")");
    }

    static int revision(JsonNode task) {
        return task.path("Spec").path("ContainerSpec").path("Labels").path(AppLabels.REVISION).asInt(0);
    }

    /** The port the task's wrapper computed, from the environment it was given. */
    static int port(JsonNode task, int slot) {
        int base = 0;
        int bank = 0;
        for (JsonNode e : task.path("Spec").path("ContainerSpec").path("Env")) {
            String kv = e.asText();
            if (kv.startsWith(SwarmLabels.ENV_PORT_BASE + "=")) {
                base = Integer.parseInt(kv.substring(kv.indexOf('=') + 1));
            } else if (kv.startsWith(SwarmLabels.ENV_PORT_BANK + "=")) {
                bank = Integer.parseInt(kv.substring(kv.indexOf('=') + 1));
            }
        }
        return base == 0 ? 0 : ServiceSpecs.port(base, bank, slot);
    }

    static String state(JsonNode task) {
        return task.path("Status").path("State").asText("new");
    }

    private static int rank(String state) {
        int i = ORDER.indexOf(state);
        return i < 0 ? 0 : i;
    }

    private static String id(JsonNode t) {
        return t.path("ID").asText();
    }

    static String shortId(JsonNode t) {
        String id = id(t);
        return id.length() > 12 ? id.substring(0, 12) : id;
    }

    private static long timestamp(JsonNode t, long fallback) {
        return parse(t.path("Status").path("Timestamp").asText(null), fallback);
    }

    private static long createdAt(JsonNode t, long fallback) {
        return Math.min(fallback, parse(t.path("CreatedAt").asText(null), fallback));
    }

    static long parse(String rfc3339, long fallback) {
        try {
            return rfc3339 == null ? fallback : Instant.parse(rfc3339).toEpochMilli();
        } catch (RuntimeException e) {
            return fallback;
        }
    }
}
