package io.jenkins.plugins.containerrollout.core.deploy.docker;

import io.jenkins.plugins.containerrollout.core.deploy.LeftRunning;
import io.jenkins.plugins.containerrollout.core.deploy.LogMask;
import com.github.dockerjava.api.command.InspectImageResponse;
import io.jenkins.plugins.containerrollout.core.RequestException;
import io.jenkins.plugins.containerrollout.core.ProgressSink;
import io.jenkins.plugins.containerrollout.core.deploy.AppDeployer;
import io.jenkins.plugins.containerrollout.core.deploy.AppName;
import io.jenkins.plugins.containerrollout.core.deploy.AppPhase;
import io.jenkins.plugins.containerrollout.core.deploy.AppLabels;
import io.jenkins.plugins.containerrollout.core.deploy.AppStatus;
import io.jenkins.plugins.containerrollout.core.deploy.DeployRequest;
import io.jenkins.plugins.containerrollout.core.deploy.RecordBuilder;
import io.jenkins.plugins.containerrollout.core.deploy.ReplicaLogs;
import io.jenkins.plugins.containerrollout.core.deploy.ReplicaSpec;
import io.jenkins.plugins.containerrollout.core.deploy.RevisionInfo;
import io.jenkins.plugins.containerrollout.core.deploy.PromoteRequest;
import io.jenkins.plugins.containerrollout.core.deploy.RollbackRequest;
import io.jenkins.plugins.containerrollout.core.deploy.StackRevision;
import io.jenkins.plugins.containerrollout.core.deploy.RolloutLockedException;
import io.jenkins.plugins.containerrollout.core.deploy.RolloutStrategy;
import io.jenkins.plugins.containerrollout.core.engine.DockerHost;
import io.jenkins.plugins.containerrollout.core.image.RegistryCredentials;
import io.jenkins.plugins.containerrollout.core.health.ProbeSettings;
import io.jenkins.plugins.containerrollout.core.record.Operation;
import io.jenkins.plugins.containerrollout.core.record.Outcome;
import io.jenkins.plugins.containerrollout.core.record.PauseInfo;
import io.jenkins.plugins.containerrollout.core.record.RolloutRecord;
import io.jenkins.plugins.containerrollout.core.record.TimelineEvent.Type;
import io.jenkins.plugins.containerrollout.core.router.TrafficRouter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Future;

/**
 * Deploys and rolls back applications on one Docker Engine host, keeping every bit of state in the engine (see
 * {@link AppLabels}), so any later process can read the history or roll back. Rollouts of one application are
 * serialized by a lock in the engine; a second one is refused with {@link RolloutLockedException}.
 *
 * <p>Usage:
 * <pre>{@code
 * try (DockerDeployer deployer = new DockerDeployer(host)) {
 *     RolloutRecord r = deployer.deploy(DeployRequest.of(host, "web", "127.0.0.1:5000/web:7", 4, 21000), System.err::println);
 * }
 * }</pre>
 */
public final class DockerDeployer implements AppDeployer {
    final DockerHost host;
    final AppEngine engine;
    /** The executor, probe client and clock every rollout of this deployer borrows; closed with it. */
    final DeployerResources resources;
    final EngineState store;
    private final StackRecords stacks;
    private final EngineImages images;
    /** The registry login, or null; its password is also masked in failed replicas' logs. */
    final RegistryCredentials credentials;
    private final AppQueries queries;
    /** Promote and abort of a rollout that holds at a pause. */
    private final PauseControl pauses;
    final Duration lockStaleAfter;
    /** The router given, or {@link TrafficRouter#NONE}: then each command uses the one recorded with its app. */
    final TrafficRouter router;

    /**
     * A deployer without a router (rolling and recreate), whose rollout locks are taken over after an hour (or at
     * once when their owner process is gone).
     */
    public DockerDeployer(DockerHost host) {
        this(host, TrafficRouter.NONE, Duration.ofHours(1));
    }

