/**
 * Canary analysis, apart from any engine or router: what an analysis window measured and decided. A router's
 * per-server counters ({@link io.jenkins.plugins.containerrollout.core.analysis.ServerCounters}, two
 * {@link io.jenkins.plugins.containerrollout.core.analysis.CounterSnapshot}s make a
 * {@link io.jenkins.plugins.containerrollout.core.analysis.TrafficWindow}) are summed per revision and judged by
 * {@link io.jenkins.plugins.containerrollout.core.analysis.RouterAnalysis} against
 * {@link io.jenkins.plugins.containerrollout.core.analysis.TrafficThresholds}; a Prometheus query
 * ({@link io.jenkins.plugins.containerrollout.core.analysis.PrometheusQuery}) is judged by
 * {@link io.jenkins.plugins.containerrollout.core.analysis.PrometheusAnalysis}. Either gives a serializable
 * {@link io.jenkins.plugins.containerrollout.core.analysis.WindowResult} for the record and the report.
 *
 * <p>It depends on nothing of the project: the router package reads HAProxy's counters into its types, and the
 * deployers call it between canary steps. See docs/analysis.md for the queries and what counts as a failure.
 */
package io.jenkins.plugins.containerrollout.core.analysis;
