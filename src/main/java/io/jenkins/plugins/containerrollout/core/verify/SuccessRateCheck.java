package io.jenkins.plugins.containerrollout.core.verify;

import static io.jenkins.plugins.containerrollout.core.verify.Validation.blank;
import static io.jenkins.plugins.containerrollout.core.verify.Validation.orDefault;
import static io.jenkins.plugins.containerrollout.core.verify.Validation.require;

/**
 * Sends {@code requests} requests at {@code ratePerSecond} (spread over every endpoint when the URL uses
 * {@code {endpoint}}) and passes when the share of good answers reaches {@code minSuccessRatio} and p95 latency stays
 * within {@code maxP95Millis}. The measuring is {@link TrafficAnalysis}, which canary analysis uses too.
 *
 * <p>Usage: {@code new SuccessRateCheck("steady", "{endpoint}/", 100, 20, 0.99, 200, 2000)}
 *
 * @param name            shown in logs and results; defaults to "successRate"
 * @param url             http(s) URL or template with {@code {endpoint}}
 * @param requests        how many requests; default 50
 * @param ratePerSecond   how fast; default 10
 * @param minSuccessRatio share of requests that must answer 2xx/3xx in time, 0..1; default 0.99
 * @param maxP95Millis    p95 latency threshold; 0 for none
 * @param timeoutMillis   bound on each request (a timeout counts as a failure); default 2000
 */
public record SuccessRateCheck(
        String name,
        String url,
        int requests,
        double ratePerSecond,
        double minSuccessRatio,
        long maxP95Millis,
        long timeoutMillis) implements Check {
    private static final long serialVersionUID = 1L;
    public static final String TYPE = "successRate";

    public SuccessRateCheck {
        name = orDefault(name, TYPE);
        String where = "successRate check '" + name + "': ";
        require(!blank(url), where + "url is missing; give e.g. {endpoint}/ or http://127.0.0.1:PORT/");
        requests = orDefault(requests, 50, where + "requests");
        require(requests <= 100_000, where + "requests " + requests + " is too many; use at most 100000");
        require(ratePerSecond >= 0 && ratePerSecond <= 1000,
                where + "ratePerSecond must be between 0 (default 10) and 1000, was " + ratePerSecond);
        ratePerSecond = ratePerSecond == 0 ? 10 : ratePerSecond;
        require(minSuccessRatio >= 0 && minSuccessRatio <= 1,
                where + "minSuccessRatio must be between 0 and 1 (e.g. 0.99), was " + minSuccessRatio);
        minSuccessRatio = minSuccessRatio == 0 ? 0.99 : minSuccessRatio;
        require(maxP95Millis >= 0, where + "maxP95Millis must not be negative; 0 means no latency threshold");
        timeoutMillis = orDefault(timeoutMillis, 2000, where + "timeoutMillis");
    }

    @Override
    public String type() {
        return TYPE;
    }
}