    /**
     * A deployer that keeps {@code router} pointed at the serving replicas; blue-green needs one. The router is
     * recorded with each application it deploys or rolls back, so a later deployer without one keeps it in step.
     */
    public DockerDeployer(DockerHost host, TrafficRouter router) {
        this(host, router, Duration.ofHours(1));
    }

    /**
     * @param router         the router in front of the replicas, or {@link TrafficRouter#NONE}
     * @param lockStaleAfter age after which another process's lock on an application is considered abandoned
     */
    public DockerDeployer(DockerHost host, TrafficRouter router, Duration lockStaleAfter) {
        this(host, router, null, lockStaleAfter);
    }

    /**
     * A deployer that pulls private images with {@code credentials} (null: anonymously), as the Swarm one does.
     */
    public DockerDeployer(DockerHost host, TrafficRouter router, RegistryCredentials credentials) {
        this(host, router, credentials, Duration.ofHours(1));
    }

    private DockerDeployer(DockerHost host, TrafficRouter router, RegistryCredentials credentials,
            Duration lockStaleAfter) {
        this.host = host;
        this.router = router;
        this.engine = new AppEngine(DeployClients.open(host));
        this.resources = DeployerResources.over(engine);
        this.store = new EngineState(engine);
        this.stacks = new StackRecords(engine, store);
        this.images = new EngineImages(engine, host, credentials);
        this.credentials = credentials;
        this.queries = new AppQueries(host, engine, store, credentials);
        this.lockStaleAfter = lockStaleAfter;
        this.pauses = new PauseControl(this);
    }

    /**
     * Rolls {@code request.app()} out to the requested spec and replica count. A spec equal to the current revision's
     * scales it in place (no new revision, running replicas untouched). On failure the previous revision is restored
     * when {@code autoRollback} (outcome {@link Outcome#ROLLED_BACK}), else the application is left paused.
     *
     * @throws IllegalArgumentException a bad request (nothing was changed on the engine)
     * @throws RolloutLockedException   another rollout of the application is running
     * @throws InterruptedException     the thread was interrupted; the next deploy or rollback converges from there
     */
    public RolloutRecord deploy(DeployRequest request, ProgressSink sink) throws InterruptedException {
        return EngineInterrupts.interruptible(() -> doDeploy(request, sink));
    }

