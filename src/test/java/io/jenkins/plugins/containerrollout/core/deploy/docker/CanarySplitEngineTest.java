package io.jenkins.plugins.containerrollout.core.deploy.docker;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.containerrollout.core.deploy.DeployRequest;
import io.jenkins.plugins.containerrollout.core.record.Outcome;
import io.jenkins.plugins.containerrollout.core.record.RolloutRecord;
import io.jenkins.plugins.containerrollout.core.record.TimelineEvent;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.Test;

/** A canary behind a real HAProxy: at each step the share of answers from the new revision matches the step's weight. */
public class CanarySplitEngineTest extends EngineTestBase {
    private static final int REQUESTS = 1000;

    @Test
    public void trafficSplitAtTheRouterMatchesTheStepWeights() throws Exception {
        DeployRequest v1 = CanaryFixture.request(host, app, DeployFixture.image("1", true),
                CanaryFixture.portBase(app, 5), "10:10,50:10", 0.99, 0, 20);
        Map<Integer, CountDownLatch> reached = new ConcurrentHashMap<>(Map.of(10, new CountDownLatch(1),
                50, new CountDownLatch(1)));
        ExecutorService background = Executors.newSingleThreadExecutor();
        try (CanaryFixture.Stage stage = new CanaryFixture.Stage(host, app, v1)) {
            Future<RolloutRecord> v2 = background.submit(() -> stage.deploy(DeployFixture.image("2", true), line -> {
                System.out.println(line);
                reached.forEach((w, latch) -> {
                    if (line.contains("canary weight " + w + " %")) {
                        latch.countDown();
                    }
                });
            }));
            Map<String, Integer> at10 = measureAt(reached.get(10), stage.haproxy.frontendPort());
            long measured10 = System.currentTimeMillis();
            Map<String, Integer> at50 = measureAt(reached.get(50), stage.haproxy.frontendPort());
            long measured50 = System.currentTimeMillis();
            RolloutRecord record = v2.get(60, TimeUnit.SECONDS);

            assertEquals(record.message(), Outcome.SUCCEEDED, record.outcome());
            assertBefore(record, "canary weight 50 %", measured10);
            assertBefore(record, "canary weight 100 %", measured50);
            System.out.println("canary split over " + REQUESTS + " requests: at 10 % " + at10 + ", at 50 % " + at50);
            assertShare(10, at10);
            assertShare(50, at50);
        } finally {
            background.shutdownNow();
        }
    }

    private static Map<String, Integer> measureAt(CountDownLatch step, int frontendPort) throws Exception {
        assertTrue("the canary reached the step", step.await(40, TimeUnit.SECONDS));
        return CanaryFixture.versions(frontendPort, REQUESTS);
    }

    /** Every request answered by v1 or v2, and v2's share within 5 points of the weight. */
    private static void assertShare(int weight, Map<String, Integer> counts) {
        assertEquals("every request answered by a version: " + counts, REQUESTS,
                counts.getOrDefault("1", 0) + counts.getOrDefault("2", 0));
        double share = 100.0 * counts.getOrDefault("2", 0) / REQUESTS;
        assertTrue("at " + weight + " % the canary answered " + share + " %: " + counts, Math.abs(share - weight) <= 5);
    }

    /** The measurement ended while the step was still in force: the next step's first weight change came later. */
    private static void assertBefore(RolloutRecord record, String nextStep, long measuredAt) {
        TimelineEvent next = record.events().stream()
                .filter(e -> e.type() == TimelineEvent.Type.TRAFFIC && e.detail().contains(nextStep)).findFirst()
                .orElseThrow(() -> new AssertionError("no weight change to '" + nextStep + "'"));
        assertTrue("measured before the next step", measuredAt < next.atMillis());
    }
}
