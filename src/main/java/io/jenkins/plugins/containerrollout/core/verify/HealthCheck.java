package io.jenkins.plugins.containerrollout.core.verify;

import static io.jenkins.plugins.containerrollout.core.verify.Validation.blank;
import static io.jenkins.plugins.containerrollout.core.verify.Validation.orDefault;
import static io.jenkins.plugins.containerrollout.core.verify.Validation.require;

/**
 * Every live (running, restarting or paused) container matching a label selector must be running and either report
 * {@code healthy} (its image's HEALTHCHECK) or, without a HEALTHCHECK, have been running for {@code minReadySeconds};
 * and there must be at least {@code minContainers} of them. Waits up to {@code timeoutMillis} for that, since a
 * freshly started replica is not healthy yet. Stopped containers are not looked at: older revisions kept for rollback
 * carry the same app label. Set {@code minContainers} to the desired replica count so a replica that exited is noticed.
 *
 * <p>Usage: {@code new HealthCheck("replicas", "io.jenkins.containerrollout.app=web", 5, 1, 60_000)}
 *
 * @param name            shown in logs and results; defaults to "health"
 * @param labels          label selector: {@code key=value} or {@code key}, comma-separated, all must match
 * @param minReadySeconds how long a container without HEALTHCHECK must have been running; default 0
 * @param minContainers   how many containers must match; default 1
 * @param timeoutMillis   how long to wait for all to be healthy; default 60000
 */
public record HealthCheck(
        String name,
        String labels,
        long minReadySeconds,
        int minContainers,
        long timeoutMillis) implements Check {
    private static final long serialVersionUID = 1L;
    public static final String TYPE = "health";

    public HealthCheck {
        name = orDefault(name, TYPE);
        String where = "health check '" + name + "': ";
        require(!blank(labels), where + "labels is missing; give e.g. io.jenkins.containerrollout.app=NAME");
        LabelSelector.parse(labels, where + "labels");
        require(minReadySeconds >= 0, where + "minReadySeconds must not be negative, was " + minReadySeconds);
        minContainers = orDefault(minContainers, 1, where + "minContainers");
        timeoutMillis = orDefault(timeoutMillis, 60_000, where + "timeoutMillis");
    }

    @Override
    public String type() {
        return TYPE;
    }
}
