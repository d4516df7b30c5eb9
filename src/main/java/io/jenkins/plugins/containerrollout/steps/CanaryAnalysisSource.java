package io.jenkins.plugins.containerrollout.steps;

import hudson.model.AbstractDescribableImpl;
import io.jenkins.plugins.containerrollout.core.deploy.CanaryAnalysis;

/**
 * What judges each step of a canary, as a step argument: {@code router(...)} (the router's counters of the canary's
 * own share of real traffic, the default), {@code synthetic()} (requests sent to the canary's replicas) or
 * {@code prometheus(...)} (a PromQL query). Each maps itself to the core's {@link CanaryAnalysis} on the controller;
 * only that record travels with the deploy request.
 *
 * <p>Usage: {@code strategy: canary(analysis: router(minRequests: 20, inconclusive: 'fail'))}
 */
public abstract class CanaryAnalysisSource extends AbstractDescribableImpl<CanaryAnalysisSource> {
    /**
     * The core's analysis for these settings.
     *
     * @throws IllegalArgumentException naming the parameter and the fix when a value is wrong
     */
    public abstract CanaryAnalysis toAnalysis();
}
