package io.jenkins.plugins.containerrollout.core.deploy.docker;

import io.jenkins.plugins.containerrollout.core.deploy.LogMask;
import io.jenkins.plugins.containerrollout.core.deploy.AppLabels;
import io.jenkins.plugins.containerrollout.core.health.ProbeResult;
import io.jenkins.plugins.containerrollout.core.health.ProbeSettings;
import io.jenkins.plugins.containerrollout.core.health.ReadinessGate;
import io.jenkins.plugins.containerrollout.core.health.ReadinessGate.Verdict;
import io.jenkins.plugins.containerrollout.core.record.ReplicaDiagnosis;
import io.jenkins.plugins.containerrollout.core.record.TimelineEvent.Type;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The replicas one rollout watches, and the engine calls that change them: the old ones (other revisions) and the
 * fresh ones (the target revision) that run, the kept containers of the target, starting a batch in chosen slots,
 * probing pending replicas through their health gates, and taking replicas out (in one router change, then stopped).
 * It decides nothing about how many: {@link BatchPlan} does, and {@link Rollout} carries the plan out through here.
 */
final class ReplicaSet {
    /** Log lines a diagnosis keeps of a failed replica, and the bytes they may take. */
    static final int LOG_LINES = 100;
    static final int LOG_BYTES = 16 * 1024;
    /** How often a probe round whose probes all answered lists the app's containers ({@link #probePending}). */
    static final long LISTING_EVERY_MILLIS = 1000;

    /** Tells the router where traffic goes now; returns whether that changed. */
    @FunctionalInterface
    interface Routing {
        boolean reroute();
    }

    final List<Tracked> old = new ArrayList<>();
    final List<Tracked> fresh = new ArrayList<>();
    final Map<Integer, ReplicaRef> kept = new TreeMap<>();
    private final ReplicaEngine engine;
    private final Background background;
    private final Timeline timeline;
    private final String app;
    private final Map<Integer, Revision> revisions;
    private final ProbeSettings probe;
    private final int minReadySeconds;
    private final ReplicaCheck checker;
    private final DeployerResources resources;
    private final LogMask mask;
    /** Replaced replicas whose stop runs beside the rollout, by port: whoever removes one records its STOPPED. */
    private final Map<Integer, Tracked> stopping = new ConcurrentHashMap<>();
    /** The app's state as the rollout found it: which replicas its last rollout told to stop. */
    private AppState before = AppState.none();
    /** The app's replicas as the caller listed them with that state, for the first look; null: list them then. */
    private List<ReplicaRef> listed;
    /** Ids of containers created ahead of their batch: their CREATED event is logged already. */
    private final Set<String> createdAhead = new HashSet<>();
    int started;
    int failed;
    /** When the last probe round listed the app's containers; the first round always does. */
    private long lastListing = Long.MIN_VALUE / 2;

    ReplicaSet(DeployerResources resources, Background background, Timeline timeline, String app,
            Map<Integer, Revision> revisions, ProbeSettings probe, int minReadySeconds, LogMask mask) {
        this.mask = mask;
        this.resources = resources;
        this.engine = resources.engine();
        this.background = background;
        this.timeline = timeline;
        this.app = app;
        this.revisions = revisions;
        this.probe = probe;
        this.minReadySeconds = minReadySeconds;
        this.checker = new ReplicaCheck(engine, revisions, probe);
    }

    /** Sorts what runs into old and fresh replicas; a replica that answers a first probe is serving already. */
    void look(Revision rev) throws InterruptedException {
        long now = resources.clock().millis();
        List<Tracked> running = new ArrayList<>();
        Set<String> runningIds = new HashSet<>();
        List<ReplicaRef> all = listed != null ? listed : engine.replicas(app);
        listed = null; // a later look lists again
        for (ReplicaRef r : all) {
            if (r.running() && stillStopping(r) && current(r, rev)) {
                // a rollback to the revision the last rollout replaced: its replicas still run, but the engine ends
                // them at the end of their grace, so they cannot count as restored. Their stop is awaited here, then
                // they are restarted as kept containers (a new one could not take their name)
                timeline.line(r.name() + " is still stopping (told to by the rollout to revision "
                        + before.servingIfComplete() + "); its stop is awaited before it is restarted");
                engine.stop(r.id(), stopTimeout(r.revision()));
                kept.put(r.slot(), new ReplicaRef(r.id(), r.name(), r.revision(), r.slot(), r.port(), false,
                        r.specHash()));
            } else if (r.running() && stillStopping(r)) {
                old.add(new Tracked(r, gate(now))); // counts for nothing: retired (its stop awaited) as idle
                timeline.line(r.name() + " is still stopping (told to by the rollout to revision "
                        + before.servingIfComplete() + ")");
            } else if (r.running()) {
                running.add(new Tracked(r, gate(now)));
                runningIds.add(r.id());
            } else if (current(r, rev)) {
                kept.put(r.slot(), r);
            }
        }
        Map<Tracked, ProbeResult> first = probeAll(running, runningIds);
        Rollout.checkInterrupt();
        for (Tracked t : running) {
            ProbeResult result = first.get(t);
            if (result.ok()) {
                t.available = true;
                t.lastOk = true;
                timeline.replica(Type.SERVING, t.ref, result.detail());
            }
            (current(t.ref, rev) ? fresh : old).add(t);
        }
    }

