package io.jenkins.plugins.containerrollout.core.deploy;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.containerrollout.core.router.TrafficRouter;
import io.jenkins.plugins.containerrollout.core.router.WeightSplit;
import java.util.List;
import java.util.Map;
import org.junit.Test;

/** The canary settings: parsing, validation that names the parameter, replica count and router weights. */
public class CanaryPlanTest {
    @Test
    public void stepsParseFromWeightColonPause() {
        assertEquals(List.of(new CanaryStep(10, 30), new CanaryStep(50, 0), new CanaryStep(100, 5)),
                CanaryPlan.parseSteps("10:30, 50%, 100:5s"));
    }

    @Test
    public void aManualStepHoldsUntilPromotedAndReadsBackAsWritten() {
        List<CanaryStep> steps = CanaryPlan.parseSteps("10:manual, 50:60");
        assertEquals(List.of(CanaryStep.manual(10), new CanaryStep(50, 60)), steps);
        assertTrue(steps.get(0).manual());
        assertFalse(steps.get(1).manual());
        java.util.Map<String, String> settings = new java.util.HashMap<>();
        CanaryPlan.defaults().withSteps(steps).describe(settings, 4);
        assertEquals("10:manual,50:60", settings.get("steps"));
    }

    @Test
    public void badStepsNameTheParameterAndTheFix() {
        assertTrue(message(() -> CanaryPlan.parseSteps("ten:30")).startsWith("steps: 'ten:30' is not weight:pause"));
        assertTrue(message(() -> CanaryPlan.parseSteps("10:3:4")).startsWith("steps: '10:3:4' is not weight:pause"));
        assertTrue(message(() -> CanaryPlan.parseSteps("0:30")).startsWith("steps: weight 0 is out of range"));
        assertTrue(message(() -> CanaryPlan.parseSteps("10:-1")).startsWith("steps: pause -1 s"));
        assertTrue(message(() -> CanaryPlan.parseSteps("10:later")).contains("percent:manual"));
        assertTrue(message(() -> new CanaryStep(10, -2)).contains("'manual'"));
        assertTrue(message(() -> CanaryPlan.defaults().withSteps(CanaryPlan.parseSteps("50,10")))
                .startsWith("steps: weights must increase"));
        assertTrue(message(() -> CanaryPlan.defaults().withSteps(List.of())).startsWith("steps: at least one"));
    }

    @Test
    public void badThresholdsNameTheParameter() {
        CanaryPlan p = CanaryPlan.defaults();
        assertTrue(message(() -> p.withAnalysis(0, 500, 100)).startsWith("minSuccessRatio:"));
        assertTrue(message(() -> p.withAnalysis(1.5, 500, 100)).startsWith("minSuccessRatio:"));
        assertTrue(message(() -> p.withAnalysis(0.99, -1, 100)).startsWith("maxP95Millis:"));
        assertTrue(message(() -> p.withAnalysis(0.99, 500, 0)).startsWith("analysisRequests:"));
        assertTrue(message(() -> p.withFailureLimit(0)).startsWith("failureLimit:"));
        assertTrue(message(() -> p.withAnalysisPath("health")).startsWith("analysisPath:"));
    }

    @Test
    public void canaryReplicasCoverTheLargestStepsShare() {
        CanaryPlan p = CanaryPlan.defaults().withSteps(CanaryPlan.parseSteps("10:1,50:1"));
        assertEquals(1, p.canaryReplicas(1));
        assertEquals(1, p.canaryReplicas(2));
        assertEquals(5, p.canaryReplicas(10));
        assertEquals(1, CanaryPlan.defaults().withSteps(CanaryPlan.parseSteps("5")).canaryReplicas(10));
        assertEquals(10, CanaryPlan.defaults().withSteps(CanaryPlan.parseSteps("100")).canaryReplicas(10));
    }

    /**
     * Per-port weights of at most 256 cannot give one port more than 256 times another's share; the plan's canary
     * replica count (enough for the largest step) keeps every step well inside that, from 1 % to 99 %.
     */
    @Test
    public void weightsGiveTheCanaryItsShareWithinHalfAPercent() {
        int[] percents = {1, 5, 10, 25, 50, 75, 99};
        for (int stable = 1; stable <= 20; stable++) {
            for (int top : percents) {
                int canary = CanaryPlan.defaults().withSteps(List.of(new CanaryStep(top, 0))).canaryReplicas(stable);
                for (int percent : percents) {
                    if (percent > top) {
                        continue;
                    }
                    Map<Integer, Integer> w = WeightSplit.of(ports(0, stable), ports(100, canary), percent);
                    assertTrue(w.values().stream().allMatch(x -> x >= 1 && x <= TrafficRouter.MAX_WEIGHT));
                    double share = WeightSplit.percent(w, ports(100, canary));
                    assertEquals(stable + " stable, " + canary + " canary at " + percent + " %: " + w, percent, share,
                            0.5);
                }
            }
        }
    }

    @Test
    public void aGroupWithoutReplicasOrShareLeavesTheRouting() {
        assertEquals(Map.of(0, 256, 1, 256), WeightSplit.of(ports(0, 2), ports(100, 1), 0));
        assertEquals(Map.of(100, 256), WeightSplit.of(ports(0, 2), ports(100, 1), 100));
        assertEquals("no canary ready yet: all to stable", Map.of(0, 256), WeightSplit.of(ports(0, 1), List.of(), 50));
        assertEquals("no stable left: all to canary", Map.of(100, 256), WeightSplit.of(List.of(), ports(100, 1), 10));
    }

    @Test
    public void canaryIsDescribedForTheRecord() {
        Map<String, String> d = RolloutStrategy.canary(CanaryPlan.defaults()).describe(4);
        assertEquals("10:30,50:30", d.get("steps"));
        assertEquals("2", d.get("canaryReplicas"));
        assertEquals("1", d.get("failureLimit"));
        assertEquals(4, RolloutStrategy.canary(CanaryPlan.defaults()).surge(4));
    }

    private static List<Integer> ports(int from, int count) {
        return java.util.stream.IntStream.range(from, from + count).boxed().toList();
    }

    private static String message(org.junit.function.ThrowingRunnable r) {
        return assertThrows(IllegalArgumentException.class, r).getMessage();
    }
}
