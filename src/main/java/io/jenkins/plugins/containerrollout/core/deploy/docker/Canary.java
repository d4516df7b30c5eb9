package io.jenkins.plugins.containerrollout.core.deploy.docker;

import io.jenkins.plugins.containerrollout.core.deploy.CanaryPlan;
import io.jenkins.plugins.containerrollout.core.deploy.CanaryStep;
import io.jenkins.plugins.containerrollout.core.deploy.RolloutStrategy;
import io.jenkins.plugins.containerrollout.core.record.TimelineEvent.Type;
import io.jenkins.plugins.containerrollout.core.verify.TrafficAnalysis;
import io.jenkins.plugins.containerrollout.core.verify.TrafficReport;
import java.net.URI;
import java.util.List;

/**
 * The canary phase of a deploy: starts {@link CanaryPlan#canaryReplicas} replicas of the new revision beside the
 * stable ones (no traffic yet), then for each step gives them the step's weight and analyses the traffic clients get
 * through the router's frontend during the pause. A failed analysis is repeated at the same weight; the plan's
 * {@code failureLimit}-th failure aborts: the canary's weight goes to 0 and (with {@code autoRollback}) its replicas
 * stop, then the deployer restores the stable revision. After the last step the new revision is promoted: scaled to
 * full size, given 100 % of the traffic, and the stable revision is stopped (kept for a rollback).
 *
 * <p>Usage: {@code new Canary(rollout, timeline, strategy, URI.create("http://127.0.0.1:8080/")).run(target)}
 */
final class Canary {
    /** Bound on one analysis request when the plan sets no latency limit. */
    private static final long DEFAULT_TIMEOUT_MILLIS = 5000;

    private final Rollout rollout;
    private final Timeline timeline;
    private final CanaryPlan plan;
    private final boolean autoRollback;
    private final URI analysisUrl;
    private final TrafficAnalysis analysis = new TrafficAnalysis();

    Canary(Rollout rollout, Timeline timeline, RolloutStrategy.Canary strategy, URI frontend) {
        this.rollout = rollout;
        this.timeline = timeline;
        this.plan = strategy.plan();
        this.autoRollback = strategy.gates().autoRollback();
        this.analysisUrl = frontend.resolve(plan.analysisPath());
    }

    void run(Rollout.Target target) throws RolloutFailure, InterruptedException {
        Revision rev = target.revision();
        int n = target.desired();
        int canaries = plan.canaryReplicas(n);
        try {
            timeline.app(Type.PHASE, rev.number(), "canary: starting " + canaries + " replica(s) of revision "
                    + rev.number() + " beside the stable ones");
            rollout.holdTarget();
            rollout.grow(new Rollout.Target(rev, canaries, target.portBase()));
            int failures = 0;
            for (CanaryStep step : plan.steps()) {
                rollout.shift(step.weight(), rev.number());
                failures = analyseStep(step, rev.number(), failures);
            }
            timeline.app(Type.PHASE, rev.number(), "canary passed every step: promoting revision " + rev.number()
                    + " to " + n + " replicas");
            rollout.grow(target);
            rollout.shift(100, rev.number());
            rollout.converge(target);
        } catch (RolloutFailure failure) {
            abort(rev.number());
            throw failure;
        }
    }

    /**
     * Analyses one step until an analysis passes (then waits out the rest of the pause).
     *
     * @return failed analyses so far
     * @throws RolloutFailure the failure limit is reached
     */
    private int analyseStep(CanaryStep step, int revision, int failures) throws RolloutFailure, InterruptedException {
        int failed = failures;
        while (true) {
            long started = System.currentTimeMillis();
            TrafficReport report = analysis.run(List.of(analysisUrl), plan.analysisRequests(),
                    plan.analysisRequests() / (double) Math.max(1, step.pauseSeconds()),
                    plan.maxP95Millis() > 0 ? Math.max(1000, 4 * plan.maxP95Millis()) : DEFAULT_TIMEOUT_MILLIS);
            boolean ok = report.passes(plan.minSuccessRatio(), plan.maxP95Millis());
            failed += ok ? 0 : 1;
            String verdict = "canary analysis at " + step.weight() + " % of " + analysisUrl + ": " + report.describe()
                    + ", outcomes " + report.outcomes() + (ok ? ": passed" : ": failed (" + failed + " of failureLimit "
                    + plan.failureLimit() + "; needs success ratio >= " + plan.minSuccessRatio()
                    + (plan.maxP95Millis() > 0 ? " and p95 <= " + plan.maxP95Millis() + " ms)" : ")"));
            timeline.app(Type.PROBE, revision, verdict);
            if (ok) {
                long rest = step.pauseSeconds() * 1000L - (System.currentTimeMillis() - started);
                if (rest > 0) {
                    Thread.sleep(rest);
                }
                return failed;
            }
            if (failed >= plan.failureLimit()) {
                throw new RolloutFailure(verdict);
            }
        }
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