    private RolloutRecord doDeploy(DeployRequest request, ProgressSink sink) throws InterruptedException {
        requireSameHost(request.host());
        TrafficRouter router = request.takesTraffic()
                ? AppRouter.choose(request.app(), this.router, store.state(request.app()).router(), sink)
                : TrafficRouter.NONE;
        AppRouter.requireFor(request.app(), request.strategy(), router);
        long startedAt = System.currentTimeMillis();
        String app = request.app();
        ReplicaSpec spec = request.spec();
        int n = request.replicas();
        InspectImageResponse image = images.resolve(spec.image(), sink);
        String imageId = image.getId();
        String hash = EngineState.specHash(spec, imageId, request.probe().path());
        Timeline timeline = new Timeline(app, sink);
        try (RolloutLock lock = RolloutLock.acquire(engine, app, imageId, lockStaleAfter)) {
            // one listing under the lock serves the port check, the targets and the rollout's first look
            EngineState.Snapshot read = store.snapshot(app);
            AppEngine.requireFreePorts(app, read.replicas(), request.portBase(), request.strategy().ports(n));
            if (read.state().paused() != null) {
                RolloutRecord aborted = pauses.abortToReplace(request, read.state(), router, sink);
                if (aborted.outcome() == Outcome.FAILED) {
                    return aborted; // the paused rollout could not be taken back: nothing new goes out over it
                }
                read = store.snapshot(app);
            }
            EngineState.Snapshot snapshot = read;
            AppState state = snapshot.state();
            List<Revision> kept = snapshot.revisions();
            Revision target = targetRevision(request, state, kept, image, hash, startedAt);
            int from = state.stable();
            Map<Integer, Revision> byNumber = new java.util.HashMap<>(Revision.byNumber(kept));
            byNumber.put(target.number(), target);
            timeline.app(Type.PHASE, target.number(), "deploying revision " + target.number() + " (" + spec.image()
                    + ") from revision " + from + ": " + n + " replicas, " + request.strategy().name());
            Ending ending;
            try {
                Rollout rollout = new Rollout(resources, timeline, app, byNumber, request.probe(), request.strategy(), router,
                        new LogMask(credentials, spec.env()));
                rollout.foundState(state, snapshot.replicas());
                // the state says which revision is progressing before any replica changes: an interrupted rollout
                // converges from there. It is written while the rollout probes what runs (off the rollout's path);
                // a new revision's record (a container: it keeps the image from being pruned) while the first
                // batch's containers are created, and no replica starts before it is written. A state naming a
                // revision whose record a crash kept from being written is read as a number only (the next deploy
                // numbers past it), and a replica of that revision has never started then: the next rollout that
                // succeeds removes the ones created
                if (kept.stream().noneMatch(r -> r.number() == target.number())) {
                    rollout.beforeStarts(() -> store.writeRevision(app, target, spec.image()));
                }
                Future<EngineState.StateLog> progressing = rollout.writeFirst(() -> store.writeState(app,
                        state.next(from, target.number(), AppPhase.PROGRESSING, n, request.portBase())
                                .withRouter(AppRouter.recorded(app, router)), snapshot.log()));
                Rollout.Target goal = new Rollout.Target(target, n, request.portBase());
                // a first deploy or a scaling has nothing to compare a canary with, nor to keep serving beside a preview
                boolean sideBySide = from != 0 && from != target.number();
                PauseInfo held = null;
                if (request.strategy() instanceof RolloutStrategy.Canary canary && sideBySide) {
                    int heldAt = new Canary(rollout, timeline, canary, app, router, resources.clock()).run(goal);
                    held = heldAt < 0 ? null : Pauses.canary(canary, heldAt, target.number(), from, request.buildUrl());
                } else if (request.strategy() instanceof RolloutStrategy.BlueGreen bg && !bg.autoPromote() && sideBySide) {
                    held = Pauses.preview(rollout, goal, app, router, timeline, from, request.buildUrl());
                } else {
                    rollout.converge(goal);
                }
                if (held != null) {
                    return pause(rollout, request, held, target, n, timeline, new Started(from, spec.image(), startedAt));
                }
                ending = succeed(rollout, app, target, from, byNumber.containsKey(from), n, request.portBase(),
                        request.revisionHistoryLimit(), Background.await(progressing));
            } catch (RolloutFailure failure) {
                timeline.app(Type.PHASE, target.number(), "revision " + target.number() + " failed: " + failure.getMessage());
                ending = afterFailure(request, state, target, byNumber, failure.getMessage(), timeline, router);
            }
            return timeline.record(Operation.DEPLOY, from, target, ending.serving(), spec.image(), n, request.strategy(),
                    ending.outcome(), ending.message(), startedAt);
        }
    }

    /** Where the rollout a record spans began: the revision it started from, the image asked for, and when. */
    record Started(int from, String image, long atMillis) {
    }

    /**
     * The rollout converged on {@code target}: recorded complete (after {@code progressing}, the state this rollout
     * wrote first) while old replicas and records are pruned and the last replaced replicas stop; returns once
     * those are told to stop ({@link Rollout#settleConverged}).
     */
    Ending succeed(Rollout rollout, String app, Revision target, int from, boolean fromKept, int n, int portBase,
            int historyLimit, EngineState.StateLog progressing) throws InterruptedException {
        boolean keepFrom = from != target.number() && fromKept;
        Future<?> pruned = rollout.beside(() -> {
            store.collectGarbage(app, keepFrom ? from : 0, historyLimit, target.number());
            return null;
        });
        store.writeState(app, progressing.latest().next(target.number(), target.number(), AppPhase.COMPLETE, n,
                portBase), progressing);
        Background.await(pruned);
        rollout.settleConverged();
        return new Ending(Outcome.SUCCEEDED, n + "/" + n + " replicas on revision " + target.number(), target.number());
    }

