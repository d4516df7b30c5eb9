package io.jenkins.plugins.containerrollout.core.analysis;

import io.jenkins.plugins.containerrollout.core.RequestException;
import java.util.OptionalDouble;

/**
 * Judges one analysis window by a Prometheus query's value ({@link PrometheusQuery}): it passes when the value lies
 * within the bounds given ({@code maxValue} for an error rate or a latency, {@code minValue} for a success ratio;
 * either may be null, not both), fails otherwise, and is inconclusive when the query matched no series.
 *
 * <p>Usage: {@code WindowResult r = PrometheusAnalysis.judge(q, prometheus.value(q), null, 0.05, from, to);}
 */
public final class PrometheusAnalysis {
    private PrometheusAnalysis() {
    }

    /**
     * @param query    the query as sent (placeholders filled in)
     * @param value    its value, empty when it matched no series
     * @param minValue the smallest passing value ({@code minValue}), or null
     * @param maxValue the largest passing value ({@code maxValue}), or null
     */
    public static WindowResult judge(String query, OptionalDouble value, Double minValue, Double maxValue,
            long fromMillis, long toMillis) {
        if (minValue == null && maxValue == null) {
            throw new RequestException("maxValue: give maxValue (e.g. an error rate's ceiling) or minValue "
                    + "(e.g. a success ratio's floor) for the query '" + query + "'");
        }
        String thresholds = (minValue == null ? "" : "value >= " + TrafficThresholds.number(minValue))
                + (minValue != null && maxValue != null ? ", " : "")
                + (maxValue == null ? "" : "value <= " + TrafficThresholds.number(maxValue));
        AnalysisVerdict verdict;
        String reason;
        if (value.isEmpty()) {
            verdict = AnalysisVerdict.INCONCLUSIVE;
            reason = "the query matched no series (or its value was NaN): no traffic yet, or a label that matches "
                    + "nothing";
        } else {
            double v = value.getAsDouble();
            String shown = TrafficThresholds.number(v);
            if (maxValue != null && v > maxValue) {
                verdict = AnalysisVerdict.FAIL;
                reason = "query value " + shown + " is above maxValue " + TrafficThresholds.number(maxValue);
            } else if (minValue != null && v < minValue) {
                verdict = AnalysisVerdict.FAIL;
                reason = "query value " + shown + " is below minValue " + TrafficThresholds.number(minValue);
            } else {
                verdict = AnalysisVerdict.PASS;
                reason = "query value " + shown + " is within " + thresholds;
            }
        }
        return new WindowResult(AnalysisSource.PROMETHEUS, fromMillis, toMillis, 0, 0, 0, 0, -1, -1, query,
                value.isPresent() ? value.getAsDouble() : null, verdict, thresholds, reason);
    }
}
