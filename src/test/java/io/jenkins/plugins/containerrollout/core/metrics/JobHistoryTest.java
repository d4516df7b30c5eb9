package io.jenkins.plugins.containerrollout.core.metrics;

import static org.junit.Assert.assertEquals;

import java.util.List;
import org.junit.Test;

/** From per-build facts to trend points and DORA metrics. */
public class JobHistoryTest {
    private static final long DAY = 86_400_000L;

    private static RolloutFact deploy(String app, String outcome, boolean failed, long start, long commit) {
        return new RolloutFact(RolloutFact.DEPLOY, app, outcome, start, 1_000, commit, failed, !failed, 0, 0);
    }

    @Test
    public void eachBuildWithARolloutBecomesOneTrendPointInBuildOrder() {
        JobHistory h = JobHistory.of(List.of(
                new BuildFacts(2, DAY, List.of(deploy("web", "rolled back", true, DAY, 0))),
                new BuildFacts(1, 0, List.of(deploy("web", "succeeded", false, 0, 0),
                        new RolloutFact("verification", "web", "passed", 0, 500, 0, false, false, 9, 1)))), 2 * DAY);

        assertEquals(List.of(new BuildTrend(1, 1_000, 1, 0, 0, 9, 1), new BuildTrend(2, 1_000, 0, 1, 0, 0, 0)), h.trends());
    }

    @Test
    public void aRollbackCountsAsRolledBackAndIsNotADeploy() {
        JobHistory h = JobHistory.of(List.of(new BuildFacts(1, 0, List.of(
                new RolloutFact(RolloutFact.ROLLBACK, "web", "succeeded", 0, 2_000, 0, false, false, 0, 0)))), DAY);

        assertEquals(1, h.trends().get(0).rolledBack());
        assertEquals(List.of(), h.dora());
    }

    @Test
    public void buildsWithoutRolloutsOrTestsAreLeftOut() {
        JobHistory h = JobHistory.of(List.of(new BuildFacts(1, 0, List.of(
                new RolloutFact("build", "", "built", 0, 2_000, 0, false, false, 0, 0)))), DAY);

        assertEquals(List.of(), h.trends());
    }

    @Test
    public void doraWindowStartsAtTheOldestBuild() {
        JobHistory h = JobHistory.of(List.of(
                new BuildFacts(1, 0, List.of(deploy("web", "succeeded", false, 0, 0))),
                new BuildFacts(2, DAY, List.of(deploy("web", "failed", true, DAY, 0))),
                new BuildFacts(3, 2 * DAY, List.of(deploy("web", "succeeded", false, 2 * DAY, 0)))), 4 * DAY);

        DoraMetrics web = h.dora().get(0);
        assertEquals(4.0, web.windowDays(), 1e-9);
        assertEquals(0.5, web.deploymentsPerDay(), 1e-9);
        assertEquals(1.0 / 3, web.changeFailureRate(), 1e-9);
        assertEquals(DAY, web.timeToRestoreMillis());
    }

    @Test
    public void aFailedRollbackCountsAsFailed() {
        JobHistory h = JobHistory.of(List.of(new BuildFacts(1, 0, List.of(
                new RolloutFact(RolloutFact.ROLLBACK, "web", "failed", 0, 2_000, 0, true, false, 0, 0)))), DAY);

        assertEquals(new BuildTrend(1, 2_000, 0, 0, 1, 0, 0), h.trends().get(0));
    }
}
