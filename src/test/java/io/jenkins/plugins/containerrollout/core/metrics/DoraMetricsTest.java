package io.jenkins.plugins.containerrollout.core.metrics;

import static org.junit.Assert.assertEquals;

import java.util.List;
import org.junit.Test;

/** DORA metrics over hand-made histories (times in hours for readability). */
public class DoraMetricsTest {
    private static final long H = 3_600_000L;
    private static final long DAY = 24 * H;

    private static Deployment ok(int build, long atHours, long commitHours) {
        return new Deployment("web", build, atHours * H, 0, commitHours < 0 ? 0 : commitHours * H, false, true);
    }

    private static Deployment bad(int build, long atHours) {
        return new Deployment("web", build, atHours * H, 0, 0, true, false);
    }

    private static DoraMetrics of(long windowDays, Deployment... d) {
        return DoraMetrics.of("web", List.of(d), 0, windowDays * DAY);
    }

    @Test
    public void noDeploysGivesNoRatesAndNoTimes() {
        DoraMetrics m = of(7);

        assertEquals(0, m.deploys());
        assertEquals(0.0, m.deploymentsPerDay(), 0);
        assertEquals(-1, m.leadTimeMillis());
        assertEquals(-1, m.changeFailureRate(), 0);
        assertEquals(-1, m.timeToRestoreMillis());
        assertEquals(0, m.incidents());
    }

    @Test
    public void deploymentFrequencyCountsVerifiedDeploysPerDayOfTheWindow() {
        DoraMetrics m = of(4, ok(1, 1, -1), ok(2, 30, -1), bad(3, 50), ok(4, 70, -1));

        assertEquals(3, m.verifiedDeploys());
        assertEquals(0.75, m.deploymentsPerDay(), 1e-9);
    }

    @Test
    public void aWindowShorterThanADayCountsAsOneDay() {
        DoraMetrics m = DoraMetrics.of("web", List.of(ok(1, 1, -1), ok(2, 2, -1)), 0, 3 * H);

        assertEquals(1.0, m.windowDays(), 0);
        assertEquals(2.0, m.deploymentsPerDay(), 1e-9);
    }

    @Test
    public void leadTimeIsTheMedianFromCommitToVerifiedDeploy() {
        DoraMetrics m = of(7, ok(1, 10, 9), ok(2, 20, 16), ok(3, 30, 20));

        assertEquals(4 * H, m.leadTimeMillis());
        assertEquals(3, m.leadTimeSamples());
    }

    @Test
    public void leadTimeMedianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        DoraMetrics m = of(7, ok(1, 10, 9), ok(2, 20, 18), ok(3, 30, 26), ok(4, 40, 30));

        assertEquals(3 * H, m.leadTimeMillis());
    }

    @Test
    public void deploysWithoutCommitTimeHaveNoLeadTime() {
        DoraMetrics m = of(7, ok(1, 10, -1), ok(2, 20, 18));

        assertEquals(2 * H, m.leadTimeMillis());
        assertEquals(1, m.leadTimeSamples());
        assertEquals(-1, of(7, ok(1, 10, -1)).leadTimeMillis());
    }

    @Test
    public void failedDeploysHaveNoLeadTime() {
        assertEquals(-1, of(7, new Deployment("web", 1, 10 * H, 0, 9 * H, true, false)).leadTimeMillis());
    }

    @Test
    public void changeFailureRateIsFailedOverAllDeploys() {
        DoraMetrics m = of(7, ok(1, 1, -1), bad(2, 2), ok(3, 3, -1), ok(4, 4, -1));

        assertEquals(0.25, m.changeFailureRate(), 1e-9);
        assertEquals(1, m.failedDeploys());
    }

    @Test
    public void noFailuresMeansZeroFailureRateAndNoTimeToRestore() {
        DoraMetrics m = of(7, ok(1, 1, -1), ok(2, 2, -1));

        assertEquals(0.0, m.changeFailureRate(), 0);
        assertEquals(-1, m.timeToRestoreMillis());
        assertEquals(0, m.incidents());
    }

    @Test
    public void timeToRestoreRunsFromTheFirstFailedDeployToTheNextVerifiedOne() {
        DoraMetrics m = of(7, ok(1, 0, -1), bad(2, 10), bad(3, 11), ok(4, 13, -1), bad(5, 20), ok(6, 21, -1));

        assertEquals("two incidents: 3 h and 1 h", 2, m.incidents());
        assertEquals(2 * H, m.timeToRestoreMillis());
        assertEquals(0, m.unrestored());
    }

    @Test
    public void aFailureNotYetRestoredIsCountedButHasNoTime() {
        DoraMetrics m = of(7, ok(1, 0, -1), bad(2, 10));

        assertEquals(1, m.incidents());
        assertEquals(1, m.unrestored());
        assertEquals(-1, m.timeToRestoreMillis());
    }

    @Test
    public void deploysAreOrderedByTimeNotByInputOrder() {
        DoraMetrics m = of(7, ok(3, 13, -1), bad(2, 10), ok(1, 0, -1));

        assertEquals(3 * H, m.timeToRestoreMillis());
    }

    @Test
    public void metricsAreKeptApartPerApplication() {
        List<DoraMetrics> all = DoraMetrics.perApp(List.of(
                new Deployment("web", 1, 0, 0, 0, true, false),
                new Deployment("api", 1, 0, 0, 0, false, true)), 0, DAY);

        assertEquals(List.of("api", "web"), all.stream().map(DoraMetrics::app).toList());
        assertEquals(0.0, all.get(0).changeFailureRate(), 0);
        assertEquals(1.0, all.get(1).changeFailureRate(), 0);
    }
}
