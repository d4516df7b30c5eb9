/**
 * Metrics over a job's history, free of Jenkins: DORA metrics per application ({@link
 * io.jenkins.plugins.containerrollout.core.metrics.DoraMetrics}) and the trend charts of the job page as SVG
 * ({@link io.jenkins.plugins.containerrollout.core.metrics.TrendChart}), both from small per-build summaries.
 */
package io.jenkins.plugins.containerrollout.core.metrics;
