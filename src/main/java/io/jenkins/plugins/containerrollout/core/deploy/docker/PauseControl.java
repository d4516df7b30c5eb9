package io.jenkins.plugins.containerrollout.core.deploy.docker;

import io.jenkins.plugins.containerrollout.core.deploy.LogMask;
import io.jenkins.plugins.containerrollout.core.ProgressSink;
import io.jenkins.plugins.containerrollout.core.deploy.AppPhase;
import io.jenkins.plugins.containerrollout.core.deploy.DeployRequest;
import io.jenkins.plugins.containerrollout.core.deploy.PromoteRequest;
import io.jenkins.plugins.containerrollout.core.deploy.RolloutStrategy;
import io.jenkins.plugins.containerrollout.core.health.ProbeSettings;
import io.jenkins.plugins.containerrollout.core.record.Operation;
import io.jenkins.plugins.containerrollout.core.record.Outcome;
import io.jenkins.plugins.containerrollout.core.record.PauseInfo;
import io.jenkins.plugins.containerrollout.core.record.RolloutRecord;
import io.jenkins.plugins.containerrollout.core.record.TimelineEvent.Type;
import io.jenkins.plugins.containerrollout.core.router.TrafficRouter;
import java.util.Map;
import java.util.concurrent.Future;

/**
 * Promote and abort of a rollout that holds at a pause ({@link PausedRollout} in the app's state): promote goes on from
 * where it holds with the strategy it was deployed with, an abort sends all traffic back to the stable revision and
 * removes the paused one's replicas; either way the record continues the paused deploy's, so the rollout is one entry.
 * A deploy over a pause is refused here unless it replaces it. Part of {@link DockerDeployer}, whose engine, state,
 * lock and record helpers it uses.
 */
final class PauseControl {
    private final DockerDeployer d;

    PauseControl(DockerDeployer deployer) {
        this.d = deployer;
    }

    RolloutRecord promote(PromoteRequest request, ProgressSink sink) throws InterruptedException {
        d.requireSameHost(request.host());
        String app = request.app();
        AppState before = d.store.state(app);
        Pauses.requirePaused(app, before, "promote");
        TrafficRouter router = AppRouter.choose(app, d.router, before.router(), sink);
        String imageId = before.pausedRollout().recordSoFar().imageId();
        try (RolloutLock lock = RolloutLock.acquire(d.engine, app, imageId, d.lockStaleAfter)) {
            // read again under the lock: another process may have promoted or aborted it meanwhile
            EngineState.Snapshot snapshot = d.store.snapshot(app);
            AppState state = snapshot.state();
            Pauses.requirePaused(app, state, "promote");
            PausedRollout paused = state.pausedRollout();
            PauseInfo held = paused.info();
            RolloutRecord soFar = paused.recordSoFar();
            Map<Integer, Revision> byNumber = Revision.byNumber(snapshot.revisions());
            Revision target = Pauses.revision(byNumber, held.revision(), app);
            int n = state.replicas();
            DeployRequest deploy = new DeployRequest(d.host, app, target.spec(), n, state.portBase(), paused.strategy(),
                    paused.probe(), paused.revisionHistoryLimit(), soFar.buildUrl(), soFar.commit());
            Timeline timeline = new Timeline(app, sink, soFar);
            timeline.app(Type.PHASE, target.number(), Pauses.promoted(held, request, d.resources.clock().millis()));
            DockerDeployer.Started started = new DockerDeployer.Started(soFar.fromRevision(), soFar.image(), soFar.startedAtMillis());
            DockerDeployer.Ending ending;
            try {
                Rollout rollout = new Rollout(d.resources, timeline, app, byNumber, paused.probe(), paused.strategy(),
                        router, new LogMask(d.credentials, target.spec().env()));
                Future<EngineState.StateLog> progressing = rollout.writeFirst(() -> d.store.writeState(app,
                        state.next(held.stableRevision(), target.number(), AppPhase.PROGRESSING, n, state.portBase()),
                        snapshot.log()));
                Rollout.Target goal = new Rollout.Target(target, n, state.portBase());
                if (paused.strategy() instanceof RolloutStrategy.Canary canary) {
                    int heldAt = new Canary(rollout, timeline, canary, app, router, d.resources.clock())
                            .resume(goal, held.step() - 1, held.weight(), request.full());
                    if (heldAt >= 0) {
                        return d.pause(rollout, deploy, Pauses.canary(canary, heldAt, target.number(),
                                held.stableRevision(), held.startedBy()), target, n, timeline, started);
                    }
                } else {
                    rollout.converge(goal);
                    Pauses.endPreview(router, app, timeline);
                }
                ending = d.succeed(rollout, app, target, held.stableRevision(), byNumber.containsKey(held.stableRevision()),
                        n, state.portBase(), paused.revisionHistoryLimit(), Background.await(progressing));
            } catch (RolloutFailure failure) {
                timeline.app(Type.PHASE, target.number(), "revision " + target.number() + " failed: " + failure.getMessage());
                ending = d.afterFailure(deploy, state, target, byNumber, failure.getMessage(), timeline, router);
                Pauses.endPreview(router, app, timeline);
            }
            return timeline.record(Operation.DEPLOY, started.from(), target, ending.serving(), started.image(), n,
                    paused.strategy(), ending.outcome(), ending.message(), started.atMillis());
        }
    }

