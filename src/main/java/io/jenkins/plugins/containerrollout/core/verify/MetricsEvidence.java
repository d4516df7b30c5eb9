package io.jenkins.plugins.containerrollout.core.verify;

/**
 * What a {@link MetricsCheck} asked Prometheus and what it answered.
 *
 * <p>Usage: {@code if (evidence instanceof MetricsEvidence m) log(m.query() + " = " + m.value());}
 *
 * @param url           the Prometheus server, without any {@code user:password@}
 * @param query         the query as sent (placeholders filled in), or the template when it could not be filled in
 * @param value         its value; null when it matched no series, or on an error
 * @param thresholds    the bounds, for people ({@code value <= 0.05})
 * @param windowSeconds how long the check waited before querying
 * @param outcome       {@code pass}, {@code fail}, {@code no data} or {@code error}
 * @param reason        why, naming the threshold and the value, or the error
 */
public record MetricsEvidence(
        String url,
        String query,
        Double value,
        String thresholds,
        long windowSeconds,
        String outcome,
        String reason) implements Evidence {
    private static final long serialVersionUID = 1L;
}
