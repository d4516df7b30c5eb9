package io.jenkins.plugins.containerrollout.core.deploy;

import io.jenkins.plugins.containerrollout.core.RequestException;
import io.jenkins.plugins.containerrollout.core.analysis.PrometheusQuery;
import java.io.Serializable;
import java.util.Locale;

/**
 * How a canary step is judged: by the canary's own share of real traffic, never by the mix clients get (at 10 %
 * weight, a canary failing every request would still leave ~90 % of the mix successful).
 * <ul>
 *   <li>{@link Router} (the default): the router's per-server counters over the step's pause, summed per revision;
 *       the canary's success ratio ({@link CanaryPlan#minSuccessRatio}), its average response time, and optionally how
 *       far it lies below the stable revision;</li>
 *   <li>{@link Synthetic}: requests the analysis sends itself to the canary's replicas directly, for an application
 *       that gets no traffic ({@link CanaryPlan#analysisPath}, {@code analysisRequests}, {@code minSuccessRatio},
 *       {@code maxP95Millis});</li>
 *   <li>{@link Prometheus}: a PromQL query's value at the end of each pause, within {@code minValue}/{@code maxValue}.</li>
 * </ul>
 * A window with too little to go on (fewer canary requests than {@code minRequests}, or a query without a series) is
 * inconclusive: the pause is extended up to {@link Inconclusive#extraPauses} times, then the step fails or falls back
 * to a synthetic analysis, as {@link Inconclusive#fallback} says.
 */
public sealed interface CanaryAnalysis extends Serializable {

    /** {@code router}, {@code synthetic} or {@code prometheus}: the name the steps and the CLI use. */
    String name();

    /** The settings for the record, as a person writes them. */
    String describe();

    /**
     * What an inconclusive window leads to.
     *
     * @param extraPauses how many more pauses a step may wait for enough to judge (0: none)
     * @param fallback    then: {@code synthetic} probes the canary's replicas directly, {@code fail} fails the step
     */
    record Inconclusive(int extraPauses, String fallback) implements Serializable {
        public Inconclusive {
            if (extraPauses < 0 || extraPauses > 100) {
                throw new RequestException("extraPauses: " + extraPauses + " is out of range; use 0 to 100");
            }
            fallback = fallback == null || fallback.isBlank() ? "synthetic" : fallback.trim().toLowerCase(Locale.ROOT);
            if (!fallback.equals("synthetic") && !fallback.equals("fail")) {
                throw new RequestException("inconclusive: '" + fallback + "' is not 'synthetic' (probe the canary's "
                        + "replicas directly) or 'fail' (fail the step)");
            }
        }

        /** One more pause, then synthetic probing: an application with little traffic still gets judged. */
        public static Inconclusive defaults() {
            return new Inconclusive(1, "synthetic");
        }

        public boolean failsWhenInconclusive() {
            return fallback.equals("fail");
        }

        String describe() {
            return "when inconclusive: " + extraPauses + " more pause(s), then " + fallback;
        }
    }

    /**
     * The router's counters of real traffic.
     *
     * @param maxResponseMillis        the canary's average response time limit in ms; 0 leaves it unchecked
     * @param maxPointsWorseThanStable how many percentage points the canary's success may lie below stable's;
     *                                 negative leaves it unchecked
     * @param minRequests              canary requests a window needs to count
     * @param inconclusive             what a window with fewer leads to
     */
    record Router(long maxResponseMillis, double maxPointsWorseThanStable, long minRequests, Inconclusive inconclusive)
            implements CanaryAnalysis {
        public Router {
            if (maxResponseMillis < 0) {
                throw new RequestException("maxResponseMillis: must be 0 (no limit) or more (got " + maxResponseMillis
                        + ")");
            }
            if (minRequests < 1) {
                throw new RequestException("minRequests: must be at least 1 (got " + minRequests + ")");
            }
            inconclusive = inconclusive == null ? Inconclusive.defaults() : inconclusive;
        }

        /** No latency limit, no comparison with stable, 10 canary requests per window. */
        public static Router defaults() {
            return new Router(0, -1, 10, Inconclusive.defaults());
        }

        @Override
        public String name() {
            return "router";
        }

        @Override
        public String describe() {
            return "router counters, minRequests " + minRequests
                    + (maxResponseMillis > 0 ? ", maxResponseMillis " + maxResponseMillis : "")
                    + (maxPointsWorseThanStable >= 0 ? ", maxPointsWorseThanStable " + maxPointsWorseThanStable : "")
                    + ", " + inconclusive.describe();
        }
    }

    /** Requests the analysis sends to the canary's replicas directly (the plan's path, count and thresholds). */
    record Synthetic() implements CanaryAnalysis {
        @Override
        public String name() {
            return "synthetic";
        }

        @Override
        public String describe() {
            return "synthetic requests to the canary's replicas";
        }
    }

    /**
     * A PromQL query, evaluated at the end of each pause.
     *
     * @param url          the Prometheus server
     * @param query        the query, with {@code {{app}}}, {@code {{revision}}}, {@code {{window}}}, {@code {{servers}}}
     * @param minValue     the smallest passing value, or null
     * @param maxValue     the largest passing value, or null (one of the two is needed)
     * @param inconclusive what a query without a series leads to
     */
    record Prometheus(String url, String query, Double minValue, Double maxValue, Inconclusive inconclusive)
            implements CanaryAnalysis {
        public Prometheus {
            if (url == null || url.isBlank()) {
                throw new RequestException("url: required for prometheus analysis, e.g. 'http://127.0.0.1:9090'");
            }
            if (query == null || query.isBlank()) {
                throw new RequestException("query: required for prometheus analysis, e.g. the canary's 5xx ratio");
            }
            PrometheusQuery.checkedUrl(url);
            PrometheusQuery.checkTemplate(query);
            if (minValue == null && maxValue == null) {
                throw new RequestException("maxValue: give maxValue (e.g. an error rate's ceiling) or minValue (e.g. "
                        + "a success ratio's floor) for the query's value");
            }
            inconclusive = inconclusive == null ? Inconclusive.defaults() : inconclusive;
        }

        @Override
        public String name() {
            return "prometheus";
        }

        @Override
        public String describe() {
            return "prometheus " + PrometheusQuery.shown(PrometheusQuery.checkedUrl(url)) + " query " + query + (minValue != null ? " >= " + minValue : "")
                    + (maxValue != null ? " <= " + maxValue : "") + ", " + inconclusive.describe();
        }
    }

    /** The analysis named {@code name} with its defaults; anything else is a clear error naming {@code --analysis}. */
    static CanaryAnalysis named(String name) {
        String n = name == null ? "router" : name.trim().toLowerCase(Locale.ROOT);
        return switch (n) {
            case "router", "" -> Router.defaults();
            case "synthetic" -> new Synthetic();
            default -> throw new RequestException("analysis: unknown '" + name + "'; use 'router' (the router's "
                    + "counters of real traffic), 'synthetic' (requests to the canary's replicas) or 'prometheus'");
        };
    }
}
