package io.jenkins.plugins.containerrollout.core.router;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.containerrollout.core.analysis.AnalysisVerdict;
import io.jenkins.plugins.containerrollout.core.analysis.CounterSnapshot;
import io.jenkins.plugins.containerrollout.core.analysis.RouterAnalysis;
import io.jenkins.plugins.containerrollout.core.analysis.ServerCounters;
import io.jenkins.plugins.containerrollout.core.analysis.Traffic;
import io.jenkins.plugins.containerrollout.core.analysis.TrafficThresholds;
import io.jenkins.plugins.containerrollout.core.analysis.TrafficWindow;
import io.jenkins.plugins.containerrollout.core.analysis.WindowResult;
import io.jenkins.plugins.containerrollout.testing.Cleanup;
import io.jenkins.plugins.containerrollout.testing.Haproxy;
import io.jenkins.plugins.containerrollout.testing.Load;
import io.jenkins.plugins.containerrollout.testing.Loopback;
import io.jenkins.plugins.containerrollout.testing.Replicas;
import io.jenkins.plugins.containerrollout.testing.TestBed;
import java.util.List;
import java.util.Map;
import org.junit.AfterClass;
import org.junit.Before;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * {@link HaproxyRouter#counters} against a real HAProxy (Debian's) in front of real busybox replicas: two healthy
 * ones (revision 1) and one whose {@code GET /} answers 500 (revision 2, the canary), under load from several
 * concurrent clients through the frontend. The window's deltas per server and per revision must match what the
 * clients got. Ports 41000-41999.
 */
public class HaproxyCountersEngineTest {
    private static final String APP = TestBed.unique("counters");
    private static int base;
    private static Replicas replicas;
    private static Haproxy haproxy;
    private static HaproxyRouter router;
    private static List<Integer> stable;
    private static List<Integer> canary;

    @BeforeClass
    public static void startReplicasBehindHaproxy() throws Exception {
        base = Loopback.freeBase(APP, 41000, 41999, 6);
        replicas = new Replicas(APP);
        replicas.start(base, true);
        replicas.start(base + 1, true);
        replicas.start(base + 2, false);
        replicas.startSlow(base + 3);
        stable = List.of(base, base + 1);
        canary = List.of(base + 2);
        haproxy = Haproxy.start(APP, base + 4, 6);
        router = new HaproxyRouter(haproxy.adminSocket(), haproxy.frontendPort());
    }

    @AfterClass
    public static void stop() throws Exception {
        Cleanup.closeAll(haproxy, replicas);
    }

    @Before
    public void equalWeights() throws Exception {
        router.route(APP, List.of(base, base + 1, base + 2));
    }

    @Test
    public void aWindowCountsEachServersRequestsAndFailuresAsTheClientsGotThem() throws Exception {
        CounterSnapshot before = CounterSnapshot.now(router.counters(APP));
        Map<Integer, Integer> got = Load.send(haproxy.frontendPort(), "/", 6, 30, 0);
        TrafficWindow window = TrafficWindow.between(before, CounterSnapshot.now(router.counters(APP)));

        assertEquals("clients got " + got, 180, got.values().stream().mapToInt(Integer::intValue).sum());
        Traffic broken = window.ports(canary);
        assertEquals(got.get(500).longValue(), broken.requests());
        assertEquals(got.get(500).longValue(), broken.http5xx());
        assertEquals(broken.requests(), broken.failures());
        for (int port : stable) {
            Traffic healthy = window.ports(List.of(port));
            assertTrue("port " + port + ": " + healthy, healthy.requests() > 0);
            assertEquals("port " + port + ": " + healthy, 0, healthy.failures());
        }
        assertEquals(got.get(200).longValue(), window.ports(stable).requests());
        assertTrue(window.toMillis() >= window.fromMillis());
    }

    @Test
    public void serversAreSummedPerRevision() throws Exception {
        CounterSnapshot before = CounterSnapshot.now(router.counters(APP));
        Map<Integer, Integer> got = Load.send(haproxy.frontendPort(), "/", 4, 30, 0);
        TrafficWindow window = TrafficWindow.between(before, CounterSnapshot.now(router.counters(APP)));

        Map<String, Traffic> byRevision = window.byRevision(Map.of(base, "1", base + 1, "1", base + 2, "2"));

        assertEquals(List.of("1", "2"), List.copyOf(byRevision.keySet()));
        assertEquals(got.get(200).longValue(), byRevision.get("1").requests());
        assertEquals(1.0, byRevision.get("1").successRatio(), 0);
        assertTrue(byRevision.get("1").avgResponseMillis() >= 0);
        assertEquals(got.get(500).longValue(), byRevision.get("2").requests());
        assertEquals(0.0, byRevision.get("2").successRatio(), 0);
    }

    /** The case: at 10 % weight a canary failing every request leaves ~90 % successes at the frontend. */
    @Test
    public void aBrokenCanaryAtTenPercentFailsThoughTheFrontendMixWouldPass() throws Exception {
        router.split(APP, WeightSplit.of(stable, canary, 10));
        CounterSnapshot before = CounterSnapshot.now(router.counters(APP));
        Map<Integer, Integer> got = Load.send(haproxy.frontendPort(), "/", 6, 50, 0);
        TrafficWindow window = TrafficWindow.between(before, CounterSnapshot.now(router.counters(APP)));

        double frontendSuccess = got.getOrDefault(200, 0) / 300.0;
        WindowResult result = RouterAnalysis.judge(window, canary, stable, TrafficThresholds.successRatio(0.85, 10));

        assertTrue("the frontend mix passes 0.85: " + got, frontendSuccess >= 0.85);
        assertEquals(result.reason(), AnalysisVerdict.FAIL, result.verdict());
        assertTrue(result.reason(), result.reason().contains("canary success ratio 0.000"));
        assertTrue(result.reason(), result.reason().contains("below minSuccessRatio 0.850"));
        assertEquals(got.get(500).longValue(), result.canaryRequests());
        assertEquals(got.get(500).longValue(), result.canaryFailures());
        assertEquals(got.get(200).longValue(), result.stableRequests());
        assertEquals(0, result.stableFailures());
    }

    /** The slow replica answers after a second: HAProxy's {@code rtime} shows it, and a latency threshold fails it. */
    @Test
    public void aSlowCanaryFailsMaxResponseMillis() throws Exception {
        router.route(APP, List.of(base, base + 3));
        CounterSnapshot before = CounterSnapshot.now(router.counters(APP));
        Map<Integer, Integer> got = Load.send(haproxy.frontendPort(), "/", 4, 4, 0);
        TrafficWindow window = TrafficWindow.between(before, CounterSnapshot.now(router.counters(APP)));

        WindowResult result = RouterAnalysis.judge(window, List.of(base + 3), List.of(base),
                new TrafficThresholds(0.95, 500, -1, 4));

        assertEquals("every request answered 200: " + got, Map.of(200, 16), got);
        assertEquals(result.reason(), AnalysisVerdict.FAIL, result.verdict());
        assertTrue(result.reason(), result.canaryAvgResponseMillis() >= 1000);
        assertTrue(result.reason(), result.stableAvgResponseMillis() < 500);
        assertTrue(result.reason(), result.reason().matches("canary average response time \\d+ ms is above "
                + "maxResponseMillis 500"));
    }

    @Test
    public void aWindowWithoutTrafficIsInconclusive() throws Exception {
        CounterSnapshot before = CounterSnapshot.now(router.counters(APP));
        TrafficWindow window = TrafficWindow.between(before, CounterSnapshot.now(router.counters(APP)));

        WindowResult result = RouterAnalysis.judge(window, canary, stable, TrafficThresholds.successRatio(0.85, 10));

        assertEquals(AnalysisVerdict.INCONCLUSIVE, result.verdict());
        assertTrue(result.reason(), result.reason().contains("canary got 0 requests"));
    }

    /**
     * A replica gone: HAProxy moves its requests to another server (retries 2, option redispatch), every client gets
     * 200, and the gone server's requests count as connection errors ({@code wredis}; its {@code econ} stays 0).
     */
    @Test
    public void aServerThatRefusesConnectionsCountsConnectionErrors() throws Exception {
        int gone = base + 5; // nothing listens there
        router.route(APP, List.of(base, gone));
        CounterSnapshot before = CounterSnapshot.now(router.counters(APP));
        Map<Integer, Integer> got = Load.send(haproxy.frontendPort(), "/", 2, 10, 0);
        TrafficWindow window = TrafficWindow.between(before, CounterSnapshot.now(router.counters(APP)));

        Traffic refused = window.ports(List.of(gone));
        assertEquals("redispatched, every client got an answer: " + got, Map.of(200, 20), got);
        assertTrue(refused.toString(), refused.connectionErrors() > 0);
        assertEquals(refused.toString(), 0.0, refused.successRatio(), 0);
    }

    @Test
    public void countersNameEverySlotAndThePortItPointsAt() throws Exception {
        List<ServerCounters> servers = router.counters(APP);

        assertEquals(List.of("s1", "s2", "s3", "s4", "s5", "s6"), servers.stream().map(ServerCounters::server).toList());
        assertTrue(servers.toString(), servers.stream().map(ServerCounters::port).toList()
                .containsAll(List.of(base, base + 1, base + 2)));
        assertEquals(1, CounterSnapshot.now(servers).serversAt(canary).size());
        assertEquals(2, CounterSnapshot.now(servers).serversAt(stable).size());
    }
}
