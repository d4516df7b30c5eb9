package io.jenkins.plugins.containerrollout.core.deploy.docker;

import com.github.dockerjava.api.exception.ConflictException;
import io.jenkins.plugins.containerrollout.core.deploy.AppLabels;
import io.jenkins.plugins.containerrollout.core.deploy.Ports;
import io.jenkins.plugins.containerrollout.core.deploy.RolloutStrategy;
import io.jenkins.plugins.containerrollout.core.health.ProbeResult;
import io.jenkins.plugins.containerrollout.core.health.ProbeSettings;
import io.jenkins.plugins.containerrollout.core.health.ReadinessGate;
import io.jenkins.plugins.containerrollout.core.health.ReadinessGate.Verdict;
import io.jenkins.plugins.containerrollout.core.record.TimelineEvent.Type;
import io.jenkins.plugins.containerrollout.core.router.TrafficRouter;
import io.jenkins.plugins.containerrollout.core.router.WeightSplit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

/**
 * Converges an application onto one revision with {@code desired} replicas: the rolling loop that recreate, scaling,
 * rollback and the recovery from an interrupted rollout all share. It starts from whatever runs (so a rollout killed
 * half-way converges on the next call), counts only replicas that passed their health gate as available, and never
 * lets available replicas drop below {@code desired - maxUnavailable} nor replicas exceed {@code desired + maxSurge}.
 *
 * <p>Ports: slot {@code k} serves on {@code portBase + k}. A new replica takes the lowest slot no running replica
 * holds (preferring slots where a stopped replica of the target revision is kept, which is restarted instead of
 * re-created), so surge replicas land beyond the old range and the serving set is always "ports of available
 * replicas": what a router in front would be told ({@link Type#TRAFFIC} events).
 *
 * <p>Pipelining: replaced replicas leave the serving set at once and stop in the background while the next batch's
 * containers are created ahead (a created container neither runs nor binds its port). With
 * {@link RolloutStrategy.Replacement#STOP_STARTED} the next batch starts at once, on ports no stopping replica holds
 * (so a stop is never on the critical path; the slots it frees are taken by the batch after); with
 * {@link RolloutStrategy.Replacement#STOP_COMPLETE} (and recreate, and maxSurge 0: {@link RolloutStrategy#waitsForStops})
 * it starts only once those stops have ended, so running containers never exceed {@code desired + maxSurge}. The last
 * stops of a rollout end in {@link #settle}.
 *
 * <p>A canary ({@link Canary}) drives the same replicas in smaller moves: {@link #grow} starts replicas of the target
 * beside the others without retiring any, {@link #shift} sets the share of traffic the target's replicas get (router
 * weights), and {@link #converge} finally retires the stable revision.
 */
