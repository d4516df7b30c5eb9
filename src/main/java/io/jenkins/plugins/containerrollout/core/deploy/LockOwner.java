package io.jenkins.plugins.containerrollout.core.deploy;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Who holds a lock kept in an engine (an app's rollout lock, a stack's lock; a marker container on a Docker host, a
 * config on a swarm), and when a lock is abandoned: older than the stale age, or taken on this host by a process that
 * is gone (a killed agent). One rule for every target and every lock.
 *
 * <p>Usage: {@code labels.put(AppLabels.OWNER, LockOwner.current()); if (LockOwner.stale(labels, age)) takeOver();}
 */
public final class LockOwner {
    private LockOwner() {
    }

    /** {@code <host> pid=<pid> <random>}: enough to find the process, and unique per acquisition. */
    public static String current() {
        return hostName() + " pid=" + ProcessHandle.current().pid() + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Whether the lock whose labels ({@link AppLabels#OWNER}, {@link AppLabels#CREATED}) these are is abandoned. */
    public static boolean stale(Map<String, String> labels, Duration staleAfter) {
        long created = Long.parseLong(labels.getOrDefault(AppLabels.CREATED, "0"));
        if (System.currentTimeMillis() - created > staleAfter.toMillis()) {
            return true;
        }
        String[] owner = labels.getOrDefault(AppLabels.OWNER, "").split(" ");
        if (owner.length >= 2 && owner[0].equals(hostName())) {
            try {
                return ProcessHandle.of(Long.parseLong(owner[1].replace("pid=", ""))).isEmpty();
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return false;
    }

    /** The refusal of a held lock: {@code what} ("app 'web'", "stack 'shop'"), who holds it since when, and the fix. */
    public static RolloutLockedException held(String what, Map<String, String> labels, String lockName) {
        return new RolloutLockedException(what + " is already being rolled out by "
                + labels.getOrDefault(AppLabels.OWNER, "another process") + " since "
                + Instant.ofEpochMilli(Long.parseLong(labels.getOrDefault(AppLabels.CREATED, "0")))
                + "; rollouts of one app never interleave: wait for it to finish (the lock '" + lockName
                + "' goes away), or remove it if its owner is gone");
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "unknown-host";
        }
    }
}