    /**
     * The rollout holds where {@code held} says: its record so far (outcome PAUSED) is returned and kept in the
     * engine with the state, so promote or abort can go on from any process; the lock is released after this.
     */
    RolloutRecord pause(Rollout rollout, DeployRequest request, PauseInfo held, Revision target, int n,
            Timeline timeline, Started started) throws InterruptedException {
        String app = request.app();
        String message = "revision " + target.number() + " holds at " + held.describe() + "; "
                + PauseInfo.nextSteps(app);
        RolloutRecord soFar = timeline.record(Operation.DEPLOY, started.from(), target, started.from(),
                started.image(), n, request.strategy(), Outcome.PAUSED, message, started.atMillis()).withPause(held);
        PausedRollout paused = new PausedRollout(held, request.strategy(), request.probe(),
                request.revisionHistoryLimit(), soFar);
        store.advanceState(app, latest -> latest.next(started.from(), target.number(), AppPhase.PAUSED, n,
                request.portBase()).withPaused(paused));
        rollout.settle();
        return soFar;
    }

    /**
     * Continues the rollout that holds at a pause: a canary's next step (or, {@code full}, straight to 100 %), or a
     * blue-green switch from the old colour to the previewed one. The record returned spans the whole rollout.
     *
     * @throws IllegalArgumentException no rollout of the application holds at a pause (nothing was changed)
     * @throws RolloutLockedException   another rollout of the application is running
     */
    @Override
    public RolloutRecord promote(PromoteRequest request, ProgressSink sink) throws InterruptedException {
        return EngineInterrupts.interruptible(() -> pauses.promote(request, sink));
    }

    /** How a deploy ended, and which revision serves after it. */
    record Ending(Outcome outcome, String message, int serving) {
    }

    /**
     * The revision a deploy converges on: the stable or in-progress one when the spec is the same (scaling in place,
     * or finishing an interrupted rollout), else a new revision, whose record the caller writes (with the state,
     * while the rollout first looks at what runs).
     */
    private Revision targetRevision(DeployRequest request, AppState state, List<Revision> revisions,
            InspectImageResponse image, String hash, long now) {
        Optional<Revision> same = revisions.stream()
                .filter(r -> r.specHash().equals(hash) && (r.number() == state.stable() || r.number() == state.target()))
                .findFirst();
        if (same.isPresent()) {
            return same.get();
        }
        int number = Math.max(revisions.stream().mapToInt(Revision::number).max().orElse(0),
                Math.max(state.stable(), state.target())) + 1;
        ReplicaSpec spec = request.spec();
        return new Revision(number, spec, hash, image.getId(), EngineImages.digest(image, spec.image()),
                request.probe().path(), EngineImages.healthGates(image, spec), request.buildUrl(), request.commit(), now);
    }

