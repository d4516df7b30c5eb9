package io.jenkins.plugins.containerrollout.steps;

import hudson.Extension;
import hudson.model.Item;
import hudson.util.FormValidation;
import io.jenkins.plugins.containerrollout.core.deploy.CanaryAnalysis;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * The canary judged by the router's counters of real traffic over each pause: the canary's own success ratio
 * (the strategy's {@code minSuccessRatio}), its average response time, and how far it lies below the stable
 * revision. The default analysis; unset settings take the core's defaults ({@link CanaryAnalysis.Router#defaults()}).
 *
 * <p>Usage: {@code analysis: router(minRequests: 20, maxResponseMillis: 300, maxPointsWorseThanStable: 1)}
 */
public final class RouterAnalysisSource extends MeasuredAnalysisSource {
    private static final CanaryAnalysis.Router DEFAULTS = CanaryAnalysis.Router.defaults();

    private long minRequests = DEFAULTS.minRequests();
    private long maxResponseMillis = DEFAULTS.maxResponseMillis();
    private double maxPointsWorseThanStable = DEFAULTS.maxPointsWorseThanStable();

    /** The core's defaults: 10 canary requests per window, no latency limit, no comparison with stable. */
    @DataBoundConstructor
    public RouterAnalysisSource() {
    }

    public long getMinRequests() {
        return minRequests;
    }

    /** Canary requests a window needs to be judged; fewer make it inconclusive. */
    @DataBoundSetter
    public void setMinRequests(long minRequests) {
        this.minRequests = minRequests;
    }

    public long getMaxResponseMillis() {
        return maxResponseMillis;
    }

    /** The canary's average response time limit in milliseconds; 0 for none. */
    @DataBoundSetter
    public void setMaxResponseMillis(long maxResponseMillis) {
        this.maxResponseMillis = maxResponseMillis;
    }

    public double getMaxPointsWorseThanStable() {
        return maxPointsWorseThanStable;
    }

    /** Percentage points the canary's success ratio may lie below the stable revision's; negative for no comparison. */
    @DataBoundSetter
    public void setMaxPointsWorseThanStable(double maxPointsWorseThanStable) {
        this.maxPointsWorseThanStable = maxPointsWorseThanStable;
    }

    /** The form's {@code minRequests}, as the core checks it (blank: the default). */
    static void checkMinRequests(String value) {
        new CanaryAnalysis.Router(DEFAULTS.maxResponseMillis(), DEFAULTS.maxPointsWorseThanStable(),
                RolloutForms.integer("minRequests", value, (int) DEFAULTS.minRequests()), null);
    }

    /** The form's {@code maxResponseMillis}, as the core checks it (blank: the default). */
    static void checkMaxResponseMillis(String value) {
        new CanaryAnalysis.Router(RolloutForms.integer("maxResponseMillis", value, 0),
                DEFAULTS.maxPointsWorseThanStable(), DEFAULTS.minRequests(), null);
    }

    @Override
    public CanaryAnalysis toAnalysis() {
        return new CanaryAnalysis.Router(maxResponseMillis, maxPointsWorseThanStable, minRequests,
                inconclusiveSettings());
    }

    /**
     * {@code router} in Pipeline scripts and the Snippet Generator.
     *
     * <p>Usage: {@code analysis: router()}
     */
    @Extension
    @Symbol("router")
    public static final class DescriptorImpl extends MeasuredDescriptor {
        @Override
        public String getDisplayName() {
            return Messages.get("RouterAnalysisSource.displayName");
        }

        /** Fewer than one request. */
        @POST
        public FormValidation doCheckMinRequests(@AncestorInPath Item item, @QueryParameter String value) {
            return RolloutForms.check(item, () -> checkMinRequests(value));
        }

        /** A negative limit. */
        @POST
        public FormValidation doCheckMaxResponseMillis(@AncestorInPath Item item, @QueryParameter String value) {
            return RolloutForms.check(item, () -> checkMaxResponseMillis(value));
        }

        /** Not a number. */
        @POST
        public FormValidation doCheckMaxPointsWorseThanStable(@AncestorInPath Item item, @QueryParameter String value) {
            return RolloutForms.check(item, () -> RolloutForms.decimal("maxPointsWorseThanStable", value, -1));
        }
    }
}
