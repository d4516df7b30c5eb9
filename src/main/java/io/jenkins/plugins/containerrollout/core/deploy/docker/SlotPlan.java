package io.jenkins.plugins.containerrollout.core.deploy.docker;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Which slot (port {@code portBase + slot}) a new replica takes: pure, given what the ports are doing
 * ({@link PortView}), so the choice is tested as a table ({@code SlotPlanTest}).
 *
 * <p>A kept container of the target comes first (restarting it needs no create), then the lowest free slot within
 * the rollout's ports ({@code span}). A port whose replica is still stopping is free when the batch waits for the
 * stops anyway; otherwise it is taken only when no other port within the span is free (the batch then waits for
 * that stop). Ports something else listens on are skipped, beyond the span if need be.
 *
 * <p>Usage: {@code int slot = new SlotPlan(21000, 6, false, ports).next(used, keptSlots);}
 *
 * @param portBase port of slot 0
 * @param span     slots the rollout keeps its replicas in ({@code RolloutStrategy.ports})
 * @param waits    whether a batch waits for the stops of the replicas it replaces
 * @param ports    what the ports are doing now
 */
record SlotPlan(int portBase, int span, boolean waits, PortView ports) {

    /** What a port is doing. */
    interface PortView {
        /** Nothing listens on it, or the replica that held it has stopped. */
        boolean freeNow(int port);

        /** A replica this rollout replaced holds it, stopping or stopped. */
        boolean heldByStop(int port);
    }

    /** The slot for the next new replica, none of {@code used}; {@code keptSlots}: kept containers of the target. */
    int next(Set<Integer> used, Collection<Integer> keptSlots) {
        List<Integer> kept = keptSlots.stream().filter(slot -> !used.contains(slot)).toList();
        List<Integer> inRange = IntStream.range(0, Math.min(span, 65536 - portBase)).boxed()
                .filter(slot -> !used.contains(slot)).toList();
        for (List<Integer> candidates : List.of(kept, inRange)) {
            for (int slot : candidates) {
                if (free(portBase + slot, waits)) {
                    return slot;
                }
            }
        }
        for (List<Integer> candidates : List.of(kept, inRange)) {
            for (int slot : candidates) {
                if (ports.heldByStop(portBase + slot)) {
                    return slot; // its stop ends before the batch starts
                }
            }
        }
        return lowestFree(used, waits);
    }

    /**
     * The slots where the next batch will start, for its containers to be created ahead: when the batch waits for
     * the stops, those of the next replaced replicas ({@code availableOld}, in order), whose ports it takes over;
     * else the lowest slots free once the stops now running have ended.
     *
     * @param taken        slots of the target's replicas and kept containers
     * @param availableOld slots of available old replicas, in the order they are replaced
     * @param idleOld      slots of old replicas that are not available
     */
    List<Integer> ahead(Set<Integer> taken, List<Integer> availableOld, List<Integer> idleOld, int count) {
        Set<Integer> busy = new HashSet<>(taken);
        busy.addAll(idleOld);
        if (waits) {
            return availableOld.stream().filter(slot -> !busy.contains(slot)).limit(Math.max(0, count)).toList();
        }
        busy.addAll(availableOld);
        List<Integer> slots = new ArrayList<>();
        while (slots.size() < count) {
            int slot = lowestFree(busy, true);
            busy.add(slot);
            slots.add(slot);
        }
        return slots;
    }

    private int lowestFree(Set<Integer> used, boolean stopsEnd) {
        for (int slot = 0; portBase + slot <= 65535; slot++) {
            if (!used.contains(slot) && free(portBase + slot, stopsEnd)) {
                return slot;
            }
        }
        throw new IllegalStateException("no free loopback port at or above " + portBase);
    }

    /** Free now, or held by a replica whose stop, with {@code stopsEnd}, ends before the batch starts. */
    private boolean free(int port, boolean stopsEnd) {
        return ports.freeNow(port) || stopsEnd && ports.heldByStop(port);
    }
}
