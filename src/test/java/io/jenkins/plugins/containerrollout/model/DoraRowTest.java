package io.jenkins.plugins.containerrollout.model;

import static org.junit.Assert.assertEquals;

import io.jenkins.plugins.containerrollout.core.metrics.DoraMetrics;
import org.junit.Test;

/** The DORA table's cells as text, including the cases where a metric cannot be computed. */
public class DoraRowTest {
    private static final long H = 3_600_000L;

    @Test
    public void computedMetricsReadWithTheirBasis() {
        DoraRow row = new DoraRow(new DoraMetrics("web", 4, 3, 1, 7, 3 / 7.0, 2 * H, 3, 0.25, 90 * 60_000L, 1, 0));

        assertEquals("0.43 per day (3 verified deploys in 7 days)", row.getDeploymentFrequency());
        assertEquals("2 h 00 min (median of 3)", row.getLeadTime());
        assertEquals("25 % (1 of 4 deploys)", row.getChangeFailureRate());
        assertEquals("1 h 30 min (median of 1 incident)", row.getTimeToRestore());
    }

    @Test
    public void missingValuesSayWhy() {
        DoraRow none = new DoraRow(new DoraMetrics("web", 0, 0, 0, 1, 0, -1, 0, -1, -1, 0, 0));

        assertEquals("unknown (no verified deploy with a commit time)", none.getLeadTime());
        assertEquals("no deploys", none.getChangeFailureRate());
        assertEquals("no failed deploys", none.getTimeToRestore());
    }

    @Test
    public void anOpenIncidentIsShown() {
        assertEquals("not restored yet",
                new DoraRow(new DoraMetrics("web", 1, 0, 1, 1, 0, -1, 0, 1, -1, 1, 1)).getTimeToRestore());
        assertEquals("2 h 00 min (median of 1 incident; the latest not restored yet)",
                new DoraRow(new DoraMetrics("web", 3, 1, 2, 1, 1, -1, 0, 2 / 3.0, 2 * H, 2, 1)).getTimeToRestore());
    }

    @Test
    public void theRestApiGetsTheNumbers() {
        DoraRow row = new DoraRow(new DoraMetrics("web", 4, 3, 1, 7, 3 / 7.0, 2 * H, 3, 0.25, 90 * 60_000L, 1, 0));

        assertEquals(4, row.getDeploys());
        assertEquals(3 / 7.0, row.getDeploymentsPerDay(), 1e-12);
        assertEquals(2 * H, row.getLeadTimeMillis());
        assertEquals(0.25, row.getChangeFailureRatio(), 0);
        assertEquals(90 * 60_000L, row.getTimeToRestoreMillis());
    }
}
