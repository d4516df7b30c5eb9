package io.jenkins.plugins.containerrollout.core.verify;

import static io.jenkins.plugins.containerrollout.core.verify.Validation.blank;
import static io.jenkins.plugins.containerrollout.core.verify.Validation.orDefault;
import static io.jenkins.plugins.containerrollout.core.verify.Validation.regex;
import static io.jenkins.plugins.containerrollout.core.verify.Validation.require;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * An HTTP probe: each target URL must answer with an expected status, and optionally a body matching a regex, a JSON
 * value at a dotted path, and headers matching regexes, retried until it does; with {@code samples > 1} it then
 * measures latency and holds p95 to {@code maxP95Millis}. {@code url} may use {@code {endpoint}}: the probe then runs
 * against every endpoint the request names (every replica).
 *
 * <p>Usage: {@code new HttpCheck("version", "GET", "{endpoint}/version", List.of(200), "^1\\.2", null, null, Map.of(),
 * 2000, 5, 1000, 20, 250)}
 *
 * @param name           shown in logs and results; defaults to "http"
 * @param method         GET (default), HEAD, POST, PUT, DELETE, OPTIONS, PATCH
 * @param url            http(s) URL or template with {@code {endpoint}}
 * @param expectedStatus accepted status codes; default 200
 * @param bodyRegex      a regex the body must contain (find, not full match), or null
 * @param jsonPath       dotted path into a JSON body ({@code status}, {@code checks.0.state}), or null
 * @param jsonValue      the text the value at {@code jsonPath} must equal; required with {@code jsonPath}
 * @param headers        header name → regex its value must contain
 * @param timeoutMillis  bound on each request; default 5000
 * @param retries        extra attempts after a failed one; default 0
 * @param intervalMillis pause between attempts; default 1000
 * @param samples        with more than 1: fresh requests sent back to back once the probe passes, each held to the
 *                       same expectations, whose latency is measured; default 20 with {@code maxP95Millis}, else 1
 *                       (the passing attempt's own latency)
 * @param maxP95Millis   latency threshold over the samples; 0 for none
 */
public record HttpCheck(
        String name,
        String method,
        String url,
        List<Integer> expectedStatus,
        String bodyRegex,
        String jsonPath,
        String jsonValue,
        Map<String, String> headers,
        long timeoutMillis,
        int retries,
        long intervalMillis,
        int samples,
        long maxP95Millis) implements Check {
    private static final long serialVersionUID = 1L;
    public static final String TYPE = "http";
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH");

    public HttpCheck {
        name = orDefault(name, TYPE);
        String where = "http check '" + name + "': ";
        method = orDefault(method, "GET").toUpperCase(Locale.ROOT);
        require(METHODS.contains(method), where + "method '" + method + "' is not supported; use one of " + METHODS);
        require(!blank(url), where + "url is missing; give e.g. {endpoint}/health or http://127.0.0.1:PORT/health");
        expectedStatus = expectedStatus == null || expectedStatus.isEmpty() ? List.of(200) : List.copyOf(expectedStatus);
        for (int s : expectedStatus) {
            require(s >= 100 && s <= 599, where + "expectedStatus " + s + " is not an HTTP status; use 100-599");
        }
        if (!blank(bodyRegex)) {
            regex(bodyRegex, where + "bodyRegex");
        }
        require(blank(jsonPath) == (jsonValue == null), where + "jsonPath and jsonValue go together; give both or neither");
        if (!blank(jsonPath)) {
            require(!jsonPath.startsWith(".") && !jsonPath.endsWith(".") && !jsonPath.contains(".."),
                    where + "jsonPath '" + jsonPath + "' must be dotted names or indexes, e.g. status or checks.0.state");
        }
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        headers.forEach((h, pattern) -> regex(pattern, where + "headers." + h));
        timeoutMillis = orDefault(timeoutMillis, 5000, where + "timeoutMillis");
        require(retries >= 0, where + "retries must not be negative, was " + retries);
        intervalMillis = orDefault(intervalMillis, 1000, where + "intervalMillis");
        require(maxP95Millis >= 0, where + "maxP95Millis must not be negative; 0 means no latency threshold");
        samples = orDefault(samples, maxP95Millis > 0 ? 20 : 1, where + "samples");
        require(samples <= 10_000, where + "samples " + samples + " is too many; use at most 10000");
    }

    /** A GET of {@code url} expecting 200, with defaults for everything else. */
    public static HttpCheck get(String name, String url) {
        return new HttpCheck(name, null, url, null, null, null, null, null, 0, 0, 0, 0, 0);
    }

    @Override
    public String type() {
        return TYPE;
    }

    /** Total attempts before the probe gives up. */
    public int attempts() {
        return retries + 1;
    }
}
