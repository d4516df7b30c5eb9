package io.jenkins.plugins.containerrollout.core.deploy.docker;

import static org.junit.Assert.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.Test;

/** Which slot a new replica takes, as a table over what the ports are doing: no engine, no sockets. */
public class SlotPlanTest {
    private static final int BASE = 21000;

    /** Ports as the table says: {@code busy} something listens, {@code stopping}/{@code stopped} a replaced replica. */
    private record Ports(Set<Integer> busy, Set<Integer> stopping, Set<Integer> stopped) implements SlotPlan.PortView {
        @Override
        public boolean freeNow(int port) {
            return stopped.contains(port) || !busy.contains(port) && !stopping.contains(port);
        }

        @Override
        public boolean heldByStop(int port) {
            return stopping.contains(port) || stopped.contains(port);
        }
    }

    private static Set<Integer> ports(int... slots) {
        return java.util.Arrays.stream(slots).map(s -> BASE + s).boxed().collect(java.util.stream.Collectors.toSet());
    }

    @Test
    public void theLowestFreeSlotWithinTheSpanComesFirst() {
        SlotPlan plan = new SlotPlan(BASE, 6, false, new Ports(ports(0, 1), Set.of(), Set.of()));
        assertEquals(2, plan.next(Set.of(0, 1), List.of()));
    }

    @Test
    public void aKeptContainerOfTheTargetComesBeforeALowerFreeSlot() {
        SlotPlan plan = new SlotPlan(BASE, 6, false, new Ports(Set.of(), Set.of(), Set.of()));
        assertEquals(4, plan.next(Set.of(), List.of(4)));
    }

    @Test
    public void aStoppingReplicasPortIsFreeOnlyWhenTheBatchWaitsForTheStops() {
        Ports ports = new Ports(ports(0), ports(1), Set.of());
        assertEquals("stopStarted: skip the port a stop still holds", 2,
                new SlotPlan(BASE, 6, false, ports).next(Set.of(0), List.of()));
        assertEquals("stopComplete: the stop ends before the batch starts", 1,
                new SlotPlan(BASE, 6, true, ports).next(Set.of(0), List.of()));
        assertEquals("a stop that ended frees its port at once", 1,
                new SlotPlan(BASE, 6, false, new Ports(ports(0), Set.of(), ports(1))).next(Set.of(0), List.of()));
    }

    @Test
    public void whenOnlyAStoppingPortIsLeftInTheSpanItIsTakenRatherThanLeavingTheSpan() {
        Ports ports = new Ports(ports(0, 1), ports(2), Set.of());
        assertEquals(2, new SlotPlan(BASE, 3, false, ports).next(Set.of(0, 1), List.of()));
    }

    @Test
    public void aPortSomethingElseListensOnIsSkippedBeyondTheSpanIfNeedBe() {
        Ports ports = new Ports(ports(0, 1, 2, 3), Set.of(), Set.of());
        assertEquals(4, new SlotPlan(BASE, 3, false, ports).next(Set.of(0), List.of()));
    }

    @Test
    public void containersCreatedAheadGoWhereTheNextBatchStarts() {
        Ports ports = new Ports(ports(0, 1, 2, 3), Set.of(), Set.of());
        assertEquals("waiting for stops: the next replaced replicas' slots, not idle ones", List.of(1, 2),
                new SlotPlan(BASE, 6, true, ports).ahead(Set.of(0), List.of(0, 1, 2, 3), List.of(5), 2));
        assertEquals("not waiting: the lowest slots free beside every old replica", List.of(4, 6),
                new SlotPlan(BASE, 8, false, ports).ahead(Set.of(), List.of(0, 1, 2, 3), List.of(5), 2));
    }
}
