package io.jenkins.plugins.containerrollout.core.record;

import java.io.Serializable;
import java.util.List;

/**
 * Why one replica failed, captured from the engine before anything was removed: what a person would otherwise ask
 * {@code docker inspect} and {@code docker logs} for. Bounded (the log tail by lines and bytes), secrets masked.
 *
 * @param container   the container's name ({@code <app>.r<rev>.s<slot>})
 * @param revision    its revision
 * @param slot        its slot
 * @param atMillis    when the failure was seen
 * @param reason      why the rollout gave it up (the health gate's reason, {@code exited with code 3}, ...)
 * @param exitCode    its exit code when it had exited, else null
 * @param oomKilled   whether the kernel killed it for its memory limit, null when unknown
 * @param engineError the engine's error for it, or null
 * @param health      the last HEALTHCHECK results the engine kept (oldest first), empty when it has none
 * @param logTail     the last lines of its log, stdout and stderr interleaved as written, masked
 * @param truncated   whether older lines (or bytes) were left out of {@code logTail}
 */
public record ReplicaDiagnosis(String container, int revision, int slot, long atMillis, String reason, Long exitCode,
        Boolean oomKilled, String engineError, List<String> health, List<String> logTail, boolean truncated)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    public ReplicaDiagnosis {
        health = health == null ? List.of() : List.copyOf(health);
        logTail = logTail == null ? List.of() : List.copyOf(logTail);
    }

    /** The short form for a console: why, the exit, and the last {@code lines} log lines. */
    public String summary(int lines) {
        StringBuilder s = new StringBuilder(container).append(": ").append(reason);
        if (exitCode != null && !reason.contains("code " + exitCode)) {
            s.append(", exit code ").append(exitCode);
        }
        if (Boolean.TRUE.equals(oomKilled) && !reason.contains("OOMKilled")) {
            s.append(", OOMKilled");
        }
        List<String> last = logTail.subList(Math.max(0, logTail.size() - lines), logTail.size());
        for (String line : last) {
            s.append("\n  | ").append(line);
        }
        return s.toString();
    }
}