    /**
     * A deploy found a rollout holding at a pause: refused unless {@code replacePaused}, which aborts it first (the
     * caller holds the lock).
     *
     * @return the abort's record
     */
    RolloutRecord abortToReplace(DeployRequest request, AppState state, TrafficRouter router, ProgressSink sink)
            throws InterruptedException {
        String app = request.app();
        if (!request.replacePaused()) {
            throw Pauses.pausedAlready(app, state);
        }
        Map<Integer, Revision> revisions = Revision.byNumber(d.store.revisions(app));
        sink.line(app + ": replacePaused: aborting the paused rollout of revision " + state.target() + " first");
        return abortPaused(app, state, Pauses.revision(revisions, state.stable(), app), revisions,
                RolloutStrategy.rolling(), request.probe(), router, sink);
    }

    /**
     * Aborts the rollout that holds at a pause (the caller holds the lock): all traffic to {@code to} at once (the
     * paused revision's replicas leave the routing before anything else happens, and the preview empties), the
     * paused revision's replicas stopped and removed. The record goes on from the paused one, so the rollout is one
     * entry ending ABORTED; when that record cannot be read the abort is recorded as a rollback.
     */
    RolloutRecord abortPaused(String app, AppState state, Revision to, Map<Integer, Revision> revisions,
            RolloutStrategy strategy, ProbeSettings probe, TrafficRouter router, ProgressSink sink)
            throws InterruptedException {
        long startedAt = System.currentTimeMillis();
        PausedRollout paused = Pauses.readable(state, sink);
        Timeline timeline = paused == null ? new Timeline(app, sink) : new Timeline(app, sink, paused.recordSoFar());
        int held = state.target();
        int replicas = state.replicas() > 0 ? state.replicas() : 1;
        int portBase = state.portBase();
        timeline.app(Type.ROLLBACK_STARTED, to.number(), "aborting the paused rollout of revision " + held
                + ": all traffic to revision " + to.number());
        d.store.writeState(app, state.next(state.stable(), to.number(), AppPhase.PROGRESSING, replicas, portBase));
        String failure = null;
        try {
            Rollout rollout = new Rollout(d.resources, timeline, app, revisions, probe, strategy, router,
                    new LogMask(d.credentials, to.spec().env()));
            rollout.hold(100);
            rollout.converge(new Rollout.Target(to, replicas, portBase));
            Pauses.endPreview(router, app, timeline);
            d.writeState(app, to.number(), to.number(), AppPhase.COMPLETE, replicas, portBase);
            rollout.settle(); // the paused revision's replicas have stopped: now they can be removed
            d.store.collectGarbage(app, 0, Integer.MAX_VALUE, to.number());
            timeline.app(Type.RESTORED, to.number(), "revision " + to.number() + " restored");
        } catch (RolloutFailure f) {
            d.writeState(app, state.stable(), to.number(), AppPhase.FAILED, replicas, portBase);
            failure = f.getMessage();
        }
        Outcome outcome = failure != null ? Outcome.FAILED : to.number() == state.stable() ? Outcome.ABORTED
                : Outcome.SUCCEEDED;
        String message = failure != null ? "aborting the paused rollout of revision " + held + " failed: " + failure
                : "aborted the paused rollout of revision " + held + ": revision " + to.number() + " serves all "
                + "traffic, revision " + held + "'s replicas are removed";
        int serving = failure == null ? to.number() : state.stable();
        Revision heldRevision = revisions.get(held);
        if (paused == null || heldRevision == null) {
            return timeline.record(Operation.ROLLBACK, held, to, serving, to.spec().image(), replicas, strategy,
                    outcome, message, startedAt);
        }
        RolloutRecord soFar = paused.recordSoFar();
        return timeline.record(Operation.DEPLOY, soFar.fromRevision(), heldRevision, serving, soFar.image(), replicas,
                paused.strategy(), outcome, message, soFar.startedAtMillis());
    }
}
