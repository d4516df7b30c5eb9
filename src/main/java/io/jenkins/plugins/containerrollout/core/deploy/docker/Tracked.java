package io.jenkins.plugins.containerrollout.core.deploy.docker;

import io.jenkins.plugins.containerrollout.core.health.ReadinessGate;
import java.util.List;

/** A running replica a rollout watches: its health gate, and whether it counts as available. */
final class Tracked {
    final ReplicaRef ref;
    final ReadinessGate gate;
    boolean available;
    boolean lastOk;

    Tracked(ReplicaRef ref, ReadinessGate gate) {
        this.ref = ref;
        this.gate = gate;
    }

    boolean available() {
        return available;
    }

    int slot() {
        return ref.slot();
    }

    static int available(List<Tracked> replicas) {
        return (int) replicas.stream().filter(t -> t.available).count();
    }

    /** Ports of the available ones. */
    static List<Integer> ports(List<Tracked> replicas) {
        return replicas.stream().filter(t -> t.available).map(t -> t.ref.port()).toList();
    }
}
