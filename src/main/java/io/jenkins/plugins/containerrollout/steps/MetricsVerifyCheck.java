package io.jenkins.plugins.containerrollout.steps;

import hudson.Extension;
import hudson.model.Descriptor;
import hudson.model.Item;
import hudson.util.FormValidation;
import io.jenkins.plugins.containerrollout.core.verify.Check;
import io.jenkins.plugins.containerrollout.core.verify.MetricsCheck;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * A Prometheus query judging the application: after {@code windowSeconds} its value must lie within
 * {@code minValue}/{@code maxValue}. {@code {{app}}} and {@code {{revision}}} in the query stand for the verified
 * application and its revision, {@code {{window}}} for {@code windowSeconds}. Works on Docker and Swarm targets alike:
 * it only talks to Prometheus.
 *
 * <p>Usage: {@code metrics(url: 'http://127.0.0.1:9090', query: 'sum(rate(...))', maxValue: 0.05, windowSeconds: 30)}
 */
public final class MetricsVerifyCheck extends VerifyCheck {
    private final String url;
    private final String query;
    private Double minValue;
    private Double maxValue;
    private long windowSeconds;
    private boolean allowNoData;

    /**
     * @param url   the Prometheus server, e.g. {@code http://127.0.0.1:9090}
     * @param query a PromQL expression giving one value
     */
    @DataBoundConstructor
    public MetricsVerifyCheck(String url, String query) {
        this.url = RolloutForms.blankToNull(url);
        this.query = RolloutForms.blankToNull(query);
    }

    public String getUrl() {
        return url;
    }

    public String getQuery() {
        return query;
    }

    // Double, not double: a bound left out is null, and 0 is a real bound (no 5xx at all). structs binds a Groovy
    // literal to it as to a double (DescribableModel.coerce through ReflectionCache, see StructsBinding)
    public Double getMinValue() {
        return minValue;
    }

    /** The smallest passing value (a success ratio's floor), or null. */
    @DataBoundSetter
    public void setMinValue(Double minValue) {
        this.minValue = minValue;
    }

    public Double getMaxValue() {
        return maxValue;
    }

    /** The largest passing value (an error ratio's or a latency's ceiling), or null. */
    @DataBoundSetter
    public void setMaxValue(Double maxValue) {
        this.maxValue = maxValue;
    }

    public long getWindowSeconds() {
        return windowSeconds;
    }

    /** Seconds to wait before querying; 0 queries at once. */
    @DataBoundSetter
    public void setWindowSeconds(long windowSeconds) {
        this.windowSeconds = windowSeconds;
    }

    public boolean isAllowNoData() {
        return allowNoData;
    }

    /** Whether a query matching no series passes (with a note) instead of failing. */
    @DataBoundSetter
    public void setAllowNoData(boolean allowNoData) {
        this.allowNoData = allowNoData;
    }

    @Override
    public Check toCheck(String app, int desiredReplicas) {
        return new MetricsCheck(getName(), url, query, minValue, maxValue, windowSeconds, allowNoData, timeoutMillis(), 0);
    }

    /**
     * {@code metrics} in Pipeline scripts and the Snippet Generator.
     *
     * <p>Usage: {@code checks: [metrics(url: 'http://127.0.0.1:9090', query: 'up{job="web"}', minValue: 1)]}
     */
    @Extension
    @Symbol("metrics")
    public static final class DescriptorImpl extends Descriptor<VerifyCheck> {
        /** A query the form's URL is validated with; never sent. */
        private static final String SAMPLE_QUERY = "up";

        @Override
        public String getDisplayName() {
            return Messages.get("MetricsVerifyCheck.displayName");
        }

        /** No URL, or one the core would refuse (not http(s), not loopback or an allowed host, malformed). */
        @POST
        public FormValidation doCheckUrl(@AncestorInPath Item item, @QueryParameter String value) {
            return RolloutForms.check(item, () -> VerifyRequests.probe(sample(value, SAMPLE_QUERY, 0)));
        }

        /** No query, an unknown placeholder, or {{window}} without a window. */
        @POST
        public FormValidation doCheckQuery(@AncestorInPath Item item, @QueryParameter String value,
                @QueryParameter String windowSeconds) {
            return RolloutForms.check(item, () -> sample("http://127.0.0.1:9090", value,
                    RolloutForms.integer("windowSeconds", windowSeconds, 0)));
        }

        /** Not a number, or a floor above the ceiling. */
        @POST
        public FormValidation doCheckMaxValue(@AncestorInPath Item item, @QueryParameter String value,
                @QueryParameter String minValue) {
            return RolloutForms.check(item, () -> bounds(minValue, value));
        }

        /** Validates the bounds as typed in the form, blank for none. */
        static void bounds(String minValue, String maxValue) {
            MetricsVerifyCheck check = new MetricsVerifyCheck("http://127.0.0.1:9090", SAMPLE_QUERY);
            check.setMinValue(blank(minValue) ? null : RolloutForms.decimal("minValue", minValue, 0));
            check.setMaxValue(blank(maxValue) ? null : RolloutForms.decimal("maxValue", maxValue, 0));
            check.toCheck("app", 1);
        }

        private static boolean blank(String text) {
            return text == null || text.isBlank();
        }

        /** A check with {@code url} and {@code query} and a sample bound, validated as the step would. */
        static Check sample(String url, String query, long windowSeconds) {
            MetricsVerifyCheck check = new MetricsVerifyCheck(url, query);
            check.setMaxValue(1.0);
            check.setWindowSeconds(windowSeconds);
            return check.toCheck("app", 1);
        }
    }
}
