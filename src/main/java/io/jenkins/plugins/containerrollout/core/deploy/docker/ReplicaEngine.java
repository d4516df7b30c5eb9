package io.jenkins.plugins.containerrollout.core.deploy.docker;

import java.util.Optional;

/**
 * What a rollout asks of the engine about replica containers, in project types only: the engine client's types and
 * exceptions stay behind it ({@link AppEngine} is the Docker Engine one). Every call is one bounded engine request;
 * the idempotent ones (start, stop, remove) treat "already so" as done.
 */
interface ReplicaEngine extends ReplicaInspect {
    /** Every replica container of {@code app}, running or not. */
    java.util.List<ReplicaRef> replicas(String app);

    /**
     * Creates one replica of {@code revision} in {@code slot}, serving on {@code port}, not started; a container of
     * the same name left over from a crash is ours and is replaced.
     *
     * @return the new container's id
     */
    String createReplica(String app, Revision revision, int slot, int port);

    /** Starts a container; a running one is left running. */
    void start(String id);

    /** Stops a container: its stop signal, then SIGKILL after {@code timeoutSeconds}; a stopped one stays so. */
    void stop(String id, int timeoutSeconds);

    /** Removes a container, running or not; a removed one stays so. */
    void remove(String id);

    /** What the engine says of a container now; empty when it is gone. */
    @Override
    Optional<ReplicaState> state(String id);

    /**
     * The last {@code lines} lines of a container's log (stdout and stderr as written), at most {@code maxBytes}
     * (older lines go first); empty for a container that is gone.
     */
    LogTail logs(String id, int lines, int maxBytes);

    /**
     * A bounded tail of a log.
     *
     * @param lines     the lines kept, oldest first
     * @param truncated whether older lines were left out (beyond the line or byte bound)
     */
    record LogTail(java.util.List<String> lines, boolean truncated) {
    }
}
