package io.jenkins.plugins.containerrollout.core.deploy;

import io.jenkins.plugins.containerrollout.core.record.PauseInfo;
import java.io.Serializable;
import java.util.List;

/**
 * Where an application stands now, read from the engine: desired and ready replicas, the phase of its last rollout
 * (a paused or interrupted rollout shows here), and the ports a router should send traffic to.
 *
 * <p>Usage: {@code AppStatus s = deployer.status("web"); s.readyReplicas() + "/" + s.desiredReplicas()}
 *
 * @param app             application name
 * @param phase           where the last rollout stands
 * @param stableRevision  the last revision that completed (0 when none)
 * @param targetRevision  the revision the last rollout aimed at
 * @param desiredReplicas replicas asked for
 * @param readyReplicas   running replicas passing one probe now
 * @param servingPorts    loopback ports of the ready replicas, ascending: a router's backend list
 * @param replicas        every replica container, running or kept
 * @param lockOwner       who holds the rollout lock, or null
 * @param router          the router recorded with the application, as {@code RouterSettings.describe()} says it, or
 *                        null when it is behind none (a later deploy or rollback without router options uses this one)
 * @param pause           where a paused rollout holds (waiting for promote or abort), or null
 */
public record AppStatus(String app, AppPhase phase, int stableRevision, int targetRevision, int desiredReplicas,
        int readyReplicas, List<Integer> servingPorts, List<Replica> replicas, String lockOwner, String router,
        PauseInfo pause) implements Serializable {

    public AppStatus {
        servingPorts = List.copyOf(servingPorts);
        replicas = List.copyOf(replicas);
    }

    /** The status of an application no rollout holds paused. */
    public AppStatus(String app, AppPhase phase, int stableRevision, int targetRevision, int desiredReplicas,
            int readyReplicas, List<Integer> servingPorts, List<Replica> replicas, String lockOwner, String router) {
        this(app, phase, stableRevision, targetRevision, desiredReplicas, readyReplicas, servingPorts, replicas,
                lockOwner, router, null);
    }

    /**
     * One replica container.
     *
     * @param name     container name ({@code <app>.r<rev>.s<slot>})
     * @param revision its revision
     * @param slot     its slot
     * @param port     its loopback port
     * @param running  whether the container runs
     * @param ready    whether it passed a probe just now
     * @param detail   the probe result or the container state
     */
    public record Replica(String name, int revision, int slot, int port, boolean running, boolean ready, String detail)
            implements Serializable {
    }
}
