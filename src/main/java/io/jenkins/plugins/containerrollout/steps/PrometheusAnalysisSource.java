package io.jenkins.plugins.containerrollout.steps;

import hudson.Extension;
import hudson.model.Item;
import hudson.util.FormValidation;
import io.jenkins.plugins.containerrollout.core.RequestException;
import io.jenkins.plugins.containerrollout.core.deploy.CanaryAnalysis;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * The canary judged by a PromQL query's value at the end of each pause, within {@code minValue}/{@code maxValue}
 * (either may be left out, not both); a query without a series is inconclusive. The url and the query's placeholders
 * are checked when the step starts, before any replica does: the core would find them only at the first pause.
 *
 * <p>Usage: {@code analysis: prometheus(url: 'http://127.0.0.1:9090', query: 'sum(...)', maxValue: 0.05)}
 */
public final class PrometheusAnalysisSource extends MeasuredAnalysisSource {
    /** What the form checks put in the fields they do not check. */
    private static final String SAMPLE_URL = "http://127.0.0.1:9090";
    private static final String SAMPLE_QUERY = "up";

    private final String url;
    private final String query;
    private String minValue;
    private String maxValue;

    /**
     * @param url   the Prometheus server, e.g. {@code http://127.0.0.1:9090}
     * @param query the query, with {@code {{app}}}, {@code {{revision}}}, {@code {{window}}}, {@code {{servers}}}
     */
    @DataBoundConstructor
    public PrometheusAnalysisSource(String url, String query) {
        this.url = RolloutForms.blankToNull(url);
        this.query = RolloutForms.blankToNull(query);
    }

    public String getUrl() {
        return url;
    }

    public String getQuery() {
        return query;
    }

    public String getMinValue() {
        return minValue;
    }

    /**
     * The smallest passing value (e.g. a success ratio's floor); {@code Object} so that a number binds (see
     * {@link StepArguments#numberOrText}).
     */
    @DataBoundSetter
    public void setMinValue(Object minValue) {
        this.minValue = StepArguments.numberOrText("minValue", minValue);
    }

    public String getMaxValue() {
        return maxValue;
    }

    /** The largest passing value (e.g. an error rate's ceiling); a number, as {@link #setMinValue}. */
    @DataBoundSetter
    public void setMaxValue(Object maxValue) {
        this.maxValue = StepArguments.numberOrText("maxValue", maxValue);
    }

    /** {@code text} as a finite number, or null when blank. */
    static Double bound(String parameter, String text) {
        double value = RolloutForms.decimal(parameter, text, Double.NaN);
        if (Double.isInfinite(value) || (Double.isNaN(value) && text != null && !text.isBlank())) {
            throw new RequestException(parameter + ": '" + text.strip() + "' is not a finite number; give e.g. 0.05");
        }
        return Double.isNaN(value) ? null : value;
    }

    /**
     * The core's analysis, which checks the url and the query's placeholders before anything runs (credentials in the
     * url are never shown).
     */
    static CanaryAnalysis.Prometheus checked(String url, String query, Double minValue, Double maxValue,
            CanaryAnalysis.Inconclusive inconclusive) {
        return new CanaryAnalysis.Prometheus(url, query, minValue, maxValue, inconclusive);
    }

    /** The form's {@code maxValue}: a number, or blank when {@code minValue} is given. */
    static void checkMaxValue(String value, String minValue) {
        // a wrong minValue is its own field's error: here it only counts as given
        checked(SAMPLE_URL, SAMPLE_QUERY, minValue == null || minValue.isBlank() ? null : 0d, bound("maxValue", value),
                null);
    }

    @Override
    public CanaryAnalysis toAnalysis() {
        return checked(url, query, bound("minValue", minValue), bound("maxValue", maxValue), inconclusiveSettings());
    }

    /**
     * {@code prometheus} in Pipeline scripts and the Snippet Generator.
     *
     * <p>Usage: {@code analysis: prometheus(url: 'http://127.0.0.1:9090', query: '...', maxValue: 0.05)}
     */
    @Extension
    @Symbol("prometheus")
    public static final class DescriptorImpl extends MeasuredDescriptor {
        @Override
        public String getDisplayName() {
            return Messages.get("PrometheusAnalysisSource.displayName");
        }

        /** Blank, or not an http(s) URL. */
        @POST
        public FormValidation doCheckUrl(@AncestorInPath Item item, @QueryParameter String value) {
            return RolloutForms.check(item, () -> checked(value, SAMPLE_QUERY, null, 1d, null));
        }

        /** Blank, or an unknown placeholder. */
        @POST
        public FormValidation doCheckQuery(@AncestorInPath Item item, @QueryParameter String value) {
            return RolloutForms.check(item, () -> checked(SAMPLE_URL, value, null, 1d, null));
        }

        /** No number. */
        @POST
        public FormValidation doCheckMinValue(@AncestorInPath Item item, @QueryParameter String value) {
            return RolloutForms.check(item, () -> bound("minValue", value));
        }

        /** No number, or neither bound given. */
        @POST
        public FormValidation doCheckMaxValue(@AncestorInPath Item item, @QueryParameter String value,
                @QueryParameter String minValue) {
            return RolloutForms.check(item, () -> checkMaxValue(value, minValue));
        }
    }
}