    /** Sets the app's state as the rollout found it ({@link #before}) and, when not null, its replicas then. */
    void foundState(AppState state, List<ReplicaRef> replicas) {
        before = state;
        listed = replicas;
    }

    /** A running replica the last completed rollout replaced: told to stop, its stop may still be running. */
    private boolean stillStopping(ReplicaRef r) {
        return before.toldToStop(r.revision());
    }

    private static boolean current(ReplicaRef r, Revision rev) {
        return r.revision() == rev.number() && rev.specHash().equals(r.specHash());
    }

    /** Starts one replica of {@code rev} in each of {@code slots}: created (or kept ones re-used) at once, then started at once. */
    void start(Revision rev, int portBase, List<Integer> slots, Map<Integer, ReplicaRef> keptOnes, BeforeStart before)
            throws InterruptedException {
        Map<Integer, ReplicaRef> batch = new ConcurrentSkipListMap<>();
        background.each(slots, slot -> batch.put(slot, prepare(rev, slot, portBase + slot, keptOnes.get(slot))));
        before.await(slots.stream().map(slot -> portBase + slot).toList());
        background.each(List.copyOf(batch.values()), ref -> engine.start(ref.id()));
        long now = resources.clock().millis(); // the startup timeout counts from the start
        for (ReplicaRef ref : batch.values()) {
            fresh.add(new Tracked(ref, gate(now)));
            started++;
            timeline.replica(Type.STARTED, ref, "");
        }
    }

    /**
     * What happens between a batch's creates and its starts, {@code ports} being the batch's: the next batch's creates
     * begin, and the batch waits for the stops holding its ports (or every stop) and for the new revision's record.
     */
    @FunctionalInterface
    interface BeforeStart {
        void await(List<Integer> ports) throws InterruptedException;
    }

    /** The container for a new replica in {@code slot}: the kept one of this revision, or a new one. */
    private ReplicaRef prepare(Revision rev, int slot, int port, ReplicaRef keptOne) {
        String id = keptOne != null ? keptOne.id() : engine.createReplica(app, rev, slot, port);
        ReplicaRef ref = new ReplicaRef(id, AppLabels.replicaName(app, rev.number(), slot), rev.number(), slot, port,
                true, rev.specHash());
        if (keptOne == null || !createdAhead.contains(keptOne.id())) {
            timeline.replica(Type.CREATED, keptOne != null ? keptOne : ref, keptOne != null ? "kept container re-used"
                    : rev.imageId());
        }
        return ref;
    }

    /** Creates, beside the rollout, the containers of the next batch in {@code slots}; not started. */
    void createAhead(Revision rev, int portBase, List<Integer> slots) {
        slots.forEach(slot -> background.create(slot, () -> {
            ReplicaRef ref = new ReplicaRef(engine.createReplica(app, rev, slot, portBase + slot),
                    AppLabels.replicaName(app, rev.number(), slot), rev.number(), slot, portBase + slot, false,
                    rev.specHash());
            timeline.replica(Type.CREATED, ref, rev.imageId() + ", ahead of its batch");
            return ref;
        }));
    }

    /** Whether a kept container of the target is not one created ahead (a rollback's): those come first. */
    boolean keptFromEarlier() {
        return kept.values().stream().anyMatch(r -> !createdAhead.contains(r.id()));
    }

