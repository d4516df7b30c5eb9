package io.jenkins.plugins.containerrollout.core.deploy;

import java.io.Serializable;
import java.util.List;

/**
 * The last lines of one replica's log, as {@code logs --app} prints them.
 *
 * @param replica   the replica's container name
 * @param revision  its revision
 * @param running   whether it runs (a kept or failed replica does not)
 * @param lines     the last lines, oldest first, secrets masked
 * @param truncated whether older lines were left out
 */
public record ReplicaLogs(String replica, int revision, boolean running, List<String> lines, boolean truncated)
        implements Serializable {
    public ReplicaLogs {
        lines = List.copyOf(lines);
    }
}
