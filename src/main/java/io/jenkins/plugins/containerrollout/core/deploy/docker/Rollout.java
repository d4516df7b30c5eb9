package io.jenkins.plugins.containerrollout.core.deploy.docker;

import io.jenkins.plugins.containerrollout.core.deploy.LogMask;
import io.jenkins.plugins.containerrollout.core.deploy.Replacement;
import io.jenkins.plugins.containerrollout.core.deploy.RolloutStrategy;
import io.jenkins.plugins.containerrollout.core.health.ProbeSettings;
import io.jenkins.plugins.containerrollout.core.record.TimelineEvent.Type;
import io.jenkins.plugins.containerrollout.core.router.TrafficRouter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;

/**
 * Converges an application onto one revision with {@code desired} replicas: the loop that rolling, recreate,
 * blue-green, scaling, rollback and the recovery from an interrupted rollout all share, read as Argo Rollouts'
 * {@code reconcile}: look at what runs, plan one round ({@link BatchPlan}), carry it out ({@link ReplicaSet}),
 * route the traffic ({@link TrafficPlan}), wait for the new replicas' health gates, and again until done. It starts
 * from whatever runs (so a rollout killed half-way converges on the next call) and counts only replicas that passed
 * their health gate as available.
 *
 * <p>Ports: slot {@code k} serves on {@code portBase + k}; {@link SlotPlan} picks the slots, so surge replicas land
 * beyond the old range and the serving set is always "ports of available replicas" ({@link Type#TRAFFIC} events).
 *
 * <p>Pipelining: replaced replicas leave the serving set at once and stop beside the rollout ({@link Background})
 * while the next batch's containers are created ahead (a created container neither runs nor binds its port). With
 * {@link Replacement#STOP_STARTED} the next batch starts at once, on ports no stopping replica holds; with
 * {@link Replacement#STOP_COMPLETE} (and recreate, and maxSurge 0: {@link RolloutStrategy#waitsForStops}) it starts
 * only once those stops have ended, so running containers never exceed {@code desired + maxSurge}. A rollout that
 * converged returns once its last stops are told ({@link #settleConverged}); {@link #settle} waits for them all.
 *
 * <p>A canary ({@link Canary}) drives the same replicas in smaller moves: {@link #grow} starts replicas of the target
 * beside the others without retiring any, {@link #shift} sets the share of traffic the target's replicas get (router
 * weights), and {@link #converge} finally retires the stable revision.
 */
final class Rollout {
    /** How long a converged rollout waits for a last stop still queued to begin ({@link #settleConverged}). */
    static final Duration TOLD_TO_STOP = Duration.ofSeconds(1);
    /** What to converge on. */
    record Target(Revision revision, int desired, int portBase) {
    }

    private final Timeline timeline;
    private final String app;
    private final RolloutStrategy strategy;
    private final TrafficRouter router;
    private final ProbeSettings probe;
    private final Background background;
    private final ReplicaSet replicas;
    private final ProgressDeadline deadline;
    private final Drain drain;
    private int desired;
    /** Slots the rollout keeps its replicas in; 0 before {@link #converge} (a canary's first take the lowest free). */
    private int span;
    private Map<Integer, Integer> lastWeights = Map.of();
    /** Percent of traffic for the target's replicas while a canary runs; -1: every available replica alike. */
    private int canaryWeight = -1;
    /** Whether production traffic stays on the other revisions' replicas (a blue-green preview before promotion). */
    private boolean previewing;
    private boolean observed;

    Rollout(DeployerResources resources, Timeline timeline, String app, Map<Integer, Revision> revisions,
            ProbeSettings probe, RolloutStrategy strategy, TrafficRouter router, LogMask mask) {
        this.timeline = timeline;
        this.app = app;
        this.strategy = strategy;
        this.router = router;
        this.probe = probe;
        this.background = new Background(resources.executor());
        this.replicas = new ReplicaSet(resources, background, timeline, app, revisions, probe,
                strategy.gates().minReadySeconds(), mask);
        this.deadline = new ProgressDeadline(resources.clock(), strategy.gates().progressDeadlineSeconds());
        this.drain = new Drain(router, app, resources.clock());
    }