final class Rollout {
    /** How long a replica taken out of the router keeps running, for the requests already on their way to it. */
    private static final long DRAIN_MILLIS = 300;
    /** Runs the stops of replaced replicas and the creations ahead of a batch; each is a bounded engine call. */
    private static final ExecutorService BACKGROUND = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "rollout-background");
        t.setDaemon(true);
        return t;
    });

    /** What to converge on. */
    record Target(Revision revision, int desired, int portBase) {
    }

    /** A running replica this rollout watches. */
    private static final class Tracked {
        final ReplicaRef ref;
        final ReadinessGate gate;
        boolean available;
        boolean lastOk;

        Tracked(ReplicaRef ref, ReadinessGate gate) {
            this.ref = ref;
            this.gate = gate;
        }
    }

    private final AppEngine engine;
    private final Timeline timeline;
    private final String app;
    private final Map<Integer, Revision> revisions;
    private final ProbeSettings probe;
    private final RolloutStrategy strategy;
    private final TrafficRouter router;
    private final boolean blueGreen;
    private int desired;
    /**
     * Slots the rollout keeps its replicas in ({@link RolloutStrategy#ports}), beyond only when a port is taken; 0
     * before {@link #converge} (a canary's first replicas take the lowest free ports).
     */
    private int span;
    private final ReplicaCheck checker;
    private final List<Tracked> old = new ArrayList<>();
    private final List<Tracked> fresh = new ArrayList<>();
    private final Map<Integer, ReplicaRef> kept = new TreeMap<>();
    private Map<Integer, Integer> lastWeights = Map.of();
    /** Percent of traffic for the target's replicas while a canary runs; -1: every available replica alike. */
    private int canaryWeight = -1;
    private boolean observed;
    /** What must be written before the rollout changes anything ({@link #writeFirst}); done when there is none. */
    private Future<?> firstWrite = java.util.concurrent.CompletableFuture.completedFuture(null);
    private long lastProgress;
    private int started;
    private int failed;
    /** Stops running in the background, by the port their replica still holds until it ends. */
    private final Map<Integer, Future<?>> stopping = new TreeMap<>();
    /** Containers of the next batch being created in the background, by slot; they join {@link #kept} when done. */
    private final Map<Integer, Future<ReplicaRef>> creating = new TreeMap<>();
    /** Ids of containers this rollout created ahead of their batch: their CREATED event is logged already. */
    private final Set<String> createdAhead = new HashSet<>();

    Rollout(AppEngine engine, Timeline timeline, String app, Map<Integer, Revision> revisions, ProbeSettings probe,
            RolloutStrategy strategy, TrafficRouter router) {
        this.router = router;
        this.blueGreen = strategy.kind() == RolloutStrategy.Kind.BLUE_GREEN;
        this.engine = engine;
        this.timeline = timeline;
        this.app = app;
        this.revisions = revisions;
        this.probe = probe;
        this.strategy = strategy;
        this.checker = new ReplicaCheck(engine, revisions, probe);
    }

    /**
     * Converges on {@code target}. On success the last replaced replicas may still be stopping (they serve no more):
     * call {@link #settle} before relying on them being stopped; on failure every stop has ended already.
     */
    void converge(Target target) throws RolloutFailure, InterruptedException {
        boolean done = false;
        try {
            routing(() -> doConverge(target));
            done = true;
        } finally {
            if (!done) {
                settleAfterFailure();
            }
        }
    }

    /**
     * On the way out of a failed or interrupted rollout, its stops still end first: a rollback after it must not find
     * replicas half-way through their stop. Bounded (each stop is); the interrupt is kept for the caller, and a stop
     * that failed does not hide the failure that is on its way out.
     */
    private void settleAfterFailure() {
        boolean interrupted = Thread.interrupted();
        try {
            settle();
        } catch (InterruptedException e) {
            interrupted = true;
        } catch (RuntimeException stopFailed) {
            timeline.line("a replaced replica did not stop cleanly: " + stopFailed.getMessage());
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Waits for the engine calls still running in the background (stops, creations ahead of a batch); the first
     * failure is thrown once all have ended.
     */
    void settle() throws InterruptedException {
        awaitCreated();
        awaitStops(List.copyOf(stopping.keySet()));
    }

    /** Waits for the stops holding {@code ports} (those that run); the first failure is thrown once all have ended. */
    private void awaitStops(List<Integer> ports) throws InterruptedException {
        RuntimeException first = null;
        for (Integer port : ports) {
            Future<?> stop = stopping.remove(port);
            try {
                if (stop != null) {
                    stop.get(); // bounded: the engine call has the client's response timeout
                }
            } catch (ExecutionException e) {
                first = first != null ? first : Batch.failure(e);
            }
        }
        if (first != null) {
            throw first;
        }
    }

    /**
     * Starts replicas of the target revision beside the others (which keep running and serving, untouched) until
     * {@code target.desired()} of them are available: the canary replicas, then the rest at promotion.
     */
    void grow(Target target) throws RolloutFailure, InterruptedException {
        routing(() -> {
            Revision rev = target.revision();
            lastProgress = System.currentTimeMillis();
            observe(rev);
            traffic(rev.number());
            while (available(fresh) < target.desired()) {
                checkInterrupt();
                startReplicas(rev, target.portBase(), target.desired() - fresh.size());
                awaitPending(rev);
            }
        });
    }

    /** Holds traffic off the target revision's replicas until {@link #shift} gives them a share. */
    void holdTarget() {
        canaryWeight = 0;
    }

    /**
     * Gives the target revision's available replicas {@code percent} of the traffic (router weights; the others share
     * the rest). When that takes replicas out of the routing, waits for the requests already sent to them.
     */
    void shift(int percent, int targetRevision) throws RolloutFailure, InterruptedException {
        canaryWeight = percent;
        routing(() -> {
            Set<Integer> before = lastWeights.keySet();
            if (traffic(targetRevision) && !lastWeights.keySet().containsAll(before)) {
                Thread.sleep(DRAIN_MILLIS);
            }
        });
    }

    /** Stops every replica of the target revision (an aborted canary); they get no traffic by then. */
    void stopTarget(String why) {
        for (Tracked t : List.copyOf(fresh)) {
            fresh.remove(t);
            t.available = false;
            engine.stop(t.ref.id(), stopTimeout(t.ref.revision()));
            timeline.replica(Type.STOPPED, t.ref, why);
        }
    }

    /** A step that talks to the router; a router failure fails the rollout. */
    @FunctionalInterface
    private interface Routed {
        void run() throws RolloutFailure, InterruptedException;
    }

    private static void routing(Routed step) throws RolloutFailure, InterruptedException {
        try {
            step.run();
        } catch (UncheckedIOException e) {
            throw new RolloutFailure("the traffic router failed: " + e.getCause().getMessage());
        }
    }

    private void doConverge(Target target) throws RolloutFailure, InterruptedException {
        Revision rev = target.revision();
        int n = target.desired();
        desired = n;
        span = strategy.ports(n);
        int surge = strategy.surge(n);
        int maxUnavailable = strategy.unavailable(n);
        lastProgress = System.currentTimeMillis();
        observe(rev);
        traffic(rev.number());
        timeline.line("converging on revision " + rev.number() + ": " + n + " replicas, maxSurge " + surge
                + ", maxUnavailable " + maxUnavailable + " (" + old.size() + " other, " + fresh.size() + " current running)");
        while (true) {
            checkInterrupt();
            if (old.isEmpty() && fresh.size() == n && fresh.stream().allMatch(t -> t.available)) {
                break;
            }
            boolean changed = false;
            int available = available(old) + available(fresh);
            int floor = n - maxUnavailable;
            // surplus current replicas (scaling down, or more than asked survived an interruption): pending ones first
            while (fresh.size() > n) {
                Tracked victim = fresh.stream().min(Comparator.comparing((Tracked t) -> t.available)
                        .thenComparing(t -> -t.ref.slot())).orElseThrow();
                if (victim.available && available - 1 < floor) {
                    break;
                }
                available -= victim.available ? 1 : 0;
                retire(victim, fresh, true, rev.number());
                changed = true;
            }
            // old replicas that are not available count for nothing: they can always go
            List<Tracked> idle = old.stream().filter(t -> !t.available).toList();
            retire(idle, old, false, rev.number());
            changed |= !idle.isEmpty();
            if (blueGreen && available(old) > 0 && available(fresh) >= n && strategy.scaleDownDelaySeconds() > 0) {
                // traffic switched to the new colour already; the old one stays for an instant switch back
                timeline.line("keeping the old colour " + strategy.scaleDownDelaySeconds() + " s");
                Thread.sleep(strategy.scaleDownDelaySeconds() * 1000L);
            }
            List<Tracked> replaced = new ArrayList<>();
            for (Tracked t : old) {
                if (available - 1 < floor) {
                    break;
                }
                available--;
                replaced.add(t);
            }
            retireInBackground(replaced, rev.number());
            changed |= !replaced.isEmpty();
            int room = Math.min(n + surge - (old.size() + fresh.size()), n - fresh.size());
            startReplicas(rev, target.portBase(), room);
            changed |= room > 0;
            precreate(rev, target.portBase(), Math.min(room, n - fresh.size()));
            boolean pending = fresh.stream().anyMatch(t -> !t.available);
            if (!changed && !pending) {
                throw new RolloutFailure("no progress possible with maxSurge " + surge + " and maxUnavailable "
                        + maxUnavailable + " for " + n + " replicas");
            }
            awaitPending(rev);
            long onTarget = fresh.stream().filter(t -> t.available).count();
            timeline.line(onTarget + "/" + n + " replicas on revision " + rev.number());
            if (changed && !strategy.batchDelay().isZero() && !(old.isEmpty() && onTarget == n)) {
                Thread.sleep(strategy.batchDelay().toMillis());
            }
        }
        timeline.app(Type.PHASE, rev.number(), n + "/" + n + " replicas on revision " + rev.number());
    }

    /**
     * Sorts what runs into old and current replicas; a replica that answers a first probe is serving already. Once per
     * rollout: later phases (a canary's) go on from what this rollout tracks.
     */
    private void observe(Revision rev) throws InterruptedException {
        if (observed) {
            return;
        }
        observed = true;
        try {
            look(rev);
        } finally {
            Batch.await(firstWrite); // whatever happened, that write has ended before the rollout goes on or out
        }
    }

    /**
     * Has {@code write} (the rollout's state record, say) done in the background while the rollout looks at what runs;
     * it has ended before the rollout changes anything, and its failure is the rollout's.
     */
    void writeFirst(Runnable write) {
        firstWrite = BACKGROUND.submit(write);
    }

    private void look(Revision rev) throws InterruptedException {
        long now = System.currentTimeMillis();
        List<Tracked> running = new ArrayList<>();
        Set<String> runningIds = new HashSet<>();
        for (ReplicaRef r : engine.replicas(app)) {
            boolean current = r.revision() == rev.number() && rev.specHash().equals(r.specHash());
            if (r.running()) {
                running.add(new Tracked(r, gate(now)));
                runningIds.add(r.id());
            } else if (current) {
                kept.put(r.slot(), r);
            }
        }
        Map<Tracked, ProbeResult> first = probeAll(running, runningIds);
        checkInterrupt();
        for (Tracked t : running) {
            ProbeResult result = first.get(t);
            if (result.ok()) {
                t.available = true;
                t.lastOk = true;
                timeline.replica(Type.SERVING, t.ref, result.detail());
            }
            boolean current = t.ref.revision() == rev.number() && rev.specHash().equals(t.ref.specHash());
            (current ? fresh : old).add(t);
        }
    }

    /**
     * Probes {@code replicas} all at once (a probe is mostly waiting); {@code running}: ids a listing saw running, or
     * null to take every replica for running (its probe then fails if it is not).
     */
    private Map<Tracked, ProbeResult> probeAll(List<Tracked> replicas, Set<String> running)
            throws InterruptedException {
        Map<Tracked, ProbeResult> results = new ConcurrentHashMap<>();
        Batch.each(replicas, t -> results.put(t, check(t, running == null || running.contains(t.ref.id()))));
        return results;
    }

    /**
     * Starts {@code count} replicas of {@code rev}: slots are chosen one by one (the lowest free ones, kept containers
     * of the revision first; a port whose replica is stopping counts as free when the batch waits for the stops), then
     * the containers are created (or kept ones re-used) all at once, and started all at once.
     */
    private void startReplicas(Revision rev, int portBase, int count) throws InterruptedException {
        if (count <= 0) {
            return;
        }
        awaitCreated(); // its slots are picked now, so no creation may still be running
        Set<Integer> used = new HashSet<>();
        old.forEach(t -> used.add(t.ref.slot()));
        fresh.forEach(t -> used.add(t.ref.slot()));
        Map<Integer, ReplicaRef> keptOnes = new TreeMap<>();
        List<Integer> slots = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int slot = freeSlot(used, portBase);
            used.add(slot);
            slots.add(slot);
            ReplicaRef keptOne = kept.remove(slot);
            if (keptOne != null) {
                keptOnes.put(slot, keptOne);
            }
        }
        Map<Integer, ReplicaRef> batch = new java.util.concurrent.ConcurrentSkipListMap<>();
        Batch.each(slots, slot -> batch.put(slot, prepare(rev, slot, portBase + slot, keptOnes.get(slot))));
        if (strategy.waitsForStops(desired)) {
            settle(); // a stopping replica counts against maxSurge until it has stopped
        } else {
            awaitStops(slots.stream().map(slot -> portBase + slot).toList()); // stops that ended: collect their outcome
        }
        Batch.each(List.copyOf(batch.values()), ref -> engine.start(ref.id()));
        long now = System.currentTimeMillis(); // the startup timeout counts from the start
        for (ReplicaRef ref : batch.values()) {
            fresh.add(new Tracked(ref, gate(now)));
            started++;
            timeline.replica(Type.STARTED, ref, "");
        }
    }

    /** The container for a new replica in {@code slot}: the kept one of this revision, or a new one. */
    private ReplicaRef prepare(Revision rev, int slot, int port, ReplicaRef keptOne) {
        String id = keptOne != null ? keptOne.id() : create(rev, slot, port);
        ReplicaRef ref = new ReplicaRef(id, AppLabels.replicaName(app, rev.number(), slot), rev.number(), slot, port,
                true, rev.specHash());
        if (keptOne == null || !createdAhead.contains(keptOne.id())) {
            timeline.replica(Type.CREATED, keptOne != null ? keptOne : ref, keptOne != null ? "kept container re-used"
                    : rev.imageId());
        }
        return ref;
    }

    private String create(Revision rev, int slot, int port) {
        try {
            return engine.createReplica(app, rev, slot, port);
        } catch (ConflictException leftover) {
            // a container of that name survived a crash in an unexpected state: it is ours, replace it
            engine.remove(AppLabels.replicaName(app, rev.number(), slot));
            return engine.createReplica(app, rev, slot, port);
        }
    }

    /**
     * The slot for a new replica: a kept container of the target first, then the lowest free slot within the
     * rollout's ports. A port whose replica is still stopping is free when the batch waits for the stops anyway;
     * otherwise it is taken only when no other port within the rollout's ports is free (the batch then waits for that
     * stop). Ports something else listens on are skipped, beyond the rollout's ports if need be.
     */
    private int freeSlot(Set<Integer> used, int portBase) {
        boolean waits = strategy.waitsForStops(desired);
        List<Integer> keptSlots = kept.keySet().stream().filter(slot -> !used.contains(slot)).toList();
        List<Integer> inRange = IntStream.range(0, Math.min(span, 65536 - portBase)).boxed()
                .filter(slot -> !used.contains(slot)).toList();
        for (List<Integer> candidates : List.of(keptSlots, inRange)) {
            for (int slot : candidates) {
                if (portFree(portBase + slot, waits)) {
                    return slot;
                }
            }
        }
        for (List<Integer> candidates : List.of(keptSlots, inRange)) {
            for (int slot : candidates) {
                if (stopping.containsKey(portBase + slot)) {
                    return slot; // its stop ends before the batch starts
                }
            }
        }
        return lowestFreeSlot(used, portBase, waits);
    }

    private int lowestFreeSlot(Set<Integer> used, int portBase, boolean stopsEnd) {
        for (int slot = 0; portBase + slot <= 65535; slot++) {
            if (!used.contains(slot) && portFree(portBase + slot, stopsEnd)) {
                return slot;
            }
        }
        throw new IllegalStateException("no free loopback port at or above " + portBase);
    }

    /**
     * Creates, in the background while the batch just started comes up, the containers of the next batch, where it
     * will start them: when it waits for the stops, in the slots of the next replaced replicas (the first available
     * old ones, whose ports it takes over); else in the lowest slots free once the stops now running have ended. A
     * created container neither runs nor binds its port; one the next batch does not use is a kept container of the
     * target revision like any other (re-used later, or removed with the stopped replicas at the end).
     */
    private void precreate(Revision rev, int portBase, int count) {
        if (count <= 0 || kept.values().stream().anyMatch(r -> !createdAhead.contains(r.id()))) {
            return; // kept containers of the target (a rollback's) come first, and restarting them needs no create
        }
        Set<Integer> taken = new HashSet<>(kept.keySet());
        fresh.forEach(t -> taken.add(t.ref.slot()));
        List<Integer> slots = new ArrayList<>();
        if (strategy.waitsForStops(desired)) {
            old.stream().filter(t -> !t.available).forEach(t -> taken.add(t.ref.slot()));
            old.stream().filter(t -> t.available).map(t -> t.ref.slot()).filter(slot -> !taken.contains(slot))
                    .limit(count).forEach(slots::add);
        } else {
            old.forEach(t -> taken.add(t.ref.slot()));
            while (slots.size() < count) {
                int slot = lowestFreeSlot(taken, portBase, true);
                taken.add(slot);
                slots.add(slot);
            }
        }
        slots.forEach(slot -> creating.put(slot, BACKGROUND.submit(() -> {
            ReplicaRef ref = new ReplicaRef(engine.createReplica(app, rev, slot, portBase + slot),
                    AppLabels.replicaName(app, rev.number(), slot), rev.number(), slot, portBase + slot, false,
                    rev.specHash());
            timeline.replica(Type.CREATED, ref, rev.imageId() + ", ahead of its batch");
            return ref;
        })));
    }

    /** Waits for the creations ahead of a batch; what they created becomes kept containers of the target. */
    private void awaitCreated() throws InterruptedException {
        for (Map.Entry<Integer, Future<ReplicaRef>> e : creating.entrySet()) {
            try {
                ReplicaRef ref = e.getValue().get(); // bounded: the engine call has the client's response timeout
                createdAhead.add(ref.id());
                kept.put(e.getKey(), ref);
            } catch (ExecutionException failed) {
                // a name left over from a crash, or an engine error: the batch creates this one itself, as always
            }
        }
        creating.clear();
    }

    /** Free now, or held by a replica whose stop has ended or, with {@code stopsEnd}, still runs. */
    private boolean portFree(int port, boolean stopsEnd) {
        Future<?> stop = stopping.get(port);
        return stop != null ? stopsEnd || stop.isDone() : Ports.free(port);
    }

    /** Probes every pending current replica until each is available or failed. */
    private void awaitPending(Revision rev) throws RolloutFailure, InterruptedException {
        while (true) {
            List<Tracked> pending = fresh.stream().filter(t -> !t.available).toList();
            if (pending.isEmpty()) {
                return;
            }
            // one listing per round, taken while the probes run, serves watchServing and tells a failed probe of an
            // exited replica (whose exit code an inspect then reads) from one of a replica not answering yet
            Future<Set<String>> listing = BACKGROUND.submit(this::runningIds);
            Map<Tracked, ProbeResult> results = probeAll(pending, null);
            Set<String> running = Batch.await(listing);
            for (Tracked t : pending) {
                if (!results.get(t).ok() && !running.contains(t.ref.id())) {
                    results.put(t, check(t, false));
                }
            }
            checkInterrupt();
            for (Tracked t : pending) {
                ProbeResult result = results.get(t);
                if (!result.ok() && (result.answered() || t.lastOk)) {
                    timeline.replica(Type.PROBE, t.ref, result.detail());
                }
                t.lastOk = result.ok();
                Verdict v = t.gate.verdict() == Verdict.PENDING ? t.gate.observe(result, System.currentTimeMillis())
                        : t.gate.verdict();
                if (v == Verdict.AVAILABLE) {
                    t.available = true;
                    lastProgress = System.currentTimeMillis();
                    timeline.replica(Type.READY, t.ref, result.detail());
                    traffic(rev.number());
                } else if (v == Verdict.FAILED) {
                    replicaFailed(t, rev.number());
                }
            }
            watchServing(rev.number(), running);
            long idle = System.currentTimeMillis() - lastProgress;
            if (idle > strategy.progressDeadlineSeconds() * 1000L) {
                throw new RolloutFailure("progress deadline of " + strategy.progressDeadlineSeconds()
                        + " s exceeded: no replica of revision " + rev.number() + " became available for " + idle + " ms");
            }
            if (fresh.stream().anyMatch(t -> !t.available)) {
                Thread.sleep(probe.interval().toMillis());
            }
        }
    }

    /** Replicas counted available that stopped running are no longer available (and, if current, have failed). */
    private void watchServing(int targetRevision, Set<String> running) throws RolloutFailure {
        for (Tracked t : List.copyOf(old)) {
            if (!running.contains(t.ref.id())) {
                old.remove(t);
                timeline.replica(Type.FAILED, t.ref, "exited");
                traffic(targetRevision);
            }
        }
        for (Tracked t : List.copyOf(fresh)) {
            if (t.available && !running.contains(t.ref.id())) {
                t.gate.fail("exited after it was ready");
                replicaFailed(t, targetRevision);
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

    private void replicaFailed(Tracked t, int targetRevision) throws RolloutFailure {
        failed++;
        fresh.remove(t);
        timeline.replica(Type.FAILED, t.ref, t.gate.reason());
        traffic(targetRevision);
        engine.remove(t.ref.id());
        if (failed > strategy.failureRatio() * started) {
            throw new RolloutFailure("replica " + t.ref.name() + " failed its health gate (" + t.gate.reason() + "); "
                    + failed + " of " + started + " new replicas failed, more than failureRatio "
                    + strategy.failureRatio() + " allows");
        }
    }

    private void retire(Tracked t, List<Tracked> from, boolean removeContainer, int targetRevision)
            throws InterruptedException {
        retire(List.of(t), from, removeContainer, targetRevision);
    }

    /**
     * Takes replicas out of traffic in one change, then stops them all at once (old ones are kept for a fast
     * rollback, current ones removed).
     */
    private void retire(List<Tracked> victims, List<Tracked> from, boolean removeContainer, int targetRevision)
            throws InterruptedException {
        if (victims.isEmpty()) {
            return;
        }
        boolean serving = false;
        for (Tracked t : List.copyOf(victims)) {
            from.remove(t);
            serving |= t.available;
            t.available = false;
        }
        if (serving && traffic(targetRevision) && router != TrafficRouter.NONE) {
            Thread.sleep(DRAIN_MILLIS); // requests the router already sent there finish before the replicas stop
        }
        Batch.each(victims, t -> engine.stop(t.ref.id(), stopTimeout(t.ref.revision())));
        for (Tracked t : victims) {
            timeline.replica(Type.STOPPED, t.ref, removeContainer ? "surplus" : "replaced");
            if (removeContainer) {
                engine.remove(t.ref.id());
            }
        }
    }

    /**
     * Takes replaced old replicas out of traffic in one change (waiting for the requests already sent to them), then
     * stops them in the background: they are kept for a fast rollback. {@link #settle} waits for those stops.
     */
    private void retireInBackground(List<Tracked> victims, int targetRevision) throws InterruptedException {
        if (victims.isEmpty()) {
            return;
        }
        boolean serving = false;
        for (Tracked t : victims) {
            old.remove(t);
            serving |= t.available;
            t.available = false;
        }
        if (serving && traffic(targetRevision) && router != TrafficRouter.NONE) {
            Thread.sleep(DRAIN_MILLIS); // requests the router already sent there finish before the replicas stop
        }
        for (Tracked t : victims) {
            int timeout = stopTimeout(t.ref.revision());
            stopping.put(t.ref.port(), BACKGROUND.submit(() -> {
                engine.stop(t.ref.id(), timeout);
                timeline.replica(Type.STOPPED, t.ref, "replaced");
            }));
        }
    }

    /**
     * Tells the router (and the timeline) where traffic goes now: every available replica; with blue-green, the old
     * colour until the whole new colour is available, then the new colour alone, in one switch; during a canary, the
     * target's replicas get the canary's share by weight.
     *
     * @return whether the routing changed
     */
    private boolean traffic(int targetRevision) {
        List<Integer> oldPorts = ports(old);
        List<Integer> freshPorts = ports(fresh);
        if (canaryWeight >= 0) {
            Map<Integer, Integer> weights = WeightSplit.of(oldPorts, freshPorts, canaryWeight);
            return apply(weights, targetRevision, () -> router.split(app, weights), String.format(Locale.ROOT,
                    "canary weight %d %%: revision %d gets %.1f %% (ports %s), weights %s", canaryWeight,
                    targetRevision, WeightSplit.percent(weights, freshPorts), freshPorts, weights));
        }
        Set<Integer> serving = new TreeSet<>();
        if (blueGreen && !oldPorts.isEmpty() && freshPorts.size() < desired) {
            serving.addAll(oldPorts);
        } else if (blueGreen && !oldPorts.isEmpty()) {
            serving.addAll(freshPorts);
        } else {
            serving.addAll(oldPorts);
            serving.addAll(freshPorts);
        }
        Map<Integer, Integer> weights = new TreeMap<>();
        serving.forEach(p -> weights.put(p, 1));
        return apply(weights, targetRevision, () -> router.route(app, List.copyOf(serving)), "serving ports " + serving);
    }

    /** A change of the router's configuration. */
    @FunctionalInterface
    private interface RouterCall {
        void run() throws IOException;
    }

    private boolean apply(Map<Integer, Integer> weights, int targetRevision, RouterCall call, String detail) {
        if (weights.equals(lastWeights)) {
            return false;
        }
        try {
            call.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        lastWeights = weights;
        timeline.app(Type.TRAFFIC, targetRevision, detail);
        return true;
    }

    private static List<Integer> ports(List<Tracked> replicas) {
        return replicas.stream().filter(t -> t.available).map(t -> t.ref.port()).toList();
    }

    private ProbeResult check(Tracked t, boolean listedRunning) {
        ReplicaCheck.Check c = checker.check(t.ref, listedRunning);
        if (c.fatal()) {
            t.gate.fail(c.result().detail());
        }
        return c.result();
    }

    private ReadinessGate gate(long startedAt) {
        return new ReadinessGate(probe, strategy.minReadySeconds() * 1000L, startedAt);
    }

    private int stopTimeout(int revision) {
        Revision rev = revisions.get(revision);
        return rev == null ? 10 : rev.spec().stopTimeoutSeconds();
    }

    private static int available(List<Tracked> replicas) {
        return (int) replicas.stream().filter(t -> t.available).count();
    }

    private static void checkInterrupt() throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException("rollout interrupted");
        }
    }
}
