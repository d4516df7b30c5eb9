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
        assertEquals("from the failure until r1 had four ready replicas and r2 none (not the RESTORED event at 1600)",
                500, m.timeToRestoreMillis());
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

    /**
     * The demo's broken canary, event for event as the Docker-host deployer writes it: the analysis at 20 % fails at
     * +2.9 s, the canary's weight goes to 0 at once, its replica stops 10 s later (busybox ignores SIGTERM), and only
     * then does the rollback begin; RESTORED follows at +23.5 s.
     */
    static List<TimelineEvent> abortedCanary() {
        return List.of(
                e(0, Type.SERVING, 2, 0), e(0, Type.SERVING, 2, 1), e(0, Type.SERVING, 2, 2),
                e(100, Type.STARTED, 3, 3), e(700, Type.READY, 3, 3),
                TimelineEvent.app(710, Type.TRAFFIC, 3, "canary weight 20 %: revision 3 gets 20.0 % (ports [20003]), "
                        + "weights {20000=100, 20001=100, 20002=100, 20003=75}"),
                TimelineEvent.app(2900, Type.PROBE, 3, "canary analysis at 20 % of http://127.0.0.1:18000/: 49/60 ok"
                        + " (81.7 %), p50 2.0 ms, 30.0 req/s, outcomes {200=49, 500=11}: failed (1 of failureLimit 1;"
                        + " needs success ratio >= 0.99)"),
                TimelineEvent.app(2905, Type.TRAFFIC, 3, "canary weight 0 %: revision 3 gets 0.0 % (ports [20003]), "
                        + "weights {20000=100, 20001=100, 20002=100}"),
                new TimelineEvent(12900, Type.STOPPED, 3, 3, 20003, "canary aborted"),
                TimelineEvent.app(12910, Type.PHASE, 3, "revision 3 failed: canary analysis at 20 % ..."),
                TimelineEvent.app(12920, Type.ROLLBACK_STARTED, 2, "rolling back to revision 2"),
                TimelineEvent.app(12950, Type.TRAFFIC, 3, "serving ports [20000, 20001, 20002]"),
                TimelineEvent.app(23400, Type.RESTORED, 2, "revision 2 restored"));
    }

    @Test
    public void anAbortedCanaryCountsItsStoppedReplicasAsRolledBack() {
        RolloutMetrics m = MetricsCalculator.compute(abortedCanary(), 3, 3, Operation.DEPLOY, 0, 23500);

        assertEquals("the one canary replica was stopped before ROLLBACK_STARTED, and rolled back all the same", 1.0,
                m.rollbackRate(), 1e-9);
    }

    @Test
    public void timeToRestoreRunsFromTheFailedAnalysisToTheSwitchThatGaveTheOldRevisionAllTraffic() {
        RolloutMetrics m = MetricsCalculator.compute(abortedCanary(), 3, 3, Operation.DEPLOY, 0, 23500);

        assertEquals("failed analysis at 2900, weight 0 at 2905 (not 12920 to 23400, the rollback call's own time)", 5,
                m.timeToRestoreMillis());
    }

    @Test
    public void aRolledBackRolloutIsRestoredOnlyWhenTheOldRevisionHasEveryReplicaAndAllTraffic() {
        // r1 keeps one of two replicas while r2's ready one serves; r2 fails, r1 comes back at 900, traffic at 950
        List<TimelineEvent> events = List.of(
                e(0, Type.SERVING, 1, 0), e(0, Type.SERVING, 1, 1), e(10, Type.STOPPED, 1, 1),
                e(20, Type.STARTED, 2, 1), e(300, Type.READY, 2, 1),
                TimelineEvent.app(310, Type.TRAFFIC, 2, "serving ports [20000, 20001]"),
                e(400, Type.STARTED, 2, 2), e(500, Type.FAILED, 2, 2),
                TimelineEvent.app(510, Type.ROLLBACK_STARTED, 1, ""), e(520, Type.STARTED, 1, 1),
                e(900, Type.READY, 1, 1), TimelineEvent.app(950, Type.TRAFFIC, 2, "serving ports [20000, 20001]"),
                e(960, Type.STOPPED, 2, 1), TimelineEvent.app(1500, Type.RESTORED, 1, ""));

        RolloutMetrics m = MetricsCalculator.compute(events, 2, 2, Operation.DEPLOY, 0, 1600);

        assertEquals("port 20001 is r1's again only from 960, when r2/s1 stopped", 460, m.timeToRestoreMillis());
        assertEquals(1.0, m.rollbackRate(), 1e-9);
    }

    @Test
    public void aSuccessfulDeployWithAReplacedReplicaRestoresNothing() {
        List<TimelineEvent> events = List.of(e(0, Type.SERVING, 1, 0), e(10, Type.STARTED, 2, 1),
                e(20, Type.FAILED, 2, 1), e(30, Type.STARTED, 2, 2), e(90, Type.READY, 2, 2), e(95, Type.STOPPED, 1, 0));

        RolloutMetrics m = MetricsCalculator.compute(events, 1, 2, Operation.DEPLOY, 0, 100);

        assertEquals(-1, m.timeToRestoreMillis());
        assertEquals("one of two started replicas failed", 0.5, m.rollbackRate(), 1e-9);
    }

    @Test
    public void aBlueGreenWhoseNewColourFailsBeforeTheSwitchRestoresAtOnceAndRollsBackEveryNewReplica() {
        // r1 on slots 0-1 keeps all the traffic; r2's colour (slots 2-3) starts, one fails, the other is stopped
        List<TimelineEvent> events = List.of(e(0, Type.SERVING, 1, 0), e(0, Type.SERVING, 1, 1),
                TimelineEvent.app(5, Type.TRAFFIC, 2, "serving ports [20000, 20001]"),
                e(10, Type.STARTED, 2, 2), e(20, Type.STARTED, 2, 3), e(400, Type.READY, 2, 2), e(900, Type.FAILED, 2, 3),
                TimelineEvent.app(910, Type.PHASE, 2, "revision 2 failed: health gate"), e(920, Type.STOPPED, 2, 2),
                TimelineEvent.app(930, Type.ROLLBACK_STARTED, 1, ""), TimelineEvent.app(990, Type.RESTORED, 1, ""));

        RolloutMetrics m = MetricsCalculator.compute(events, 2, 2, Operation.DEPLOY, 0, 1000);

        assertEquals("the new colour never had traffic: nothing to wait for after the failure", 0, m.timeToRestoreMillis());
        assertEquals(1.0, m.rollbackRate(), 1e-9);
    }
}