    /** Waits for the creations ahead of a batch; what they created becomes kept containers of the target. */
    void awaitCreated() throws InterruptedException {
        background.awaitCreated().forEach((slot, ref) -> {
            createdAhead.add(ref.id());
            kept.put(slot, ref);
        });
    }

    /**
     * Probes every pending fresh replica once. A listing tells a failed probe of an exited replica (whose exit code
     * an inspect then reads) from one of a replica not answering yet, and shows {@link #watchServing} the replicas
     * that exited while serving. It is taken after a round where a probe failed, else at most once every
     * {@link #LISTING_EVERY_MILLIS}: a listing makes the engine visit every container it has, and one per probe round
     * (every 100 ms at the fastest) competed with the starts and stops of the rollout it watches.
     *
     * @return the ids the listing saw running; null when this round took none
     */
    Set<String> probePending(Routing routing, ProgressDeadline deadline, double failureRatio)
            throws RolloutFailure, InterruptedException {
        List<Tracked> pending = fresh.stream().filter(t -> !t.available).toList();
        Map<Tracked, ProbeResult> results = probeAll(pending, null);
        boolean anyFailed = results.values().stream().anyMatch(r -> !r.ok());
        long now = resources.clock().millis();
        Set<String> running = null;
        if (anyFailed || now - lastListing >= LISTING_EVERY_MILLIS) {
            running = runningIds();
            lastListing = now;
        }
        for (Tracked t : pending) {
            if (!results.get(t).ok() && !running.contains(t.ref.id())) {
                results.put(t, check(t, false));
            }
        }
        Rollout.checkInterrupt();
        for (Tracked t : pending) {
            ProbeResult result = results.get(t);
            if (!result.ok() && (result.answered() || t.lastOk)) {
                timeline.replica(Type.PROBE, t.ref, result.detail());
            }
            t.lastOk = result.ok();
            Verdict v = t.gate.verdict() == Verdict.PENDING ? t.gate.observe(result, resources.clock().millis())
                    : t.gate.verdict();
            if (v == Verdict.AVAILABLE) {
                t.available = true;
                deadline.progressed();
                timeline.replica(Type.READY, t.ref, result.detail());
                routing.reroute();
            } else if (v == Verdict.FAILED) {
                failed(t, routing, failureRatio);
            }
        }
        return running;
    }

    /**
     * Replicas counted available that stopped running are no longer available (and, if fresh, have failed).
     * {@code running}: the ids a listing saw running, or null when the probe round took no listing.
     */
    void watchServing(Set<String> running, Routing routing, double failureRatio) throws RolloutFailure {
        if (running == null) {
            return;
        }
        for (Tracked t : List.copyOf(old)) {
            if (!running.contains(t.ref.id())) {
                old.remove(t);
                timeline.replica(Type.FAILED, t.ref, "exited");
                routing.reroute();
                diagnose(t, "exited while serving");
            }
        }
        for (Tracked t : List.copyOf(fresh)) {
            if (t.available && !running.contains(t.ref.id())) {
                t.gate.fail("exited after it was ready");
                failed(t, routing, failureRatio);
            }
        }
    }

    private Set<String> runningIds() {
        Set<String> running = new HashSet<>();
        for (ReplicaRef r : engine.replicas(app)) {
            if (r.running()) {
                running.add(r.id());
            }
        }
        return running;
    }

    private void failed(Tracked t, Routing routing, double failureRatio) throws RolloutFailure {
        failed++;
        fresh.remove(t);
        timeline.replica(Type.FAILED, t.ref, t.gate.reason());
        routing.reroute();
        diagnose(t, t.gate.reason());
        // kept, stopped: docker logs and docker inspect still work on it until the next successful rollout prunes it
        engine.stop(t.ref.id(), 0);
        if (failed > failureRatio * started) {
            throw new RolloutFailure("replica " + t.ref.name() + " failed its health gate (" + t.gate.reason() + "); "
                    + failed + " of " + started + " new replicas failed, more than failureRatio " + failureRatio
                    + " allows");
        }
    }

    /** What becomes of retired replicas. */
    enum Retire {
        /** Surplus fresh replicas: stopped and removed. */
        REMOVE,
        /** Old replicas that count for nothing: stopped and kept for a fast rollback. */
        KEEP,
        /** Replaced old replicas: stopped beside the rollout and kept; {@link Background#awaitAllStops} waits. */
        KEEP_IN_BACKGROUND
    }

