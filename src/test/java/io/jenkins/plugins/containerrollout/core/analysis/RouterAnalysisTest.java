package io.jenkins.plugins.containerrollout.core.analysis;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.List;
import org.junit.Test;

/** The verdict of one window from the canary's and the stable revision's traffic (pure: no router, no engine). */
public class RouterAnalysisTest {
    /** One row: the canary's and stable's traffic, the thresholds, the verdict and what the reason must say. */
    private record Row(Traffic canary, Traffic stable, TrafficThresholds thresholds, AnalysisVerdict verdict,
            String reasonHas) {
    }

    private static Traffic traffic(long requests, long http5xx, double avgMillis) {
        return new Traffic(requests, http5xx, 0, 0, 0, avgMillis, avgMillis);
    }

    private static final TrafficThresholds ALL = new TrafficThresholds(0.95, 200, 5, 20);

    @Test
    public void verdictsFollowTheThresholds() {
        List<Row> rows = List.of(
                new Row(traffic(100, 0, 10), traffic(900, 0, 10), ALL, AnalysisVerdict.PASS,
                        "canary success ratio 1.000 over 100 requests, average response time 10 ms (stable 1.000 over 900"),
                new Row(traffic(100, 5, 10), traffic(900, 0, 10), new TrafficThresholds(0.95, 0, -1, 20), AnalysisVerdict.PASS,
                        "canary success ratio 0.950"),
                new Row(traffic(100, 6, 10), traffic(900, 0, 10), ALL, AnalysisVerdict.FAIL,
                        "canary success ratio 0.940 (6 failures in 100 requests: 6 5xx, 0 invalid, 0 connection errors, "
                                + "0 response errors) is below minSuccessRatio 0.950"),
                new Row(traffic(100, 0, 250), traffic(900, 0, 10), ALL, AnalysisVerdict.FAIL,
                        "canary average response time 250 ms is above maxResponseMillis 200"),
                new Row(traffic(100, 0, 250), traffic(900, 0, 10), new TrafficThresholds(0.95, 0, -1, 20),
                        AnalysisVerdict.PASS, "average response time 250 ms"),
                new Row(traffic(100, 4, 10), traffic(900, 0, 10), new TrafficThresholds(0.9, 0, 3, 20), AnalysisVerdict.FAIL,
                        "canary success ratio 0.960 is 4 points below stable's 1.000, more than maxPointsWorseThanStable 3"),
                new Row(traffic(100, 4, 10), traffic(1000, 10, 10), new TrafficThresholds(0.9, 0, 3, 20), AnalysisVerdict.PASS,
                        "(stable 0.990 over 1000 requests, 10 ms)"),
                new Row(traffic(100, 4, 10), Traffic.NONE, new TrafficThresholds(0.9, 0, 3, 20), AnalysisVerdict.PASS,
                        "no stable traffic to compare with"),
                new Row(traffic(19, 19, 10), traffic(900, 0, 10), ALL, AnalysisVerdict.INCONCLUSIVE,
                        "canary got 19 requests in the 10.0 s window, fewer than minRequests 20"),
                new Row(Traffic.NONE, traffic(900, 0, 10), ALL, AnalysisVerdict.INCONCLUSIVE, "canary got 0 requests"),
                new Row(traffic(100, 50, 900), traffic(900, 0, 10), ALL, AnalysisVerdict.FAIL,
                        "below minSuccessRatio 0.950; canary average response time 900 ms is above maxResponseMillis 200; "
                                + "canary success ratio 0.500 is 50 points below stable's 1.000"));
        for (Row row : rows) {
            WindowResult r = RouterAnalysis.judge(AnalysisSource.ROUTER, row.canary(), row.stable(), row.thresholds(),
                    1_000, 11_000);
            assertEquals(row + " -> " + r.reason(), row.verdict(), r.verdict());
            assertTrue(row + " -> " + r.reason(), r.reason().contains(row.reasonHas()));
        }
    }

    @Test
    public void theResultKeepsWhatAReportShows() {
        WindowResult r = RouterAnalysis.judge(AnalysisSource.SYNTHETIC, traffic(40, 40, 3), traffic(360, 1, 2),
                TrafficThresholds.successRatio(0.85, 10), 5_000, 35_000);

        assertEquals(List.of(AnalysisSource.SYNTHETIC, 40L, 40L, 360L, 1L, 3.0, 2.0, 30_000L),
                List.of(r.source(), r.canaryRequests(), r.canaryFailures(), r.stableRequests(), r.stableFailures(),
                        r.canaryAvgResponseMillis(), r.stableAvgResponseMillis(), r.millis()));
        assertEquals("successRatio >= 0.850, minRequests 10", r.thresholds());
        assertEquals(AnalysisVerdict.FAIL, r.verdict());
    }

    /** Connection errors may never reach the request count (redispatched): the ratio is over requests or failures. */
    @Test
    public void connectionErrorsWithoutRequestsGiveNoSuccess() {
        Traffic gone = new Traffic(0, 0, 0, 9, 0, -1, -1);

        assertEquals(0.0, gone.successRatio(), 0);
        assertEquals(9, gone.failures());
        assertTrue(Double.isNaN(Traffic.NONE.successRatio()));
    }

    @Test
    public void groupsAddCountsAndWeighLatenciesByRequests() {
        Traffic sum = traffic(100, 1, 10).plus(new Traffic(300, 2, 1, 3, 4, 30, 50)).plus(Traffic.NONE);

        assertEquals(new Traffic(400, 3, 1, 3, 4, 25, 40), sum);
    }

    @Test
    public void thresholdsOutOfRangeNameTheParameter() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new TrafficThresholds(95, 0, -1, 1))
                .getMessage().startsWith("minSuccessRatio: 95.0 is out of range"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new TrafficThresholds(0.9, -5, -1, 1))
                .getMessage().startsWith("maxResponseMillis: -5"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new TrafficThresholds(0.9, 0, 101, 1))
                .getMessage().startsWith("maxPointsWorseThanStable: 101.0"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new TrafficThresholds(0.9, 0, -1, 0))
                .getMessage().startsWith("minRequests: 0"));
    }
}