    /**
     * Converges on {@code target}. On success the last replaced replicas may still be stopping (they serve no more):
     * call {@link #settle} before relying on them being stopped, or {@link #settleConverged} to return once they are
     * told to stop; on failure every stop has ended already.
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

    /** Waits for the engine calls still running beside the rollout; the first failure is thrown once all have ended. */
    void settle() throws InterruptedException {
        replicas.awaitCreated();
        background.awaitAllStops();
    }

    /**
     * Ends a rollout that converged, as {@code kubectl rollout status} does: once the new replicas serve and the last
     * replaced ones are out of traffic and told to stop (their stop calls have begun; one still queued is awaited at
     * most {@link #TOLD_TO_STOP}). A stop that has ended by then is recorded as such; the others are recorded as told
     * to stop and go on in the engine, which ends the replica (SIGKILL at the latest after its stop timeout) whether
     * or not the caller still waits: a kill takes the engine tens of milliseconds on an idle host, and an app's grace
     * period can take seconds. Until then {@code status} shows them as stopping and the next rollout waits for them
     * ({@link AppState#toldToStop}).
     */
    void settleConverged() throws InterruptedException {
        replicas.awaitCreated();
        replicas.toldToStop(background.awaitTold(TOLD_TO_STOP));
    }

    /**
     * The app's state as this rollout found it: the replicas its last rollout told to stop
     * ({@link AppState#toldToStop}) this one neither probes nor routes, and it waits for their stops. Not called:
     * none (a rollback after a failure).
     */
    void foundState(AppState state) {
        replicas.foundState(state, null);
    }

    /**
     * The app's state and its replicas as the caller listed them under the lock: the rollout's first look sorts those
     * instead of listing again.
     */
    void foundState(AppState state, List<ReplicaRef> listed) {
        replicas.foundState(state, listed);
    }

    /**
     * Has {@code write} (the rollout's state record) done while the rollout looks at what runs; it has ended before
     * the rollout changes anything, and its failure is the rollout's.
     */
    <T> Future<T> writeFirst(Callable<T> write) {
        return background.writeFirst(write);
    }

    /**
     * Has {@code call} (a new revision's record) done before any replica of the rollout starts; the first batch's
     * containers are created meanwhile.
     */
    void beforeStarts(Callable<?> call) {
        background.beforeStarts(call);
    }

    /** Runs {@code call} beside the rollout (its engine calls on the rollout's executor); await its result. */
    <T> Future<T> beside(Callable<T> call) {
        return background.submit(call);
    }

    /**
     * Starts replicas of the target revision beside the others (which keep running and serving, untouched) until
     * {@code target.desired()} of them are available: the canary replicas, then the rest at promotion.
     */
    void grow(Target target) throws RolloutFailure, InterruptedException {
        routing(() -> {
            Revision rev = target.revision();
            deadline.progressed();
            observe(rev);
            traffic(rev.number());
            while (Tracked.available(replicas.fresh) < target.desired()) {
                checkInterrupt();
                startReplicas(rev, target.portBase(), target.desired() - replicas.fresh.size(), 0);
                awaitPending(rev);
            }
        });
    }

    /**
     * Gives the target revision's replicas {@code percent} of the traffic from the first routing on: 0 holds it off
     * them until {@link #shift} gives them a share; a promoted canary goes on at the weight it held; 100 takes the
     * other revisions out of the routing before anything else happens (an abort, whose target is the stable one).
     */
    void hold(int percent) {
        canaryWeight = percent;
    }