    /**
     * Takes {@code victims} out of traffic in one change, waits for the requests the router already sent them
     * ({@link Drain}), then stops them as {@code how} says.
     */
    void retire(List<Tracked> victims, Routing routing, Drain drain, Retire how) throws InterruptedException {
        if (victims.isEmpty()) {
            return;
        }
        boolean serving = false;
        for (Tracked t : victims) {
            old.remove(t);
            fresh.remove(t);
            serving |= t.available;
            t.available = false;
        }
        boolean rerouted = routing.reroute();
        if (serving) {
            drain.await(victims.stream().map(t -> t.ref.port()).toList(), rerouted);
        }
        if (how == Retire.KEEP_IN_BACKGROUND) {
            for (Tracked t : victims) {
                int timeout = stopTimeout(t.ref.revision());
                stopping.put(t.ref.port(), t);
                background.stop(t.ref.port(), () -> {
                    engine.stop(t.ref.id(), timeout);
                    if (stopping.remove(t.ref.port(), t)) { // else told to stop already, in the record that returned
                        timeline.replica(Type.STOPPED, t.ref, "replaced");
                    }
                });
            }
            return;
        }
        background.each(victims, t -> engine.stop(t.ref.id(), stopTimeout(t.ref.revision())));
        for (Tracked t : victims) {
            timeline.replica(Type.STOPPED, t.ref, how == Retire.REMOVE ? "surplus" : "replaced");
            if (how == Retire.REMOVE) {
                engine.remove(t.ref.id());
            }
        }
    }

    /**
     * Captures why {@code t} failed (exit code, OOM, the engine's error, its HEALTHCHECK results, the last
     * {@link #LOG_LINES} lines of its log, masked) before anything removes it, for the record and the console.
     */
    private void diagnose(Tracked t, String reason) {
        ReplicaState state = engine.state(t.ref.id()).orElse(null);
        ReplicaEngine.LogTail tail = engine.logs(t.ref.id(), LOG_LINES, LOG_BYTES);
        boolean exited = state != null && !state.running();
        ReplicaDiagnosis d = new ReplicaDiagnosis(t.ref.name(), t.ref.revision(), t.ref.slot(),
                resources.clock().millis(), reason, exited ? state.exitCode() : null,
                state == null ? null : state.oomKilled(),
                state == null || state.error() == null || state.error().isBlank() ? null : state.error(),
                state == null ? List.of() : state.healthLog().stream().map(mask::apply).toList(),
                tail.lines().stream().map(mask::apply).toList(), tail.truncated());
        timeline.diagnosis(d);
    }

    /**
     * Records the replaced replicas on {@code ports} as told to stop: their stops go on in the engine after the
     * rollout has returned, so their STOPPED event is this one and not the end of the stop.
     */
    void toldToStop(List<Integer> ports) {
        for (int port : ports) {
            Tracked t = stopping.remove(port);
            if (t != null) {
                timeline.replica(Type.STOPPED, t.ref, "replaced; told to stop, the engine ends it within its stop"
                        + " timeout of " + stopTimeout(t.ref.revision()) + " s");
            }
        }
    }

    /** Stops every fresh replica (an aborted canary); they get no traffic by then. */
    void stopFresh(String why) {
        for (Tracked t : List.copyOf(fresh)) {
            fresh.remove(t);
            t.available = false;
            engine.stop(t.ref.id(), stopTimeout(t.ref.revision()));
            timeline.replica(Type.STOPPED, t.ref, why);
        }
    }

    private Map<Tracked, ProbeResult> probeAll(List<Tracked> replicas, Set<String> running)
            throws InterruptedException {
        Map<Tracked, ProbeResult> results = new ConcurrentHashMap<>();
        background.each(replicas, t -> results.put(t, check(t, running == null || running.contains(t.ref.id()))));
        return results;
    }

    private ProbeResult check(Tracked t, boolean listedRunning) {
        ReplicaCheck.Check c = checker.check(t.ref, listedRunning);
        if (c.fatal()) {
            t.gate.fail(c.result().detail());
        }
        return c.result();
    }

    private ReadinessGate gate(long startedAt) {
        return new ReadinessGate(probe, minReadySeconds * 1000L, startedAt);
    }

    private int stopTimeout(int revision) {
        Revision rev = revisions.get(revision);
        return rev == null ? 10 : rev.spec().stopTimeoutSeconds();
    }
}
