package io.jenkins.plugins.containerrollout.core.deploy.docker;

/**
 * How a revision's replicas are checked for readiness: the engine's HEALTHCHECK status when its image has one, else
 * an HTTP probe of its health path. A {@link Revision} is one; status reads one from the record's labels alone.
 */
interface HealthRule {
    String healthPath();

    boolean engineHealth();

    /** A rule read from a revision record's labels. */
    record Of(String healthPath, boolean engineHealth) implements HealthRule {
    }
}
