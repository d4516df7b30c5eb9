package io.jenkins.plugins.containerrollout.steps;

import hudson.Extension;
import hudson.model.Descriptor;
import hudson.model.Item;
import hudson.util.FormValidation;
import io.jenkins.plugins.containerrollout.core.verify.Check;
import io.jenkins.plugins.containerrollout.core.verify.SuccessRateCheck;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * Traffic analysis: {@code requests} requests at {@code ratePerSecond}, spread over every replica, must succeed in
 * at least {@code minSuccessRatio} of cases and within {@code maxP95Millis} at p95. Unset numbers take the core's
 * defaults (50 requests, 10/s, 0.99, no latency bound, 2 s per request).
 *
 * <p>Usage: {@code successRate(requests: 100, minSuccessRatio: 0.99, maxP95Millis: 200)}
 */
public final class SuccessRateVerifyCheck extends VerifyCheck {
    /** Every replica's root when no URL is given. */
    public static final String DEFAULT_URL = "{endpoint}/";

    private String url = DEFAULT_URL;
    private int requests;
    private double ratePerSecond;
    private double minSuccessRatio;
    private long maxP95Millis;

    @DataBoundConstructor
    public SuccessRateVerifyCheck() {
    }

    public String getUrl() {
        return url;
    }

    @DataBoundSetter
    public void setUrl(String url) {
        this.url = url == null || url.isBlank() ? DEFAULT_URL : url.strip();
    }

    public int getRequests() {
        return requests;
    }

    @DataBoundSetter
    public void setRequests(int requests) {
        this.requests = requests;
    }

    public double getRatePerSecond() {
        return ratePerSecond;
    }

    @DataBoundSetter
    public void setRatePerSecond(double ratePerSecond) {
        this.ratePerSecond = ratePerSecond;
    }

    public double getMinSuccessRatio() {
        return minSuccessRatio;
    }

    @DataBoundSetter
    public void setMinSuccessRatio(double minSuccessRatio) {
        this.minSuccessRatio = minSuccessRatio;
    }

    public long getMaxP95Millis() {
        return maxP95Millis;
    }

    @DataBoundSetter
    public void setMaxP95Millis(long maxP95Millis) {
        this.maxP95Millis = maxP95Millis;
    }

    @Override
    public Check toCheck(String app, int desiredReplicas) {
        return new SuccessRateCheck(getName(), url, requests, ratePerSecond, minSuccessRatio, maxP95Millis, timeoutMillis());
    }

    /**
     * {@code successRate} in Pipeline scripts and the Snippet Generator.
     *
     * <p>Usage: {@code checks: [successRate()]}
     */
    @Extension
    @Symbol("successRate")
    public static final class DescriptorImpl extends Descriptor<VerifyCheck> {
        @Override
        public String getDisplayName() {
            return Messages.get("SuccessRateVerifyCheck.displayName");
        }

        /** A ratio outside 0..1. */
        @POST
        public FormValidation doCheckMinSuccessRatio(@AncestorInPath Item item, @QueryParameter String value) {
            return RolloutForms.check(item, () -> {
                SuccessRateVerifyCheck check = new SuccessRateVerifyCheck();
                check.setMinSuccessRatio(RolloutForms.decimal("minSuccessRatio", value, 0));
                check.toCheck("app", 1);
            });
        }
    }
}
