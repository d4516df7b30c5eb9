package io.jenkins.plugins.containerrollout.core.verify;

import static io.jenkins.plugins.containerrollout.core.verify.Validation.blank;
import static io.jenkins.plugins.containerrollout.core.verify.Validation.orDefault;
import static io.jenkins.plugins.containerrollout.core.verify.Validation.require;

import io.jenkins.plugins.containerrollout.core.RequestException;
import io.jenkins.plugins.containerrollout.core.analysis.PrometheusQuery;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A Prometheus judgement of the verified application: after {@code windowSeconds} (0: at once) one PromQL instant
 * query ({@link PrometheusQuery}) must give a value within {@code minValue}/{@code maxValue}. The query may use
 * {@code {{app}}} (the verified application), {@code {{revision}}} (its revision; {@code containerVerify} fills it in)
 * and {@code {{window}}} ({@code windowSeconds} as a Prometheus duration). A query matching no series fails the check
 * unless {@code allowNoData}.
 *
 * <p>Usage: {@code new MetricsCheck("errors", "http://127.0.0.1:9090", "sum(rate(x{app=\"{{app}}\"}[{{window}}]))",
 * null, 0.05, 30, false, 0, 0)}
 *
 * @param name          shown in logs and results; defaults to "metrics"
 * @param url           the Prometheus server, e.g. {@code http://127.0.0.1:9090}
 * @param query         a PromQL template giving one value
 * @param minValue      the smallest passing value, or null
 * @param maxValue      the largest passing value, or null (one of the two is required)
 * @param windowSeconds how long to wait (the application serving) before querying; 0 queries at once
 * @param allowNoData   whether a query matching no series passes (with a note) rather than fails
 * @param timeoutMillis bound on the query; default 5000
 * @param revision      the revision {@code {{revision}}} stands for; 0 when not known yet
 */
public record MetricsCheck(
        String name,
        String url,
        String query,
        Double minValue,
        Double maxValue,
        long windowSeconds,
        boolean allowNoData,
        long timeoutMillis,
        int revision) implements Check {
    private static final long serialVersionUID = 1L;
    public static final String TYPE = "metrics";
    /** The longest wait: a verification is not a soak test, and a Pipeline step holding an executor must end. */
    static final long MAX_WINDOW_SECONDS = 3600;
    private static final Pattern WINDOW = Pattern.compile("\\{\\{\\s*window\\s*}}");
    private static final Pattern REVISION = Pattern.compile("\\{\\{\\s*revision\\s*}}");

    public MetricsCheck {
        name = orDefault(name, TYPE);
        String where = "metrics check '" + name + "': ";
        require(!blank(url), where + "url is missing; give the Prometheus server, e.g. http://127.0.0.1:9090");
        url = url.strip();
        require(!blank(query), where + "query is missing; give a PromQL expression with one value, e.g. "
                + "sum(rate(http_requests_total{app=\"{{app}}\",code=~\"5..\"}[1m]))");
        require(minValue != null || maxValue != null, where + "give maxValue (e.g. an error ratio's ceiling, 0.05) "
                + "or minValue (e.g. a success ratio's floor, 0.99), or both");
        require(minValue == null || Double.isFinite(minValue), where + "minValue must be a number, was " + minValue);
        require(maxValue == null || Double.isFinite(maxValue), where + "maxValue must be a number, was " + maxValue);
        require(minValue == null || maxValue == null || minValue <= maxValue,
                where + "minValue " + minValue + " is above maxValue " + maxValue + "; no value could pass");
        require(windowSeconds >= 0 && windowSeconds <= MAX_WINDOW_SECONDS, where + "windowSeconds must be between 0 "
                + "(query at once) and " + MAX_WINDOW_SECONDS + ", was " + windowSeconds);
        require(windowSeconds > 0 || !WINDOW.matcher(query).find(), where + "the query uses {{window}} but "
                + "windowSeconds is 0; give windowSeconds (e.g. 30) or write the range yourself, e.g. [1m]");
        timeoutMillis = orDefault(timeoutMillis, 5000, where + "timeoutMillis");
        require(revision >= 0, where + "revision must not be negative, was " + revision);
        try {
            // an unknown placeholder is refused now, before anything waits or is sent
            PrometheusQuery.render(query, placeholders(query, "app", windowSeconds, 1));
        } catch (RequestException e) {
            throw new RequestException(where + e.getMessage(), e);
        }
    }

    @Override
    public String type() {
        return TYPE;
    }

    /** This check with {@code {{revision}}} standing for {@code revision}, unless it was given already. */
    public MetricsCheck withRevision(int revision) {
        return this.revision > 0 ? this : new MetricsCheck(name, url, query, minValue, maxValue, windowSeconds,
                allowNoData, timeoutMillis, revision);
    }

    /**
     * The query as sent for {@code app}.
     *
     * @throws IllegalArgumentException when the query uses {@code {{revision}}} and no revision is known
     */
    String render(String app) {
        require(revision > 0 || !REVISION.matcher(query).find(), "metrics check '" + name + "': the query uses "
                + "{{revision}} but the verified revision is not known; give revision, or select by {{app}}");
        return PrometheusQuery.render(query, placeholders(query, app, windowSeconds, revision));
    }

    /** The url as logs and reports show it: a {@code user:password@} part never leaves the check. */
    public String shownUrl() {
        return url.replaceFirst("//[^/@]*@", "//");
    }

    private static Map<String, String> placeholders(String query, String app, long windowSeconds, int revision) {
        Map<String, String> values = new HashMap<>();
        values.put("app", app);
        if (windowSeconds > 0) {
            values.put("window", PrometheusQuery.window(Duration.ofSeconds(windowSeconds)));
        }
        if (revision > 0) {
            values.put("revision", String.valueOf(revision));
        }
        return values;
    }
}
