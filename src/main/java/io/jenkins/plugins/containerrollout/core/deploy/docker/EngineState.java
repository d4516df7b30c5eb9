package io.jenkins.plugins.containerrollout.core.deploy.docker;

import static io.jenkins.plugins.containerrollout.core.deploy.AppLabels.*;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.github.dockerjava.api.command.InspectVolumeResponse;
import com.github.dockerjava.api.model.Container;
import io.jenkins.plugins.containerrollout.core.deploy.AppLabels;
import io.jenkins.plugins.containerrollout.core.deploy.ReplicaSpec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Reads and writes the application's records in the engine: revision records (the replica spec as JSON in a label,
 * on a never-started container) and the state log (labels on volumes), and prunes what the history limit no longer
 * keeps.
 *
 * <p>State entries are volumes: a rollout writes two or more, one of them after its last batch, and a volume's
 * create costs about a third of a container's (no writable layer to lay out and mount). Entries an earlier version
 * wrote as never-started containers are still read, and pruned as new entries follow them.
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
        return log(stateEntries(app, engine.containers(app))).latest();
    }

    /** One state entry: a volume, or a never-started container (written by an earlier version), and its labels. */
    record StateEntry(String id, Map<String, String> labels, boolean volume) {
    }

    /**
     * The application's state entries: its volumes, and those of {@code listed} (its containers) an earlier version
     * wrote.
     */
    List<StateEntry> stateEntries(String app, List<Container> listed) {
        List<StateEntry> entries = new ArrayList<>();
        for (Container c : listed) {
            if (ROLE_STATE.equals(c.getLabels().get(ROLE))) {
                entries.add(new StateEntry(c.getId(), c.getLabels(), false));
            }
        }
        for (InspectVolumeResponse v : engine.volumes(app)) {
            if (v.getLabels() != null && ROLE_STATE.equals(v.getLabels().get(ROLE))) {
                entries.add(new StateEntry(v.getName(), v.getLabels(), true));
            }
        }
        return entries;
    }

    /**
     * The state and the kept revisions (ascending) of an application, and its replicas, from one listing of its
     * containers.
     *
     * @param log the state entries listed, for {@link #writeState(String, AppState, String, StateLog)}
     */
    record Snapshot(StateLog log, List<Revision> revisions, List<ReplicaRef> replicas) {
        AppState state() {
            return log.latest();
        }
    }

    /**
     * The state entries of an application as a process holding its lock knows them: listed once under the lock, then
     * appended to by that process alone, so a later write needs no listing of its own.
     */
    record StateLog(AppState latest, List<Entry> entries) {
        /** One state entry: its volume (or container) and its sequence number. */
        record Entry(String id, long seq, boolean volume) {
        }
    }

    Snapshot snapshot(String app) {
        List<Container> all = engine.containers(app);
        List<Revision> revisions = new ArrayList<>();
        List<ReplicaRef> replicas = new ArrayList<>();
        for (Container c : all) {
            Map<String, String> l = c.getLabels();
            switch (l.getOrDefault(ROLE, "")) {
                case ROLE_REVISION -> revisions.add(revision(l));
                case ROLE_REPLICA -> replicas.add(AppEngine.replica(c));
                default -> { } // the lock, a state entry of an earlier version, or a record of another kind
            }
        }
        revisions.sort(Comparator.comparingInt(Revision::number));
        return new Snapshot(log(stateEntries(app, all)), List.copyOf(revisions), List.copyOf(replicas));
    }

    /** The log of {@code stateEntries}; the latest is the highest seq. */
    private static StateLog log(List<StateEntry> stateEntries) {
        List<StateLog.Entry> entries = new ArrayList<>();
        AppState latest = AppState.none();
        for (StateEntry e : stateEntries) {
            AppState entry = AppState.fromLabels(e.labels());
            entries.add(new StateLog.Entry(e.id(), entry.seq(), e.volume()));
            latest = entry.seq() > latest.seq() ? entry : latest;
        }
        return new StateLog(latest, List.copyOf(entries));
    }

    /**
     * Appends a state entry to a {@link StateLog} read under the lock (nobody else writes one meanwhile), pruning
     * from what it holds; returns the log with the new entry, for the next write of the same rollout.
     */
    StateLog writeState(String app, AppState next, StateLog log) {
        String id = create(app, next);
        List<StateLog.Entry> kept = new ArrayList<>();
        for (StateLog.Entry e : log.entries()) {
            if (e.seq() >= next.seq() - STATE_LOG_KEPT) {
                kept.add(e);
            } else if (e.volume()) {
                engine.removeVolume(e.id());
            } else {
                engine.remove(e.id());
            }
        }
        kept.add(new StateLog.Entry(id, next.seq(), true));
        return new StateLog(next, List.copyOf(kept));
    }

    /**
     * Appends the state entry {@code step} makes of the latest one, and prunes old entries, on one listing of the
     * state entries (the caller holds the lock: nobody else writes one meanwhile).
     */
    void advanceState(String app, UnaryOperator<AppState> step) {
        StateLog log = log(stateEntries(app, engine.containers(app)));
        writeState(app, step.apply(log.latest()), log);
    }

    /**
     * Appends a state entry (a new uniquely named volume, refused when it exists: two writers cannot both win) and
     * prunes old ones.
     */
    void writeState(String app, AppState next) {
        writeState(app, next, log(stateEntries(app, engine.containers(app))));
    }

    private String create(String app, AppState next) {
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
        return engine.createLabelledVolume(AppLabels.stateName(app, next.seq()), l);
    }

    /** Writes the record of revision {@code r}; returns its container's id. */
    String writeRevision(String app, Revision r, String image) {
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
        return engine.createMarker(AppLabels.revisionName(app, r.number()), r.imageId(), l);
    }

    /**
     * Removes what is no longer needed, from one listing: replica containers that do not run, except those of
     * {@code keepRevision} (a fast rollback restarts them), and revision records beyond the {@code historyLimit} most
     * recent earlier revisions ({@code current} is never counted nor removed), with their stopped replicas. A
     * revision's replicas go before its record: a crash in between leaves a record without replicas (a rollback
     * re-creates them), never replicas without a record.
     */
    void collectGarbage(String app, int keepRevision, int historyLimit, int current) {
        List<Container> all = engine.containers(app);
        List<Integer> earlier = all.stream().filter(c -> ROLE_REVISION.equals(c.getLabels().get(ROLE)))
                .map(c -> Integer.parseInt(c.getLabels().get(REVISION))).filter(number -> number != current)
                .sorted(Comparator.reverseOrder()).toList();
        Set<Integer> dropped = Set.copyOf(earlier.subList(Math.min(historyLimit, earlier.size()), earlier.size()));
        for (Container c : all) {
            if (ROLE_REPLICA.equals(c.getLabels().get(ROLE)) && !"running".equals(c.getState())) {
                int revision = Integer.parseInt(c.getLabels().get(REVISION));
                if (revision != keepRevision || dropped.contains(revision)) {
                    engine.remove(c.getId());
                }
            }
        }
        for (Container c : all) {
            if (ROLE_REVISION.equals(c.getLabels().get(ROLE))
                    && dropped.contains(Integer.parseInt(c.getLabels().get(REVISION)))) {
                engine.remove(c.getId());
            }
        }
    }

    /** Removes every container and volume of the app (records, state, lock included). For tests and teardown. */
    void removeAll(String app) {
        for (Container c : engine.containers(app)) {
            engine.remove(c.getId());
        }
        for (InspectVolumeResponse v : engine.volumes(app)) {
            engine.removeVolume(v.getName());
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
