/**
 * Metrics over a job's history, free of Jenkins: DORA metrics per application ({@link
 * io.jenkins.plugins.containerrollout.core.metrics.DoraMetrics}) and the per-build summaries ({@link
 * io.jenkins.plugins.containerrollout.core.metrics.BuildTrend}) that {@code core.report.TrendChart} draws as the job
 * page's trend charts. Records and arithmetic only: rendering lives in {@code core.report}.
 */
package io.jenkins.plugins.containerrollout.core.metrics;
