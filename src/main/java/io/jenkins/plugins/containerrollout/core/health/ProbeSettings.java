package io.jenkins.plugins.containerrollout.core.health;

import io.jenkins.plugins.containerrollout.core.RequestException;
import java.io.Serializable;
import java.time.Duration;

/**
 * How replicas are probed for readiness when their image has no HEALTHCHECK: {@code GET http://127.0.0.1:PORT<path>},
 * 2xx/3xx meaning ready.
 *
 * <p>Usage: {@code ProbeSettings.defaults().withPath("/cgi-bin/health").withInterval(Duration.ofMillis(200))}
 *
 * @param path             request path, starting with {@code /}
 * @param interval         time between probes of one replica
 * @param timeout          bound on one probe (connect and response)
 * @param successThreshold consecutive successes that make a replica ready
 * @param failureThreshold consecutive failed answers (or, once it answered, failed connections) that fail it
 * @param startupTimeout   how long a new replica may take to answer at all before it counts as failed
 */
public record ProbeSettings(String path, Duration interval, Duration timeout, int successThreshold,
        int failureThreshold, Duration startupTimeout) implements Serializable {

    public ProbeSettings {
        if (path == null || !path.startsWith("/")) {
            throw new RequestException("healthPath: '" + path + "' must start with '/', e.g. '/health'");
        }
        requirePositive("probe interval", interval);
        requirePositive("probe timeout", timeout);
        requirePositive("probe startupTimeout", startupTimeout);
        if (successThreshold < 1 || failureThreshold < 1) {
            throw new RequestException("probe thresholds: successThreshold and failureThreshold must be at "
                    + "least 1 (got " + successThreshold + ", " + failureThreshold + ")");
        }
    }

    /** {@code /}, every second, 1 s timeout, 1 success, 3 failures, 60 s to start. */
    public static ProbeSettings defaults() {
        return new ProbeSettings("/", Duration.ofSeconds(1), Duration.ofSeconds(1), 1, 3, Duration.ofSeconds(60));
    }

    public ProbeSettings withPath(String newPath) {
        return new ProbeSettings(newPath, interval, timeout, successThreshold, failureThreshold, startupTimeout);
    }

    public ProbeSettings withInterval(Duration newInterval) {
        return new ProbeSettings(path, newInterval, timeout, successThreshold, failureThreshold, startupTimeout);
    }

    public ProbeSettings withThresholds(int successes, int failures) {
        return new ProbeSettings(path, interval, timeout, successes, failures, startupTimeout);
    }

    public ProbeSettings withStartupTimeout(Duration newStartup) {
        return new ProbeSettings(path, interval, timeout, successThreshold, failureThreshold, newStartup);
    }

    private static void requirePositive(String name, Duration d) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new RequestException(name + ": must be a positive duration (got " + d + ")");
        }
    }
}
