package io.jenkins.plugins.containerrollout.core.compose;

import java.io.Serializable;
import java.util.Locale;

/**
 * One entry of a service's {@code depends_on:} (compose-spec {@code 05-services.md}, "depends_on"): the list form
 * means {@link Condition#SERVICE_STARTED}.
 *
 * <p>Usage: {@code if (d.condition() == Dependency.Condition.SERVICE_HEALTHY) waitHealthy(d.service())}
 *
 * @param service   the service depended on (a key under {@code services:})
 * @param condition what must hold for it before the dependent service starts
 */
public record Dependency(String service, Condition condition) implements Serializable {

    /** {@code depends_on.<service>.condition}. */
    public enum Condition {
        /** {@code service_started}: the dependency has been started. */
        SERVICE_STARTED,
        /** {@code service_healthy}: the dependency passes its healthcheck. */
        SERVICE_HEALTHY,
        /** {@code service_completed_successfully}: the dependency ran to completion with exit code 0. */
        SERVICE_COMPLETED_SUCCESSFULLY;

        /** The word used in the file, e.g. {@code service_healthy}. */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
