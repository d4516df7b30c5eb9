package io.jenkins.plugins.containerrollout.core.deploy.docker;

import static io.jenkins.plugins.containerrollout.core.deploy.AppLabels.*;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.github.dockerjava.api.model.Container;
import io.jenkins.plugins.containerrollout.core.deploy.AppLabels;
import io.jenkins.plugins.containerrollout.core.deploy.ReplicaSpec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Reads and writes the application's records in the engine: revision records (the replica spec as JSON in a label)
 * and the state log, and prunes what the history limit no longer keeps.
 */
final class EngineState {
    private static final ObjectMapper JSON = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
    /** State entries kept behind the current one: enough to read a history of phases, few enough to stay small. */
    private static final int STATE_LOG_KEPT = 3;

    private final AppEngine engine;

    EngineState(AppEngine engine) {
        this.engine = engine;
    }

    /** Kept revisions, ascending. */
    List<Revision> revisions(String app) {
        return engine.containers(app, ROLE_REVISION).stream().map(c -> revision(c.getLabels()))
                .sorted(Comparator.comparingInt(Revision::number)).toList();
    }

    AppState state(String app) {
        return latest(engine.containers(app, ROLE_STATE));
    }

    /**
     * The state and the kept revisions (ascending) of an application, from one listing of its containers.
     *
     * @param stateEntries the state entries listed, for {@link #writeState(String, AppState, String, Snapshot)}
     */
    record Snapshot(AppState state, List<Revision> revisions, List<Container> stateEntries) {
    }

    Snapshot snapshot(String app) {
        List<Container> all = engine.containers(app);
        List<Container> states = withRole(all, ROLE_STATE);
        return new Snapshot(latest(states), withRole(all, ROLE_REVISION).stream().map(c -> revision(c.getLabels()))
                .sorted(Comparator.comparingInt(Revision::number)).toList(), states);
    }

    /**
     * Appends a state entry after a {@link #snapshot} taken under the lock, pruning from that snapshot's listing
     * (nobody else writes one meanwhile).
     */
    void writeState(String app, AppState next, String imageId, Snapshot read) {
        create(app, next, imageId);
        prune(read.stateEntries(), next.seq());
    }

    /**
     * Appends the state entry {@code step} makes of the latest one, and prunes old entries, on one listing of the
     * state entries (the caller holds the lock: nobody else writes one meanwhile).
     */
    void advanceState(String app, UnaryOperator<AppState> step, String imageId) {
        List<Container> entries = engine.containers(app, ROLE_STATE);
        AppState next = step.apply(latest(entries));
        create(app, next, imageId);
        prune(entries, next.seq());
    }

    private static AppState latest(List<Container> stateEntries) {
        return stateEntries.stream().map(c -> AppState.fromLabels(c.getLabels())).max(Comparator.comparingLong(AppState::seq))
                .orElse(AppState.none());
    }

    private static List<Container> withRole(List<Container> all, String role) {
        return all.stream().filter(c -> role.equals(c.getLabels().get(ROLE))).toList();
    }

    /** Appends a state entry (a new uniquely named container: two writers cannot both win) and prunes old ones. */
    void writeState(String app, AppState next, String imageId) {
        create(app, next, imageId);
        prune(engine.containers(app, ROLE_STATE), next.seq());
    }

    private void prune(List<Container> stateEntries, long newest) {
        for (Container c : stateEntries) {
            if (Long.parseLong(c.getLabels().get(SEQ)) < newest - STATE_LOG_KEPT) {
                engine.remove(c.getId());
            }
        }
    }

    private void create(String app, AppState next, String imageId) {
        Map<String, String> l = base(app, ROLE_STATE);
        l.put(SEQ, String.valueOf(next.seq()));
        l.put(STABLE, String.valueOf(next.stable()));
        l.put(TARGET, String.valueOf(next.target()));
        l.put(PHASE, next.phase().name());
        l.put(REPLICAS, String.valueOf(next.replicas()));
        l.put(PORT_BASE, String.valueOf(next.portBase()));
        l.put(CREATED, String.valueOf(System.currentTimeMillis()));
        if (next.router() != null) {
            next.router().putLabels(l);
        }
        if (next.paused() != null) {
            l.put(PAUSED, next.paused());
        }
        engine.createMarker(AppLabels.stateName(app, next.seq()), imageId, l);
    }

