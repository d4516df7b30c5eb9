package io.jenkins.plugins.containerrollout.core.health;

/**
 * The outcome of one readiness probe.
 *
 * <p>Usage: {@code ProbeResult r = probe.get(20001); if (r.ok()) ...}
 *
 * @param ok       the replica said it is ready (2xx/3xx, or engine status {@code healthy})
 * @param answered the replica answered at all (an HTTP status, or an engine verdict other than {@code starting});
 *                 a refused connection of a replica still starting is not an answer
 * @param detail   {@code 200}, {@code 500}, {@code connection refused}, {@code unhealthy}, ...
 */
public record ProbeResult(boolean ok, boolean answered, String detail) {
    public static ProbeResult ready(String detail) {
        return new ProbeResult(true, true, detail);
    }

    public static ProbeResult notReady(String detail) {
        return new ProbeResult(false, true, detail);
    }

    public static ProbeResult noAnswer(String detail) {
        return new ProbeResult(false, false, detail);
    }
}
