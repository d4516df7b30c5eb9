package io.jenkins.plugins.containerrollout.steps;

import hudson.Extension;
import hudson.model.Descriptor;
import hudson.model.Item;
import hudson.util.FormValidation;
import io.jenkins.plugins.containerrollout.core.verify.Check;
import io.jenkins.plugins.containerrollout.core.verify.HttpCheck;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * An HTTP probe of every replica ({@code {endpoint}} in the URL) or of one URL: status, and optionally body regex,
 * JSON value, headers, retries and a p95 latency threshold. Unset numbers take the core's defaults.
 *
 * <p>Usage: {@code http(url: '{endpoint}/version', expect: 200, bodyRegex: '^1\\.2', retries: 3)}
 */
public final class HttpVerifyCheck extends VerifyCheck {
    private final String url;
    private int expect = 200;
    private String method;
    private String bodyRegex;
    private String jsonPath;
    private String jsonValue;
    private Map<String, String> headers = new LinkedHashMap<>();
    private int retries;
    private double intervalSeconds;
    private int samples;
    private long maxP95Millis;

    /** @param url {@code http(s)://...}, or a template with {@code {endpoint}} (every replica) */
    @DataBoundConstructor
    public HttpVerifyCheck(String url) {
        this.url = RolloutForms.blankToNull(url);
    }

    public String getUrl() {
        return url;
    }

    public int getExpect() {
        return expect;
    }

    /** The status code the answer must have. */
    @DataBoundSetter
    public void setExpect(int expect) {
        this.expect = expect;
    }

    public String getMethod() {
        return method;
    }

    @DataBoundSetter
    public void setMethod(String method) {
        this.method = RolloutForms.blankToNull(method);
    }

    public String getBodyRegex() {
        return bodyRegex;
    }

    @DataBoundSetter
    public void setBodyRegex(String bodyRegex) {
        this.bodyRegex = RolloutForms.blankToNull(bodyRegex);
    }

    public String getJsonPath() {
        return jsonPath;
    }

    @DataBoundSetter
    public void setJsonPath(String jsonPath) {
        this.jsonPath = RolloutForms.blankToNull(jsonPath);
    }

    public String getJsonValue() {
        return jsonValue;
    }

    @DataBoundSetter
    public void setJsonValue(String jsonValue) {
        this.jsonValue = jsonValue;
    }

    public Map<String, String> getHeaders() {
        return new LinkedHashMap<>(headers);
    }

    /** Header name → regex its value must contain. */
    @DataBoundSetter
    public void setHeaders(Map<String, String> headers) {
        this.headers = StepArguments.copy(headers);
    }

    public int getRetries() {
        return retries;
    }

    @DataBoundSetter
    public void setRetries(int retries) {
        this.retries = retries;
    }

    public double getIntervalSeconds() {
        return intervalSeconds;
    }

    /** Seconds between attempts, fractions allowed; 0 for the default (1). */
    @DataBoundSetter
    public void setIntervalSeconds(double intervalSeconds) {
        this.intervalSeconds = intervalSeconds;
    }

    /**
     * The interval in milliseconds, the unit before every duration became seconds: scripts written then still bind.
     *
     * @deprecated use {@link #setIntervalSeconds}
     */
    @Deprecated
    @DataBoundSetter
    public void setIntervalMillis(long intervalMillis) {
        this.intervalSeconds = intervalMillis / 1000.0;
    }

    /** Always null, so the Snippet Generator never writes the old name (see {@link VerifyCheck#getTimeoutMillis}). @deprecated read {@link #getIntervalSeconds} */
    @Deprecated
    public Long getIntervalMillis() {
        return null;
    }

    public int getSamples() {
        return samples;
    }

    @DataBoundSetter
    public void setSamples(int samples) {
        this.samples = samples;
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
        return new HttpCheck(getName(), method, url, List.of(expect), bodyRegex, jsonPath, jsonValue, headers,
                timeoutMillis(), retries, StepArguments.seconds("intervalSeconds", intervalSeconds).toMillis(), samples,
                maxP95Millis);
    }

    /**
     * {@code http} in Pipeline scripts and the Snippet Generator.
     *
     * <p>Usage: {@code checks: [http(url: '{endpoint}/health')]}
     */
    @Extension
    @Symbol("http")
    public static final class DescriptorImpl extends Descriptor<VerifyCheck> {
        @Override
        public String getDisplayName() {
            return Messages.get("HttpVerifyCheck.displayName");
        }

        /** No URL, or one the core would refuse (not http(s), not loopback, malformed). */
        @POST
        public FormValidation doCheckUrl(@AncestorInPath Item item, @QueryParameter String value) {
            return RolloutForms.check(item, () -> VerifyRequests.probe(new HttpVerifyCheck(value).toCheck("app", 1)));
        }

        /** Not an HTTP status. */
        @POST
        public FormValidation doCheckExpect(@AncestorInPath Item item, @QueryParameter String value) {
            return RolloutForms.check(item, () -> {
                HttpVerifyCheck check = new HttpVerifyCheck("{endpoint}/");
                check.setExpect(RolloutForms.integer("expect", value, 200));
                check.toCheck("app", 1);
            });
        }

        /** A broken regular expression. */
        @POST
        public FormValidation doCheckBodyRegex(@AncestorInPath Item item, @QueryParameter String value) {
            return RolloutForms.check(item, () -> {
                HttpVerifyCheck check = new HttpVerifyCheck("{endpoint}/");
                check.setBodyRegex(value);
                check.toCheck("app", 1);
            });
        }
    }
}
