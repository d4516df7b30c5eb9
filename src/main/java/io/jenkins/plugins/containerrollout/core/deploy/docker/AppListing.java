package io.jenkins.plugins.containerrollout.core.deploy.docker;

import static io.jenkins.plugins.containerrollout.core.deploy.AppLabels.*;

import com.github.dockerjava.api.command.InspectVolumeResponse;
import com.github.dockerjava.api.model.Container;
import io.jenkins.plugins.containerrollout.core.deploy.AppStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One listing of an application's containers (its revision records, lock and replicas) and volumes (its state
 * entries), and its status read from it: whoever listed them (docker-java, or the command line's quick {@code GET}),
 * status answers the same.
 *
 * <p>Usage: {@code AppStatus s = AppListing.of(engine.containers(app), engine.volumes(app)).status(app, checker);}
 */
final class AppListing {
    /**
     * One container (or volume: never running, its name as its id) as the engine's listing shows it;
     * {@code engineStatus} is the listing's status text ({@code Exited (137) 2 seconds ago}, as {@code docker ps}
     * shows it), null for a volume.
     */
    record Entry(String id, String name, Map<String, String> labels, boolean running, String engineStatus) {
        boolean hasRole(String role) {
            return role.equals(labels.get(ROLE));
        }
    }

    /** The exit code in a listing's status text ({@code Exited (137) 2 seconds ago}). */
    private static final Pattern EXITED = Pattern.compile("^Exited \\((-?\\d+)\\)");

    private final List<Entry> all;

    AppListing(List<Entry> all) {
        this.all = all;
    }

    /** A docker-java listing ({@link AppEngine#containers(String)}, {@link AppEngine#volumes(String)}). */
    static AppListing of(List<Container> containers, List<InspectVolumeResponse> volumes) {
        List<Entry> all = new ArrayList<>();
        containers.forEach(c -> all.add(new Entry(c.getId(), AppEngine.name(c), c.getLabels(),
                "running".equals(c.getState()), c.getStatus())));
        volumes.forEach(v -> all.add(volume(v.getName(), v.getLabels())));
        return new AppListing(all);
    }

    /** A volume of the application as an entry. */
    static Entry volume(String name, Map<String, String> labels) {
        return new Entry(name, name, labels == null ? Map.of() : labels, false, null);
    }

    AppState state() {
        return all.stream().filter(e -> e.hasRole(ROLE_STATE)).map(e -> AppState.fromLabels(e.labels()))
                .max(Comparator.comparingLong(AppState::seq)).orElse(AppState.none());
    }

    List<ReplicaRef> replicas() {
        return replicaEntries().stream().map(AppListing::replica).toList();
    }

    private List<Entry> replicaEntries() {
        return all.stream().filter(e -> e.hasRole(ROLE_REPLICA)).toList();
    }

    private static ReplicaRef replica(Entry e) {
        return AppEngine.replica(e.id(), e.name(), e.labels(), e.running());
    }

    /** How each recorded revision's replicas are checked, from the record's labels (its spec is not read). */
    Map<Integer, HealthRule> healthRules() {
        Map<Integer, HealthRule> rules = new TreeMap<>();
        all.stream().filter(e -> e.hasRole(ROLE_REVISION)).forEach(e -> rules.put(Integer.parseInt(e.labels().get(REVISION)),
                new HealthRule.Of(e.labels().get(HEALTH_PATH), Boolean.parseBoolean(e.labels().get(ENGINE_HEALTH)))));
        return rules;
    }

    Optional<String> lockOwner() {
        return all.stream().filter(e -> e.hasRole(ROLE_LOCK)).findFirst().map(e -> e.labels().get(OWNER));
    }

    /**
     * Desired and ready replicas now (one check per running replica, {@code checker} over {@link #healthRules()}),
     * the last phase, the lock's owner and where a paused rollout holds.
     */
    AppStatus status(String app, ReplicaCheck checker) {
        AppState state = state();
        List<AppStatus.Replica> replicas = new ArrayList<>();
        List<Integer> serving = new ArrayList<>();
        for (Entry e : replicaEntries()) {
            ReplicaRef r = replica(e);
            if (r.running() && state.toldToStop(r.revision())) {
                // the last rollout took it out of traffic and told it to stop; its grace period is not over yet
                replicas.add(new AppStatus.Replica(r.name(), r.revision(), r.slot(), r.port(), true, false,
                        "stopping: replaced by revision " + state.servingIfComplete()));
                continue;
            }
            // the listing says it runs: an HTTP probe needs no inspect (a HEALTHCHECK status does)
            ReplicaCheck.Check c = r.running() ? checker.check(r, true) : null;
            boolean ready = c != null && c.result().ok();
            if (ready) {
                serving.add(r.port());
            }
            replicas.add(new AppStatus.Replica(r.name(), r.revision(), r.slot(), r.port(), r.running(), ready,
                    c == null ? stoppedDetail(e.engineStatus()) : c.result().detail()));
        }
        serving.sort(null);
        PausedRollout paused = state.paused() == null ? null : Pauses.readable(state, line -> { });
        return new AppStatus(app, state.phase(), state.stable(), state.target(), state.replicas(), serving.size(),
                serving, replicas, lockOwner().orElse(null), state.router() == null ? null : state.router().describe(),
                paused == null ? null : paused.info());
    }

    /**
     * A replica that does not run: kept for a rollback, with the exit the engine recorded for it (a replaced replica
     * that ignored SIGTERM shows 137, SIGKILL at the end of its stop timeout), or without one when it never started
     * (created ahead of a batch that did not come).
     */
    static String stoppedDetail(String engineStatus) {
        Matcher exited = engineStatus == null ? null : EXITED.matcher(engineStatus);
        return exited != null && exited.find() ? "stopped (kept), exited with code " + exited.group(1)
                : "stopped (kept)";
    }
}