    /**
     * Keeps production traffic on the other revisions' replicas however many of the target's are available: a
     * blue-green release waiting on its preview address for promotion.
     */
    void holdOld() {
        previewing = true;
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
                Set<Integer> dropped = new HashSet<>(before);
                dropped.removeAll(lastWeights.keySet());
                drain.await(dropped, true);
            }
        });
    }

    /** Ports of the target revision's available replicas (a canary's), ascending. */
    List<Integer> targetPorts() {
        return Tracked.ports(replicas.fresh).stream().sorted().toList();
    }

    /** Ports of the other revisions' available replicas (the stable one's during a canary), ascending. */
    List<Integer> otherPorts() {
        return Tracked.ports(replicas.old).stream().sorted().toList();
    }

    /** Stops every replica of the target revision (an aborted canary); they get no traffic by then. */
    void stopTarget(String why) {
        replicas.stopFresh(why);
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
        BatchPlan.Shape shape = new BatchPlan.Shape(n, strategy.surge(n), strategy.unavailable(n),
                strategy instanceof RolloutStrategy.BlueGreen);
        deadline.progressed();
        observe(rev);
        traffic(rev.number());
        timeline.line("converging on revision " + rev.number() + ": " + n + " replicas, maxSurge " + shape.surge()
                + ", maxUnavailable " + shape.maxUnavailable() + " (" + replicas.old.size() + " other, "
                + replicas.fresh.size() + " current running)");
        ReplicaSet.Routing routing = () -> traffic(rev.number());
        while (true) {
            checkInterrupt();
            if (BatchPlan.done(replicas.old, replicas.fresh, Tracked::available, n)) {
                break;
            }
            BatchPlan<Tracked> plan = BatchPlan.of(replicas.old, replicas.fresh, Tracked::available, Tracked::slot,
                    shape);
            replicas.retire(plan.surplus(), routing, drain, ReplicaSet.Retire.REMOVE);
            replicas.retire(plan.idle(), routing, drain, ReplicaSet.Retire.KEEP);
            if (plan.holdOldColour() && strategy instanceof RolloutStrategy.BlueGreen bg
                    && bg.scaleDownDelaySeconds() > 0) {
                // traffic switched to the new colour already; the old one stays for an instant switch back
                timeline.line("keeping the old colour " + bg.scaleDownDelaySeconds() + " s");
                Thread.sleep(bg.scaleDownDelaySeconds() * 1000L);
            }
            replicas.retire(plan.replaced(), routing, drain, ReplicaSet.Retire.KEEP_IN_BACKGROUND);
            startReplicas(rev, target.portBase(), plan.start(), plan.createAhead());
            if (plan.stuck()) {
                throw new RolloutFailure("no progress possible with maxSurge " + shape.surge() + " and maxUnavailable "
                        + shape.maxUnavailable() + " for " + n + " replicas");
            }
            awaitPending(rev);
            long onTarget = Tracked.available(replicas.fresh);
            timeline.line(onTarget + "/" + n + " replicas on revision " + rev.number());
            Duration batchDelay = strategy instanceof RolloutStrategy.Rolling r ? r.batchDelay() : Duration.ZERO;
            if (plan.changed() && !batchDelay.isZero() && !(replicas.old.isEmpty() && onTarget == n)) {
                Thread.sleep(batchDelay.toMillis());
            }
        }
        timeline.app(Type.PHASE, rev.number(), n + "/" + n + " replicas on revision " + rev.number());
    }

    /**
     * Sorts what runs into old and current replicas, once per rollout: later phases (a canary's) go on from what
     * this rollout tracks.
     */
    private void observe(Revision rev) throws InterruptedException {
        if (observed) {
            return;
        }
        observed = true;
        try {
            replicas.look(rev);
        } finally {
            background.awaitFirstWrite(); // whatever happened, that write has ended before the rollout goes on
        }
    }

    /**
     * Starts {@code count} replicas of {@code rev}: slots chosen one by one by {@link SlotPlan} (kept containers of
     * the revision first), then created and started all at once. The next batch's {@code ahead} containers are
     * created beside those starts, once this batch's own exist: created after the starts, during the batch's health
     * checks only, they still ran when the next batch was due (their creates took longer than a quick replica's
     * first answer); created beside the first batch's own creates, they slowed those.
     */
    private void startReplicas(Revision rev, int portBase, int count, int ahead) throws InterruptedException {
        if (count <= 0) {
            return;
        }
        replicas.awaitCreated(); // its slots are picked now, so no creation may still be running
        Set<Integer> used = new HashSet<>();
        replicas.old.forEach(t -> used.add(t.slot()));
        replicas.fresh.forEach(t -> used.add(t.slot()));
        SlotPlan slots = slots(portBase);
        Map<Integer, ReplicaRef> keptOnes = new TreeMap<>();
        List<Integer> chosen = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int slot = slots.next(used, replicas.kept.keySet());
            used.add(slot);
            chosen.add(slot);
            ReplicaRef keptOne = replicas.kept.remove(slot);
            if (keptOne != null) {
                keptOnes.put(slot, keptOne);
            }
        }
        boolean waits = strategy.waitsForStops(desired);
        replicas.start(rev, portBase, chosen, keptOnes, ports -> {
            // once this batch's containers exist (the first batch creates its own, which those ahead would slow)
            createAhead(rev, portBase, ahead, chosen);
            background.awaitBeforeStarts();
            // a stopping replica counts against maxSurge until it has stopped; else collect the outcome of ended stops
            if (waits) {
                background.awaitAllStops(); // not the creations ahead: those are the next batch's
            } else {
                background.awaitStops(ports);
            }
        });
    }

    /**
     * Creates the containers of the next batch while this one ({@code starting}: its slots) comes up, where
     * {@link SlotPlan#ahead} says.
     */
    private void createAhead(Revision rev, int portBase, int count, List<Integer> starting) {
        if (count <= 0 || replicas.keptFromEarlier()) {
            return; // kept containers of the target (a rollback's) come first, and restarting them needs no create
        }
        Set<Integer> taken = new HashSet<>(replicas.kept.keySet());
        taken.addAll(starting);
        replicas.fresh.forEach(t -> taken.add(t.slot()));
        List<Integer> availableOld = replicas.old.stream().filter(Tracked::available).map(Tracked::slot).toList();
        List<Integer> idleOld = replicas.old.stream().filter(t -> !t.available).map(Tracked::slot).toList();
        replicas.createAhead(rev, portBase, slots(portBase).ahead(taken, availableOld, idleOld, count));
    }

    private SlotPlan slots(int portBase) {
        return new SlotPlan(portBase, span, strategy.waitsForStops(desired), background);
    }

    /** Probes every pending current replica until each is available or failed, or the deadline passed. */
    private void awaitPending(Revision rev) throws RolloutFailure, InterruptedException {
        ReplicaSet.Routing routing = () -> traffic(rev.number());
        double failureRatio = strategy.gates().failureRatio();
        while (replicas.fresh.stream().anyMatch(t -> !t.available)) {
            Set<String> running = replicas.probePending(routing, deadline, failureRatio);
            replicas.watchServing(running, routing, failureRatio);
            deadline.check(rev.number());
            if (replicas.fresh.stream().anyMatch(t -> !t.available)) {
                Thread.sleep(probe.interval().toMillis());
            }
        }
    }

    /**
     * Tells the router (and the timeline) where traffic goes now, as {@link TrafficPlan} says.
     *
     * @return whether the routing changed
     */
    private boolean traffic(int targetRevision) {
        List<Integer> fresh = previewing ? List.of() : Tracked.ports(replicas.fresh);
        TrafficPlan plan = TrafficPlan.of(Tracked.ports(replicas.old), fresh, desired,
                strategy instanceof RolloutStrategy.BlueGreen, canaryWeight, targetRevision);
        if (plan.weights().equals(lastWeights)) {
            return false;
        }
        try {
            if (plan.split()) {
                router.split(app, plan.weights());
            } else {
                router.route(app, plan.ports());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        lastWeights = plan.weights();
        timeline.app(Type.TRAFFIC, targetRevision, plan.detail());
        return true;
    }

    static void checkInterrupt() throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException("rollout interrupted");
        }
    }
}
