package io.jenkins.plugins.containerrollout.core.analysis;

import java.io.Serializable;
import java.util.Locale;

/**
 * What one analysis window measured and decided, in the form a record and a report keep: where the numbers come from,
 * the canary's and the stable revision's requests, failures and latency (router and synthetic analyses), the query and
 * its value (Prometheus), the verdict, the thresholds it was held to and one line saying why. Immutable,
 * {@link Serializable} (it travels back from a Jenkins agent inside the rollout record) and a plain Jackson record.
 *
 * <p>Usage: {@code WindowResult w = RouterAnalysis.judge(AnalysisSource.ROUTER, canary, stable, thresholds, from, to);}
 *
 * @param source                  router, synthetic or prometheus
 * @param fromMillis              epoch milliseconds when the window began
 * @param toMillis                epoch milliseconds when the window ended
 * @param canaryRequests          the canary's requests in the window (0 for a query)
 * @param canaryFailures          the canary's failures in the window (see {@link Traffic} for what counts)
 * @param stableRequests          the stable revision's requests in the window, for comparison
 * @param stableFailures          the stable revision's failures in the window
 * @param canaryAvgResponseMillis the canary's average response time (ms), -1 when unknown
 * @param stableAvgResponseMillis the stable revision's average response time (ms), -1 when unknown
 * @param query                   the Prometheus query as sent (placeholders filled in), or null
 * @param value                   the query's value, or null (no query, or no series)
 * @param verdict                 pass, fail or inconclusive
 * @param thresholds              the thresholds, for people ({@code successRatio >= 0.95, minRequests 20})
 * @param reason                  why this verdict, naming the threshold and the measured value
 */
public record WindowResult(AnalysisSource source, long fromMillis, long toMillis, long canaryRequests,
        long canaryFailures, long stableRequests, long stableFailures, double canaryAvgResponseMillis,
        double stableAvgResponseMillis, String query, Double value, AnalysisVerdict verdict, String thresholds,
        String reason) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The window's length in milliseconds. */
    public long millis() {
        return toMillis - fromMillis;
    }

    /**
     * The window as one timeline line of a canary step at {@code weight} % of {@code revision}; it closes with the
     * verdict ({@code ": passed"}, {@code ": failed"}, {@code ": inconclusive"}), where the report reads it
     * ({@code EventDetails}).
     */
    public String describe(int weight, int revision) {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "canary analysis at %d %% of revision %d (%s, "
                + "%.1f s window): ", weight, revision, source.label(), millis() / 1000.0));
        if (query != null) {
            s.append("query ").append(query).append(" = ").append(value == null ? "no series" : value);
        } else {
            s.append("canary ").append(canaryRequests).append(" requests, ").append(canaryFailures).append(" failed");
            if (source == AnalysisSource.ROUTER) {
                s.append("; stable ").append(stableRequests).append(" requests, ").append(stableFailures)
                        .append(" failed");
            }
        }
        String word = switch (verdict) {
            case PASS -> "passed";
            case FAIL -> "failed";
            case INCONCLUSIVE -> "inconclusive";
        };
        return s.append(" (").append(reason).append("; thresholds: ").append(thresholds).append("): ").append(word)
                .toString();
    }
}
