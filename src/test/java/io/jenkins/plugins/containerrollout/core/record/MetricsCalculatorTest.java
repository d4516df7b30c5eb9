package io.jenkins.plugins.containerrollout.core.record;

import static org.junit.Assert.assertEquals;

import io.jenkins.plugins.containerrollout.core.record.TimelineEvent.Type;
import java.util.List;
import org.junit.Test;

/** The metric definitions, checked on hand-made timelines. */
public class MetricsCalculatorTest {
    private static TimelineEvent e(long at, Type type, int revision, int slot) {
        return new TimelineEvent(at, type, revision, slot, 20000 + slot, "");
    }

    @Test
    public void rollingUpdateWithSurgeKeepsFullAvailabilityAndCountsOnlyNewReadiness() {
        // two replicas of r1 serve; r2 surges one at a time
        List<TimelineEvent> events = List.of(
                e(0, Type.SERVING, 1, 0), e(0, Type.SERVING, 1, 1),
                e(100, Type.STARTED, 2, 2), e(1000, Type.READY, 2, 2), e(1100, Type.STOPPED, 1, 0),
                e(1200, Type.STARTED, 2, 0), e(2000, Type.READY, 2, 0), e(2100, Type.STOPPED, 1, 1));

        RolloutMetrics m = MetricsCalculator.compute(events, 2, 2, Operation.DEPLOY, 0, 4000);

        assertEquals(1.0, m.availabilityFloor(), 1e-9);
        assertEquals(List.of(1.0, 1.5, 1.0, 1.5, 1.0), m.runState().stream().map(RunStateSample::value).toList());
        assertEquals("two replicas made ready in 4 s", 0.5, m.scaleRate(), 1e-9);
        assertEquals(0.0, m.rollbackRate(), 1e-9);
        assertEquals(4000, m.durationMillis());
        assertEquals(-1, m.timeToRestoreMillis());
    }

    @Test
    public void recreateDropsToZero() {
        List<TimelineEvent> events = List.of(
                e(0, Type.SERVING, 1, 0), e(10, Type.STOPPED, 1, 0), e(20, Type.STARTED, 2, 0), e(500, Type.READY, 2, 0));

        RolloutMetrics m = MetricsCalculator.compute(events, 1, 2, Operation.DEPLOY, 0, 1000);

        assertEquals(0.0, m.availabilityFloor(), 1e-9);
        assertEquals(0, m.runState().get(1).ready());
        assertEquals(10, m.runState().get(1).atMillis());
    }

    @Test
    public void failedRolloutRolledBackCountsUndoneReplicasAndTimeToRestore() {
        // four r1 replicas; r2 starts two, the ready one fails at 1000, rollback stops the other; restored at 1600
        List<TimelineEvent> events = List.of(
                e(0, Type.SERVING, 1, 0), e(0, Type.SERVING, 1, 1), e(0, Type.SERVING, 1, 2), e(0, Type.SERVING, 1, 3),
                e(100, Type.STARTED, 2, 4), e(400, Type.READY, 2, 4), e(500, Type.STOPPED, 1, 0),
                e(600, Type.STARTED, 2, 0), e(1000, Type.FAILED, 2, 4),
                TimelineEvent.app(1010, Type.ROLLBACK_STARTED, 1, "rolling back"),
                e(1100, Type.STARTED, 1, 0), e(1500, Type.READY, 1, 0), e(1550, Type.STOPPED, 2, 0),
                TimelineEvent.app(1600, Type.RESTORED, 1, "restored"),
                e(1700, Type.STARTED, 1, 9));

        RolloutMetrics m = MetricsCalculator.compute(events, 4, 2, Operation.DEPLOY, 0, 2000);

        assertEquals("both started r2 replicas were undone", 1.0, m.rollbackRate(), 1e-9);
        assertEquals("from the failure to the restore", 600, m.timeToRestoreMillis());
        assertEquals("three of four once r1/s0 was replaced and r2/s4 failed", 0.75, m.availabilityFloor(), 1e-9);
    }

    @Test
    public void partialRollbackRateAndManualRollbackTimeToRestore() {
        List<TimelineEvent> forward = List.of(
                e(0, Type.STARTED, 3, 0), e(10, Type.STARTED, 3, 1), e(20, Type.FAILED, 3, 1));
        assertEquals(0.5, MetricsCalculator.compute(forward, 2, 3, Operation.DEPLOY, 0, 100).rollbackRate(), 1e-9);

        RolloutMetrics manual = MetricsCalculator.compute(List.of(), 2, 1, Operation.ROLLBACK, 5000, 5750);
        assertEquals(750, manual.timeToRestoreMillis());
        assertEquals(0.0, manual.availabilityFloor(), 1e-9);
        assertEquals(0.0, manual.scaleRate(), 1e-9);
    }
}
