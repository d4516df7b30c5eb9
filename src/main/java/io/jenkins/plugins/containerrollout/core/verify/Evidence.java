package io.jenkins.plugins.containerrollout.core.verify;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.io.Serializable;

/**
 * What a check measured, one kind per check type; shown in reports and kept in the rollout record. In JSON the
 * {@code kind} property names the type.
 *
 * <p>Usage: {@code if (result.evidence() instanceof TrafficReport t) t.successRatio();}
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
        @JsonSubTypes.Type(value = HttpEvidence.class, name = HttpCheck.TYPE),
        @JsonSubTypes.Type(value = TrafficReport.class, name = SuccessRateCheck.TYPE),
        @JsonSubTypes.Type(value = HealthEvidence.class, name = HealthCheck.TYPE),
        @JsonSubTypes.Type(value = ExecEvidence.class, name = ExecCheck.TYPE),
        @JsonSubTypes.Type(value = SmokeTestEvidence.class, name = SmokeTestCheck.TYPE),
        @JsonSubTypes.Type(value = MetricsEvidence.class, name = MetricsCheck.TYPE)})
public sealed interface Evidence extends Serializable
        permits HttpEvidence, TrafficReport, HealthEvidence, ExecEvidence, SmokeTestEvidence, MetricsEvidence {
}
