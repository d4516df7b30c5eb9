package io.jenkins.plugins.containerrollout.core.deploy.docker;

import static org.junit.Assert.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.Test;

/**
 * The surge and availability rules of one rollout round, as a table: no engine, no timing. Each row is what runs
 * (old and fresh replicas, {@code +} available, {@code ~} pending), the strategy's shape, and the plan expected.
 * The rules are a Kubernetes Deployment's (kubernetes/kubernetes {@code pkg/controller/deployment/rolling.go}:
 * {@code reconcileNewReplicaSet} caps new replicas at desired + maxSurge, {@code reconcileOldReplicaSets} keeps
 * desired - maxUnavailable available).
 */
public class BatchPlanTest {
    /** A replica in the table: its slot and whether it passed its health gate. */
    record R(int slot, boolean available) {
    }

    /** {@code "++~"}: slots from {@code firstSlot}, + available, ~ pending. */
    private static List<R> replicas(String marks, int firstSlot) {
        List<R> out = new ArrayList<>();
        for (int i = 0; i < marks.length(); i++) {
            out.add(new R(firstSlot + i, marks.charAt(i) == '+'));
        }
        return out;
    }

    /**
     * One row: old, fresh, desired, surge, maxUnavailable, then the expected surplus, idle, replaced, start,
     * createAhead, stuck.
     */
    private static void row(String old, String fresh, int n, int surge, int unavailable, int surplus, int idle,
            int replaced, int start, int ahead, boolean stuck) {
        BatchPlan<R> p = BatchPlan.of(replicas(old, 0), replicas(fresh, 100), R::available, R::slot,
                new BatchPlan.Shape(n, surge, unavailable, false));
        String row = "old '" + old + "' fresh '" + fresh + "' n " + n + " surge " + surge + " unavailable " + unavailable;
        assertEquals(row, List.of(surplus, idle, replaced, start, ahead, stuck ? 1 : 0), List.of(p.surplus().size(),
                p.idle().size(), p.replaced().size(), p.start(), p.createAhead(), p.stuck() ? 1 : 0));
    }

    @Test
    public void rollingRoundsStayWithinSurgeAndAvailability() {
        //   old     fresh  n  surge unav | surplus idle replaced start ahead stuck
        row("++++", "",     4, 1, 0,        0, 0, 0, 1, 1, false); // surge first: one new, the next created ahead
        row("++++", "+",    4, 1, 0,        0, 0, 1, 1, 1, false); // one old goes; stopping, it frees surge room at once
        row("+++",  "+",    4, 1, 0,        0, 0, 0, 1, 1, false); // back at 4: the next surge replica
        row("++++", "",     4, 1, 1,        0, 0, 1, 2, 2, false); // one may be down: replace one, start two
        row("++++", "",     4, 0, 1,        0, 0, 1, 1, 1, false); // take-down-first: its start waits for the stop
        row("+++",  "",     4, 0, 1,        0, 0, 0, 1, 1, false); // the freed room is filled
        row("++++", "",     4, 2, 2,        0, 0, 2, 4, 0, false); // a wide batch takes all it may
        row("",     "",     3, 1, 0,        0, 0, 0, 3, 0, false); // first deploy: all at once, surge or not
        row("",     "+++",  3, 1, 0,        0, 0, 0, 0, 0, true);  // done: nothing to change, nothing pending
    }

    @Test
    public void oldReplicasThatAreNotAvailableAlwaysGo() {
        row("~~++", "",     4, 1, 0,        0, 2, 0, 3, 1, false); // 2 idle go at once, 2 available stay
        row("~~~~", "",     4, 0, 1,        0, 4, 0, 4, 0, false); // nothing serves: replace everything
    }

    @Test
    public void scalingDownRemovesPendingThenHighestSlotsWhileAvailabilityAllows() {
        BatchPlan<R> p = BatchPlan.of(List.of(), List.of(new R(0, true), new R(1, true), new R(2, false),
                new R(3, true)), R::available, R::slot, new BatchPlan.Shape(2, 1, 0, false));
        assertEquals(List.of(new R(2, false), new R(3, true)), p.surplus());
        row("",     "+++~", 3, 1, 0,        1, 0, 0, 0, 0, false); // only the pending one is surplus
        row("",     "++++", 2, 0, 1,        2, 0, 0, 0, 0, false);
    }

    @Test
    public void aStrategyThatAllowsNoMoveIsStuck() {
        // nothing may go (no unavailability) and nothing may start (no surge): the rollout must fail, not spin
        row("++",   "",     2, 0, 0,        0, 0, 0, 0, 0, true);
    }

    @Test
    public void blueGreenHoldsTheOldColourOnlyOnceTheWholeNewColourIsAvailable() {
        BatchPlan.Shape shape = new BatchPlan.Shape(2, 2, 0, true);
        BatchPlan<R> starting = BatchPlan.of(replicas("++", 0), replicas("+~", 100), R::available, R::slot, shape);
        assertEquals(false, starting.holdOldColour());
        BatchPlan<R> switched = BatchPlan.of(replicas("++", 0), replicas("++", 100), R::available, R::slot, shape);
        assertEquals(true, switched.holdOldColour());
        assertEquals("then the old colour goes", 2, switched.replaced().size());
    }

    @Test
    public void doneMeansOnlyCurrentReplicasAllAvailable() {
        assertEquals(true, BatchPlan.done(List.of(), replicas("++", 0), R::available, 2));
        assertEquals(false, BatchPlan.done(List.of(), replicas("+~", 0), R::available, 2));
        assertEquals(false, BatchPlan.done(replicas("~", 5), replicas("++", 0), R::available, 2));
        assertEquals(false, BatchPlan.done(List.of(), replicas("+++", 0), R::available, 2));
    }
}
