package io.jenkins.plugins.containerrollout.core.deploy.docker;

import io.jenkins.plugins.containerrollout.core.ProgressSink;
import io.jenkins.plugins.containerrollout.core.RequestException;
import io.jenkins.plugins.containerrollout.core.deploy.CanaryStep;
import io.jenkins.plugins.containerrollout.core.deploy.PromoteRequest;
import io.jenkins.plugins.containerrollout.core.deploy.RolloutStrategy;
import io.jenkins.plugins.containerrollout.core.record.PauseInfo;
import io.jenkins.plugins.containerrollout.core.record.TimelineEvent.Type;
import io.jenkins.plugins.containerrollout.core.router.TrafficRouter;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * The parts of pausing, promoting and aborting a rollout that do not need the deployer's own state: where a rollout
 * holds ({@link PauseInfo}), the blue-green preview (the new colour at full size behind the router's preview address,
 * production left on the old colour), and the checks and timeline lines of promote.
 */
final class Pauses {
    private Pauses() {
    }

    /** Where a canary holds at its manual step {@code index} (0-based). */
    static PauseInfo canary(RolloutStrategy.Canary canary, int index, int revision, int stable, String startedBy) {
        List<CanaryStep> steps = canary.plan().steps();
        return new PauseInfo(canary.name(), index + 1, steps.size(), steps.get(index).weight(), revision, stable,
                System.currentTimeMillis(), null, startedBy);
    }

    /**
     * Brings the whole new colour up beside the old one while production traffic stays on the old colour, and points
     * the router's preview at it.
     *
     * @return where it holds: the preview URL, for the record and for containerVerify
     */
    static PauseInfo preview(Rollout rollout, Rollout.Target goal, String app, TrafficRouter router, Timeline timeline,
            int stable, String startedBy) throws RolloutFailure, InterruptedException {
        int revision = goal.revision().number();
        timeline.app(Type.PHASE, revision, "blue-green without autoPromote: starting the new colour (" + goal.desired()
                + " replicas of revision " + revision + "); production stays on revision " + stable);
        rollout.holdOld();
        rollout.grow(goal);
        List<Integer> ports = rollout.targetPorts();
        try {
            router.preview(app, ports);
        } catch (IOException e) {
            throw new RolloutFailure("the preview could not be routed: " + e.getMessage());
        }
        String url = router.previewUrl(app).map(URI::toString).orElse(null);
        timeline.app(Type.TRAFFIC, revision, "preview " + (url == null ? "" : url + " ") + "serves revision " + revision
                + " (ports " + ports + "); production stays on revision " + stable + " until promoted");
        return new PauseInfo("blueGreen", 0, 0, 0, revision, stable,
                System.currentTimeMillis(), url, startedBy);
    }

    /** Takes the preview out of the router once the colours switched or the release was aborted; best effort. */
    static void endPreview(TrafficRouter router, String app, Timeline timeline) {
        if (router.previewUrl(app).isEmpty()) {
            return;
        }
        try {
            router.preview(app, List.of());
        } catch (IOException e) {
            timeline.line("could not empty the preview: " + e.getMessage());
        }
    }

    /** Refuses {@code command} on an application no rollout holds paused, saying where it stands instead. */
    static void requirePaused(String app, AppState state, String command) {
        if (state.paused() == null) {
            throw new RequestException("app: '" + app + "' has no paused rollout to " + command + " (its last rollout is "
                    + state.phase() + (state.stable() > 0 ? ", revision " + state.stable() + " is stable" : "")
                    + "); a rollout pauses at a canary step with pause 'manual' or in a blue-green deploy with "
                    + "autoPromote false");
        }
    }

    /** Refuses a deploy while a rollout holds paused, naming the ways out. */
    static RequestException pausedAlready(String app, AppState state) {
        String where;
        try {
            where = state.pausedRollout().info().describe();
        } catch (IllegalStateException unreadable) {
            where = "revision " + state.target();
        }
        return new RequestException("app: '" + app + "' holds a paused rollout (" + where + "): "
                + PauseInfo.nextSteps(app) + " first, or deploy with replacePaused: true (--replace-paused) to abort "
                + "it and deploy this one");
    }

    /**
     * The paused rollout {@code state} records, or null when its label cannot be read (an abort then still restores
     * the stable revision, recorded as a rollback).
     */
    static PausedRollout readable(AppState state, ProgressSink sink) {
        try {
            return state.pausedRollout();
        } catch (IllegalStateException unreadable) {
            sink.line(unreadable.getMessage());
            return null;
        }
    }

    /** The recorded revision {@code number}, or a clear error when its record is gone. */
    static Revision revision(Map<Integer, Revision> revisions, int number, String app) {
        Revision r = revisions.get(number);
        if (r == null) {
            throw new RequestException("app: revision " + number + " of '" + app + "' is no longer recorded; roll back "
                    + "to a kept revision (history --app " + app + ")");
        }
        return r;
    }

    /** The timeline line of a promote: how long it held, who promoted, and whether the remaining steps are skipped. */
    static String promoted(PauseInfo held, PromoteRequest request, long nowMillis) {
        return "promoted after " + held.pausedFor(nowMillis) + " paused at " + held.describe() + ", by "
                + (request.buildUrl() == null ? "the command line" : request.buildUrl())
                + (request.full() && held.step() > 0 ? "; skipping the remaining steps" : "");
    }
}
