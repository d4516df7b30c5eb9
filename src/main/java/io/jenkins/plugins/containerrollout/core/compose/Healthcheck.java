package io.jenkins.plugins.containerrollout.core.compose;

import java.io.Serializable;
import java.time.Duration;
import java.util.List;

/**
 * A service's {@code healthcheck:} (compose-spec {@code 05-services.md}, "healthcheck"), in the form the engine's
 * {@code HealthConfig} takes. A null field means "as the image's HEALTHCHECK says".
 *
 * <p>Usage: {@code if (service.healthcheck() != null && !service.healthcheck().disabled()) ...}
 *
 * @param test        {@code ["CMD", ...]}, {@code ["CMD-SHELL", "..."]} (what a plain string becomes) or
 *                    {@code ["NONE"]}; null to keep the image's test
 * @param interval    time between checks
 * @param timeout     how long one check may run
 * @param retries     consecutive failures that make the container unhealthy
 * @param startPeriod start-up time during which failures do not count
 * @param disabled    {@code disable: true} (or {@code test: ["NONE"]}): the image's HEALTHCHECK is switched off
 */
public record Healthcheck(List<String> test, Duration interval, Duration timeout, Integer retries, Duration startPeriod,
        boolean disabled) implements Serializable {
}
