package io.jenkins.plugins.containerrollout.core.health;

/**
 * The health gate of one replica: turns a stream of {@link ProbeResult}s into a verdict with the thresholds of
 * {@link ProbeSettings} and {@code minReadySeconds}. A replica is {@link Verdict#AVAILABLE} once it reached
 * {@code successThreshold} consecutive successes and then stayed ready for {@code minReady} without a failed probe.
 * Not thread-safe: one gate per replica, fed by one poller.
 *
 * <p>Usage: {@code Verdict v = gate.observe(probe.get(port), System.currentTimeMillis());}
 */
public final class ReadinessGate {
    /** Where a replica stands. */
    public enum Verdict { PENDING, AVAILABLE, FAILED }

    private final ProbeSettings settings;
    private final long minReadyMillis;
    private final long startedAtMillis;
    private int successes;
    private int failures;
    private boolean everAnswered;
    private long readySince = -1;
    private Verdict verdict = Verdict.PENDING;
    private String reason = "";

    public ReadinessGate(ProbeSettings settings, long minReadyMillis, long startedAtMillis) {
        this.settings = settings;
        this.minReadyMillis = minReadyMillis;
        this.startedAtMillis = startedAtMillis;
    }

    /** Feeds one probe result; a verdict of AVAILABLE or FAILED is final. */
    public Verdict observe(ProbeResult result, long nowMillis) {
        if (verdict != Verdict.PENDING) {
            return verdict;
        }
        everAnswered |= result.answered();
        if (result.ok()) {
            failures = 0;
            successes++;
            if (successes >= settings.successThreshold() && readySince < 0) {
                readySince = nowMillis;
            }
            if (readySince >= 0 && nowMillis - readySince >= minReadyMillis) {
                verdict = Verdict.AVAILABLE;
                reason = result.detail();
            }
            return verdict;
        }
        successes = 0;
        readySince = -1;
        if (result.answered() || everAnswered) {
            failures++;
            if (failures >= settings.failureThreshold()) {
                return fail(failures + " failed probes, last: " + result.detail());
            }
        } else if (nowMillis - startedAtMillis > settings.startupTimeout().toMillis()) {
            return fail("no answer within " + settings.startupTimeout().toMillis() + " ms: " + result.detail());
        }
        return verdict;
    }

    /** Fails the gate at once (the container exited, or the engine's HEALTHCHECK said unhealthy). */
    public Verdict fail(String why) {
        verdict = Verdict.FAILED;
        reason = why;
        return verdict;
    }

    public Verdict verdict() {
        return verdict;
    }

    /** Why the gate reached its verdict (the last probe detail, or the failure cause). */
    public String reason() {
        return reason;
    }
}