    /** A deploy failed: pause, give up, or restore the revision that was stable before it. */
    Ending afterFailure(DeployRequest request, AppState before, Revision target, Map<Integer, Revision> byNumber,
            String why, Timeline timeline, TrafficRouter router) throws InterruptedException {
        String app = request.app();
        int from = before.stable();
        int n = request.replicas();
        Revision previous = from == target.number() ? null : byNumber.get(from);
        if (!request.strategy().gates().autoRollback()) {
            writeState(app, from, target.number(), AppPhase.PAUSED, n, request.portBase());
            return new Ending(Outcome.FAILED, why + "; left where it stopped (autoRollback is off): deploy again or "
                    + "roll back", from);
        }
        if (previous == null) {
            engine.removeReplicas(app, target.number());
            writeState(app, from, target.number(), AppPhase.FAILED, n, request.portBase());
            return new Ending(Outcome.FAILED, why + "; no earlier revision to roll back to", from);
        }
        timeline.app(Type.ROLLBACK_STARTED, from, "rolling back to revision " + from);
        String restoreFailure = restore(app, previous, before.replicas() > 0 ? before.replicas() : n,
                before.portBase() > 0 ? before.portBase() : request.portBase(), byNumber, request.probe(),
                request.strategy(), timeline, router, AppState.none());
        if (restoreFailure != null) {
            writeState(app, from, target.number(), AppPhase.FAILED, n, request.portBase());
            return new Ending(Outcome.FAILED, why + "; and the rollback to revision " + from + " failed too: "
                    + restoreFailure, from);
        }
        // the failed revision's stopped containers stay (docker logs, docker inspect) until a rollout succeeds
        store.collectGarbage(app, target.number(), request.revisionHistoryLimit(), from);
        return new Ending(Outcome.ROLLED_BACK, why + "; rolled back to revision " + from, from);
    }

    /**
     * Restores a kept revision (the previous one, or {@code toRevision}): same image id, same spec. Kept stopped
     * replicas of that revision are restarted where their port is free; the rest are re-created from its record.
     *
     * @throws IllegalArgumentException no such revision is kept, or its image is gone (nothing was changed)
     * @throws RolloutLockedException   another rollout of the application is running
     * @throws InterruptedException     the thread was interrupted
     */
    public RolloutRecord rollback(RollbackRequest request, ProgressSink sink) throws InterruptedException {
        return EngineInterrupts.interruptible(() -> doRollback(request, sink));
    }

    private RolloutRecord doRollback(RollbackRequest request, ProgressSink sink) throws InterruptedException {
        requireSameHost(request.host());
        long startedAt = System.currentTimeMillis();
        String app = request.app();
        List<Revision> revisions = store.revisions(app);
        AppState state = store.state(app);
        TrafficRouter router = request.takesTraffic() ? AppRouter.choose(app, this.router, state.router(), sink)
                : TrafficRouter.NONE;
        AppRouter.requireFor(request.app(), request.strategy(), router);
        if (revisions.isEmpty()) {
            throw new RequestException("app: '" + app + "' has no recorded revisions on " + host.uri()
                    + "; deploy it first");
        }
        int current = state.current();
        // a paused rollout is aborted: back to the revision that serves beside it, unless another one is named
        Revision to = state.paused() != null && request.toRevision() == 0
                ? Pauses.revision(Revision.byNumber(revisions), state.stable(), app)
                : request.pick(revisions, Revision::number, current);
        images.ensure(to, sink);
        Timeline timeline = new Timeline(app, sink);
        try (RolloutLock lock = RolloutLock.acquire(engine, app, to.imageId(), lockStaleAfter)) {
            state = store.state(app);
            if (state.paused() != null) {
                return pauses.abortPaused(app, state, to, Revision.byNumber(revisions), request.strategy(),
                        request.probe(), router, sink);
            }
            int replicas = state.replicas() > 0 ? state.replicas() : 1;
            int portBase = state.portBase();
            store.writeState(app, state.next(current, to.number(), AppPhase.PROGRESSING, replicas, portBase)
                    .withRouter(AppRouter.recorded(app, router)));
            timeline.app(Type.ROLLBACK_STARTED, to.number(), "rolling back from revision " + current + " to revision "
                    + to.number() + " (" + to.spec().image() + ")");
            String failure = restore(app, to, replicas, portBase, Revision.byNumber(revisions), request.probe(),
                    request.strategy(), timeline, router, state);
            Outcome outcome = failure == null ? Outcome.SUCCEEDED : Outcome.FAILED;
            if (failure == null) {
                store.collectGarbage(app, current == to.number() ? 0 : current, Integer.MAX_VALUE, to.number());
            } else {
                writeState(app, current, to.number(), AppPhase.FAILED, replicas, portBase);
            }
            String message = failure == null ? replicas + "/" + replicas + " replicas on revision " + to.number()
                    : "rollback to revision " + to.number() + " failed: " + failure;
            return timeline.record(Operation.ROLLBACK, current, to, failure == null ? to.number() : current,
                    to.spec().image(), replicas, request.strategy(), outcome, message, startedAt);
        }
    }

