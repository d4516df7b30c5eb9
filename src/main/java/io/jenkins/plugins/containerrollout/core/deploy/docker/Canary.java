package io.jenkins.plugins.containerrollout.core.deploy.docker;

import io.jenkins.plugins.containerrollout.core.analysis.AnalysisVerdict;
import io.jenkins.plugins.containerrollout.core.analysis.WindowResult;
import io.jenkins.plugins.containerrollout.core.deploy.CanaryAnalysis;
import io.jenkins.plugins.containerrollout.core.deploy.CanaryPlan;
import io.jenkins.plugins.containerrollout.core.deploy.CanaryStep;
import io.jenkins.plugins.containerrollout.core.deploy.RolloutStrategy;
import io.jenkins.plugins.containerrollout.core.record.TimelineEvent.Type;
import io.jenkins.plugins.containerrollout.core.router.TrafficRouter;
import java.time.Clock;
import java.util.List;

/**
 * The canary phase of a deploy: starts {@link CanaryPlan#canaryReplicas} replicas of the new revision beside the
 * stable ones (no traffic yet), then for each step gives them the step's weight and judges the canary's own traffic
 * during the pause ({@link CanaryWindows}: the router's counters by default, synthetic requests to the canary's
 * replicas, or a Prometheus query). A failed window is repeated at the same weight; the plan's {@code failureLimit}-th
 * failure aborts: the canary's weight goes to 0 and (with {@code autoRollback}) its replicas stop, then the deployer
 * restores the stable revision. An inconclusive window (too little traffic, no series) extends the pause up to the
 * plan's bound, then falls back to synthetic requests or counts as a failure. After the last step the new revision is
 * promoted: scaled to full size, given 100 % of the traffic, and the stable revision is stopped (kept for a rollback).
 * A manual step ({@link CanaryStep#manual}) holds its weight and ends the call: the deployer records the pause, and a
 * later {@code promote} goes on with {@link #resume}.
 *
 * <p>Usage: {@code int heldAt = new Canary(rollout, timeline, strategy, "web", router, clock).run(target)}
 */
final class Canary {
    private final Rollout rollout;
    private final Timeline timeline;
    private final CanaryPlan plan;
    private final boolean autoRollback;
    private final CanaryWindows windows;

    Canary(Rollout rollout, Timeline timeline, RolloutStrategy.Canary strategy, String app, TrafficRouter router,
            Clock clock) {
        this.rollout = rollout;
        this.timeline = timeline;
        this.plan = strategy.plan();
        this.autoRollback = strategy.gates().autoRollback();
        this.windows = new CanaryWindows(app, plan, router, clock);
    }

    /**
     * Runs the canary from its first step.
     *
     * @return the index of the manual step it holds at (the deploy returns PAUSED), or -1 once promoted
     */
    int run(Rollout.Target target) throws RolloutFailure, InterruptedException {
        Revision rev = target.revision();
        timeline.app(Type.PHASE, rev.number(), "canary: starting " + plan.canaryReplicas(target.desired())
                + " replica(s) of revision " + rev.number() + " beside the stable ones; analysis: "
                + plan.analysis().describe());
        return from(target, 0, 0);
    }

    /**
     * Goes on with a canary that held at step {@code heldStep} (0-based) with {@code heldWeight} percent: its next
     * step, or ({@code full}) straight to promotion. A canary replica that ended while it held is replaced first.
     *
     * @return the index of the next manual step it holds at, or -1 once promoted
     */
    int resume(Rollout.Target target, int heldStep, int heldWeight, boolean full)
            throws RolloutFailure, InterruptedException {
        return from(target, full ? plan.steps().size() : heldStep + 1, heldWeight);
    }

    private int from(Rollout.Target target, int first, int weight)
            throws RolloutFailure, InterruptedException {
        Revision rev = target.revision();
        int n = target.desired();
        try {
            rollout.hold(weight);
            rollout.grow(new Rollout.Target(rev, plan.canaryReplicas(n), target.portBase()));
            int failures = 0;
            List<CanaryStep> steps = plan.steps();
            for (int i = first; i < steps.size(); i++) {
                CanaryStep step = steps.get(i);
                rollout.shift(step.weight(), rev.number());
                if (step.manual()) {
                    timeline.app(Type.PHASE, rev.number(), "canary holds at step " + (i + 1) + " of " + steps.size()
                            + " (" + step.weight() + " % of the traffic) until promoted");
                    return i;
                }
                failures = analyseStep(step, rev.number(), failures);
            }
            timeline.app(Type.PHASE, rev.number(), "canary passed every step: promoting revision " + rev.number()
                    + " to " + n + " replicas");
            rollout.grow(target);
            rollout.shift(100, rev.number());
            rollout.converge(target);
            return -1;
        } catch (RolloutFailure failure) {
            abort(rev.number());
            throw failure;
        }
    }

    /**
     * Judges one step, window after window, until one passes.
     *
     * @return failed windows so far
     * @throws RolloutFailure the failure limit is reached, or the analysis source cannot be read
     */
    private int analyseStep(CanaryStep step, int revision, int failures) throws RolloutFailure, InterruptedException {
        int failed = failures;
        int extensions = 0;
        CanaryAnalysis analysis = plan.analysis();
        long pauseMillis = step.pauseSeconds() * 1000L;
        CanaryWindows.Ports ports = new CanaryWindows.Ports() {
            @Override
            public List<Integer> canary() {
                return rollout.targetPorts();
            }

            @Override
            public List<Integer> stable() {
                return rollout.otherPorts();
            }
        };
        while (true) {
            WindowResult w = windows.judge(analysis, revision, pauseMillis, ports);
            if (w.verdict() == AnalysisVerdict.INCONCLUSIVE) {
                CanaryAnalysis.Inconclusive rule = inconclusive(analysis);
                if (extensions < rule.extraPauses()) {
                    extensions++;
                    record(step, revision, w, "; pause extended (" + extensions + " of " + rule.extraPauses() + ")");
                    continue;
                }
                if (!rule.failsWhenInconclusive()) {
                    record(step, revision, w, "; falling back to synthetic requests to the canary's replicas");
                    w = windows.synthetic(pauseMillis, ports);
                }
            }
            boolean ok = w.verdict() == AnalysisVerdict.PASS;
            failed += ok ? 0 : 1;
            String line = record(step, revision, w, ok ? "" : "; " + failed + " of failureLimit "
                    + plan.failureLimit());
            if (ok) {
                return failed;
            }
            if (failed >= plan.failureLimit()) {
                throw new RolloutFailure(line);
            }
        }
    }

    private static CanaryAnalysis.Inconclusive inconclusive(CanaryAnalysis analysis) {
        if (analysis instanceof CanaryAnalysis.Router r) {
            return r.inconclusive();
        }
        if (analysis instanceof CanaryAnalysis.Prometheus p) {
            return p.inconclusive();
        }
        return new CanaryAnalysis.Inconclusive(0, "fail"); // a synthetic window always has its own requests
    }

    /** Puts the window into the record (with its timeline line); returns the line. */
    private String record(CanaryStep step, int revision, WindowResult w, String then) {
        String line = w.describe(step.weight(), revision) + then;
        timeline.analysis(w, revision, line);
        return line;
    }

    /** Takes the canary out of the traffic at once; with autoRollback its replicas stop too. */
    private void abort(int revision) throws InterruptedException {
        try {
            rollout.shift(0, revision);
        } catch (RolloutFailure routerFailed) {
            timeline.line("could not take the canary out of the router: " + routerFailed.getMessage());
        }
        if (autoRollback) {
            rollout.stopTarget("canary aborted");
        }
    }
}
