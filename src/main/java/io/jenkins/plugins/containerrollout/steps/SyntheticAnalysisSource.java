package io.jenkins.plugins.containerrollout.steps;

import hudson.Extension;
import hudson.model.Descriptor;
import io.jenkins.plugins.containerrollout.core.deploy.CanaryAnalysis;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;

/**
 * The canary judged by requests the analysis sends to the canary's replicas itself, for an application without
 * traffic yet: the strategy's {@code analysisPath}, {@code analysisRequests}, {@code minSuccessRatio} and
 * {@code maxP95Millis} say what and how much.
 *
 * <p>Usage: {@code strategy: canary(analysis: synthetic(), analysisPath: '/health', analysisRequests: 50)}
 */
public final class SyntheticAnalysisSource extends CanaryAnalysisSource {
    @DataBoundConstructor
    public SyntheticAnalysisSource() {
    }

    @Override
    public CanaryAnalysis toAnalysis() {
        return new CanaryAnalysis.Synthetic();
    }

    /**
     * {@code synthetic} in Pipeline scripts and the Snippet Generator.
     *
     * <p>Usage: {@code analysis: synthetic()}
     */
    @Extension
    @Symbol("synthetic")
    public static final class DescriptorImpl extends Descriptor<CanaryAnalysisSource> {
        @Override
        public String getDisplayName() {
            return Messages.get("SyntheticAnalysisSource.displayName");
        }
    }
}
