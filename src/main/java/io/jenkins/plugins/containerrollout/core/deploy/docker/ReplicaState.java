package io.jenkins.plugins.containerrollout.core.deploy.docker;

/**
 * A replica container's state as the engine reports it (its inspect), in the terms a rollout decides on.
 *
 * @param running   whether the container runs
 * @param exitCode  its exit code once it has exited (0 while it runs)
 * @param oomKilled whether the kernel killed it for exceeding its memory limit
 * @param error     the engine's error for it, or empty
 * @param health    the HEALTHCHECK status ({@code starting}, {@code healthy}, {@code unhealthy}), or null when the
 *                  container has no HEALTHCHECK
 * @param healthLog the last HEALTHCHECK results the engine keeps (oldest first: exit code and output), or empty
 */
record ReplicaState(boolean running, long exitCode, boolean oomKilled, String error, String health,
        java.util.List<String> healthLog) {

    /** Why a container that does not run stopped, as a person reads it. */
    String exitReason() {
        StringBuilder why = new StringBuilder("exited with code ").append(exitCode);
        if (oomKilled) {
            why.append(" (OOMKilled: it exceeded its memory limit)");
        }
        if (error != null && !error.isBlank()) {
            why.append(": ").append(error);
        }
        return why.toString();
    }
}