    void writeRevision(String app, Revision r, String image) {
        Map<String, String> l = base(app, ROLE_REVISION);
        l.put(REVISION, String.valueOf(r.number()));
        l.put(SPEC, toJson(r.spec()));
        l.put(SPEC_HASH, r.specHash());
        l.put(IMAGE, image);
        l.put(IMAGE_ID, r.imageId());
        AppEngine.putIfKnown(l, DIGEST, r.digest());
        l.put(HEALTH_PATH, r.healthPath());
        l.put(ENGINE_HEALTH, String.valueOf(r.engineHealth()));
        AppEngine.putIfKnown(l, BUILD_URL, r.buildUrl());
        AppEngine.putIfKnown(l, COMMIT, r.commit());
        l.put(CREATED, String.valueOf(r.createdMillis()));
        engine.createMarker(AppLabels.revisionName(app, r.number()), r.imageId(), l);
    }

    /**
     * Removes what is no longer needed: replica containers that do not run, except those of {@code keepRevision}
     * (a fast rollback restarts them), and revision records beyond the {@code historyLimit} most recent earlier
     * revisions ({@code current} is never counted nor removed).
     */
    void collectGarbage(String app, int keepRevision, int historyLimit, int current) {
        for (ReplicaRef r : engine.replicas(app)) {
            if (!r.running() && r.revision() != keepRevision) {
                engine.remove(r.id());
            }
        }
        List<Container> earlier = engine.containers(app, ROLE_REVISION).stream()
                .filter(c -> Integer.parseInt(c.getLabels().get(REVISION)) != current)
                .sorted(Comparator.comparingInt((Container c) -> Integer.parseInt(c.getLabels().get(REVISION))).reversed())
                .toList();
        for (Container c : earlier.subList(Math.min(historyLimit, earlier.size()), earlier.size())) {
            int number = Integer.parseInt(c.getLabels().get(REVISION));
            engine.remove(c.getId());
            for (ReplicaRef r : engine.replicas(app)) {
                if (r.revision() == number && !r.running()) {
                    engine.remove(r.id());
                }
            }
        }
    }

    /** Removes every container of the application (records, state, lock included). For tests and teardown. */
    void removeAll(String app) {
        for (Container c : engine.containers(app)) {
            engine.remove(c.getId());
        }
    }

    /** Hash of what makes replicas identical: the spec, the pinned image and the probe path. */
    static String specHash(ReplicaSpec spec, String imageId, String healthPath) {
        // the stack's project label says where a replica belongs, not what it runs: a stack deployed before the label
        // was put on its replicas keeps its revisions (no service rolls only because of it)
        Map<String, String> labels = new HashMap<>(spec.labels());
        labels.remove(AppLabels.PROJECT);
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(toJson(spec.withImage("-").withLabels(labels)).getBytes(StandardCharsets.UTF_8));
            sha.update(("\n" + imageId + "\n" + healthPath).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    static String toJson(ReplicaSpec spec) {
        try {
            return JSON.writeValueAsString(spec);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a replica spec is plain data", e);
        }
    }

    private static Revision revision(Map<String, String> l) {
        ReplicaSpec spec;
        try {
            spec = JSON.readValue(l.get(SPEC), ReplicaSpec.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("revision record " + l.get(APP) + " r" + l.get(REVISION)
                    + " holds an unreadable spec", e);
        }
        return new Revision(Integer.parseInt(l.get(REVISION)), spec, l.get(SPEC_HASH), l.get(IMAGE_ID), l.get(DIGEST),
                l.get(HEALTH_PATH), Boolean.parseBoolean(l.get(ENGINE_HEALTH)), l.get(BUILD_URL), l.get(COMMIT),
                Long.parseLong(l.getOrDefault(CREATED, "0")));
    }

    private static Map<String, String> base(String app, String role) {
        Map<String, String> l = new HashMap<>();
        l.put(APP, app);
        l.put(ROLE, role);
        return l;
    }
}