    /** Kept revisions of {@code app}, oldest first, read from the engine alone. */
    public List<RevisionInfo> history(String app) {
        return queries.history(app);
    }

    @Override
    public List<ReplicaLogs> logs(String app, int revision, int tail) {
        return queries.logs(app, revision, tail);
    }

    /** Desired and ready replicas of {@code app} now (one probe per running replica), and its last phase. */
    public AppStatus status(String app) {
        return queries.status(app);
    }

    /** Removes every container of {@code app}: replicas, records, state and lock. Its history is gone after this. */
    public void remove(String app) {
        AppName.check(app);
        store.removeAll(app);
    }

    @Override
    public void recordStack(StackRevision revision) {
        stacks.write(revision);
    }

    @Override
    public List<StackRevision> stackHistory(String project) {
        return stacks.history(project);
    }

    @Override
    public void ensureNetwork(String name, String driver, Map<String, String> labels, Map<String, String> driverOptions,
            boolean external) {
        engine.networks().ensure(name, driver, labels, driverOptions, external);
    }

    /**
     * The stack's lock is an app lock under a name no app can have ({@code <project>.stack}: app names have no dot),
     * a marker container of {@code image} (pulled when missing).
     */
    @Override
    public StackLock lockStack(String project, String image) throws InterruptedException {
        AppName.check(project);
        String imageId = images.resolve(image, line -> { }).getId();
        RolloutLock lock = RolloutLock.acquire(engine, project + ".stack", "stack '" + project + "'", imageId,
                lockStaleAfter);
        return lock::close;
    }

    /**
     * Closes the deployer; the stops its last rollout told go on ({@link DeployerResources#close}), and the engine
     * client they use stays open until they end ({@link LeftRunning}).
     */
    @Override
    public void close() {
        resources.closeThen(engine::close);
    }

    /** Converges on {@code revision}; returns null when it serves again, else why not. */
    private String restore(String app, Revision revision, int replicas, int portBase, Map<Integer, Revision> revisions,
            ProbeSettings probe, RolloutStrategy strategy, Timeline timeline, TrafficRouter router, AppState before)
            throws InterruptedException {
        try {
            Rollout rollout = new Rollout(resources, timeline, app, revisions, probe, strategy, router,
                    new LogMask(credentials, revision.spec().env()));
            rollout.foundState(before);
            rollout.converge(new Rollout.Target(revision, replicas, portBase));
            writeState(app, revision.number(), revision.number(), AppPhase.COMPLETE, replicas, portBase);
            rollout.settleConverged(); // the last replaced replicas stopped (or were told to) while the state was written
            timeline.app(Type.RESTORED, revision.number(), "revision " + revision.number() + " restored");
            return null;
        } catch (RolloutFailure f) {
            timeline.app(Type.PHASE, revision.number(), "restoring revision " + revision.number() + " failed: "
                    + f.getMessage());
            return f.getMessage();
        }
    }

    void writeState(String app, int stable, int target, AppPhase phase, int replicas, int portBase) {
        store.advanceState(app, latest -> latest.next(stable, target, phase, replicas, portBase));
    }

    void requireSameHost(DockerHost requested) {
        if (!host.equals(requested)) {
            throw new RequestException("host: the request names " + requested.uri() + " but this deployer talks to "
                    + host.uri() + "; run the deploy against one engine (dockerHost, --docker-host)");
        }
    }
}
