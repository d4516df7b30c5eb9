package io.jenkins.plugins.containerrollout.core.deploy.docker;

import static io.jenkins.plugins.containerrollout.core.deploy.AppLabels.*;

import io.jenkins.plugins.containerrollout.core.deploy.AppPhase;
import io.jenkins.plugins.containerrollout.core.router.RouterSettings;
import java.util.Map;

/**
 * One entry of an application's state log (the highest {@code seq} is current). {@code stable} is the last revision
 * that completed, {@code target} what the latest rollout aimed at; they differ while a rollout progresses, after it
 * paused or failed, or when it was interrupted. {@code router} is the router the application is behind (null: none),
 * carried from entry to entry. {@code paused} is the encoded {@link PausedRollout} of a rollout that holds at a pause
 * (null: none); it is not carried: whatever is written next (promote, abort, a replacing deploy) ends the pause.
 */
record AppState(long seq, int stable, int target, AppPhase phase, int replicas, int portBase, RouterSettings router,
        String paused) {

    AppState next(int newStable, int newTarget, AppPhase newPhase, int newReplicas, int newPortBase) {
        return new AppState(seq + 1, newStable, newTarget, newPhase, newReplicas, newPortBase, router, null);
    }

    /** This entry recording {@code newRouter} (null: none) as the router the application is behind. */
    AppState withRouter(RouterSettings newRouter) {
        return new AppState(seq, stable, target, phase, replicas, portBase, newRouter, paused);
    }

    /** This entry holding {@code rollout} at its pause. */
    AppState withPaused(PausedRollout rollout) {
        return new AppState(seq, stable, target, phase, replicas, portBase, router, rollout.encode());
    }

    /** The rollout that holds at a pause, read from the label. */
    PausedRollout pausedRollout() {
        return PausedRollout.decode(paused);
    }

    /**
     * The revision a rollback goes back from: the stable one, or after a paused, failed or interrupted rollout its
     * target, which that rollout (partly) put in place.
     */
    int current() {
        return phase == AppPhase.COMPLETE || target == 0 ? stable : target;
    }

    /**
     * The revision the last rollout left serving when it completed, else 0: a replica of another revision still
     * running then is one it told to stop ({@link #toldToStop}).
     */
    int servingIfComplete() {
        return phase == AppPhase.COMPLETE && paused == null ? stable : 0;
    }

    /**
     * Whether a running replica of {@code revision} is one the last rollout, which completed, took out of traffic and
     * told to stop: its grace period may not be over yet. Status does not count it; a rollout neither probes nor
     * routes it.
     */
    boolean toldToStop(int revision) {
        int serving = servingIfComplete();
        return serving > 0 && revision != serving;
    }

    /**
     * A state entry from its container's labels; here rather than in {@link EngineState}, whose JSON mapper the
     * quick status must not build.
     */
    static AppState fromLabels(Map<String, String> l) {
        return new AppState(Long.parseLong(l.get(SEQ)), Integer.parseInt(l.get(STABLE)), Integer.parseInt(l.get(TARGET)),
                AppPhase.ofLabel(l.get(PHASE)), Integer.parseInt(l.get(REPLICAS)), Integer.parseInt(l.get(PORT_BASE)),
                RouterSettings.fromLabels(l), l.get(PAUSED));
    }

    static AppState none() {
        return new AppState(0, 0, 0, AppPhase.NONE, 0, 0, null, null);
    }
}
