package io.jenkins.plugins.containerrollout.core.verify;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.io.Serializable;

/**
 * One verification check: an immutable request that validates its own arguments when built. In JSON (and in the
 * Pipeline step's maps) the {@code type} property picks the kind: {@code http}, {@code successRate}, {@code health},
 * {@code exec}, {@code smokeTest} or {@code metrics}.
 *
 * <p>Usage: {@code List<Check> checks = List.of(HttpCheck.get("health", "{endpoint}/health"), new HealthCheck("replicas",
 * "io.jenkins.containerrollout.app=web", 5, 3, 60_000));}
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = HttpCheck.class, name = HttpCheck.TYPE),
        @JsonSubTypes.Type(value = SuccessRateCheck.class, name = SuccessRateCheck.TYPE),
        @JsonSubTypes.Type(value = HealthCheck.class, name = HealthCheck.TYPE),
        @JsonSubTypes.Type(value = ExecCheck.class, name = ExecCheck.TYPE),
        @JsonSubTypes.Type(value = SmokeTestCheck.class, name = SmokeTestCheck.TYPE),
        @JsonSubTypes.Type(value = MetricsCheck.class, name = MetricsCheck.TYPE)})
public sealed interface Check extends Serializable permits HttpCheck, SuccessRateCheck, HealthCheck, ExecCheck, SmokeTestCheck,
        MetricsCheck {
    /** The names {@code type} accepts, for error messages and help. */
    String TYPES = String.join(", ", HttpCheck.TYPE, SuccessRateCheck.TYPE, HealthCheck.TYPE, ExecCheck.TYPE, SmokeTestCheck.TYPE,
            MetricsCheck.TYPE);

    /** The check's name in logs and results; defaults to its type. */
    String name();

    /** The kind of check, as written in JSON ({@code http}, {@code exec}, ...). */
    String type();
}
