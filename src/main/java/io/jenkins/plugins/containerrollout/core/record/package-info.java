/**
 * What a rollout did, as data: the immutable {@link io.jenkins.plugins.containerrollout.core.record.RolloutRecord}
 * (timeline, outcome, metrics) that the Pipeline step attaches to the build and the CLI prints as JSON. The metrics
 * are computed from the timeline alone ({@link io.jenkins.plugins.containerrollout.core.record.MetricsCalculator#compute}) so a
 * stored record can always be re-evaluated.
 */
package io.jenkins.plugins.containerrollout.core.record;
