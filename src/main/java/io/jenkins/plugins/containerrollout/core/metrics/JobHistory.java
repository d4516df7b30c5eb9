package io.jenkins.plugins.containerrollout.core.metrics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A job's recent builds as the job page shows them: trend points per build and DORA metrics per application, both
 * from the builds' summaries alone.
 *
 * <p>Usage: {@code JobHistory h = JobHistory.of(builds, now); TrendChart.outcomes("Outcomes", h.trends()); h.dora();}
 *
 * @param trends one point per build that recorded a rollout or tests, oldest first
 * @param dora   DORA metrics per application, by name
 */
public record JobHistory(List<BuildTrend> trends, List<DoraMetrics> dora) {
    public JobHistory {
        trends = List.copyOf(trends);
        dora = List.copyOf(dora);
    }

    /**
     * @param builds   the builds to consider, any order
     * @param nowMillis end of the DORA window; its start is the oldest build's start
     */
    public static JobHistory of(List<BuildFacts> builds, long nowMillis) {
        List<BuildFacts> sorted = new ArrayList<>(builds);
        sorted.sort(Comparator.comparingInt(BuildFacts::build));
        List<BuildTrend> trends = new ArrayList<>(sorted.size());
        List<Deployment> deployments = new ArrayList<>();
        long windowStart = nowMillis;
        for (BuildFacts b : sorted) {
            windowStart = Math.min(windowStart, b.timeMillis());
            long duration = 0;
            int ok = 0;
            int rolledBack = 0;
            int failed = 0;
            int passed = 0;
            int testsFailed = 0;
            boolean any = false;
            for (RolloutFact f : b.facts()) {
                passed += f.testsPassed();
                testsFailed += f.testsFailed();
                any |= f.testsPassed() + f.testsFailed() > 0;
                if (!f.isRollout()) {
                    continue;
                }
                any = true;
                duration += f.durationMillis();
                boolean rollback = RolloutFact.ROLLBACK.equals(f.kind());
                if (RolloutFact.ABORTED.equals(f.outcome()) || RolloutFact.PAUSED.equals(f.outcome())) {
                    // Neither a success nor a failed change (Outcome.ABORTED, Outcome.PAUSED): its time counts, its
                    // outcome does not, and it is no deploy for DORA; the deploy, promote or rollback that ends or
                    // converges it is.
                    continue;
                }
                if (rollback && "succeeded".equals(f.outcome()) || "rolled back".equals(f.outcome())) {
                    rolledBack++;
                } else if (!rollback && "succeeded".equals(f.outcome())) {
                    ok++;
                } else {
                    failed++;
                }
                if (RolloutFact.DEPLOY.equals(f.kind())) {
                    deployments.add(new Deployment(f.app(), b.build(), f.startedAtMillis(), f.durationMillis(),
                            f.commitTimeMillis(), f.failed(), f.verified()));
                }
            }
            if (any) {
                trends.add(new BuildTrend(b.build(), duration, ok, rolledBack, failed, passed, testsFailed));
            }
        }
        return new JobHistory(trends, DoraMetrics.perApp(deployments, windowStart, nowMillis));
    }
}
