package io.jenkins.plugins.containerrollout.core.analysis;

import io.jenkins.plugins.containerrollout.core.RequestException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An instant query over the Prometheus HTTP API ({@code POST /api/v1/query}), reduced to one number. A query that
 * matches no series, or whose value is NaN (a ratio over no traffic), has no value: the window is inconclusive. More
 * than one series, a range vector, a refused query, a non-2xx answer, an answer that is not the API's JSON, or a server
 * that does not answer are {@link PrometheusException}s naming the URL and the query.
 *
 * <p>Queries are templates: {@code {{app}}}, {@code {{revision}}}, {@code {{window}}} (a Prometheus duration such as
 * {@code 30s}) and {@code {{servers}}} (the canary's router server names as a regex alternation, {@code s3|s4}) are
 * filled in by {@link #render}.
 *
 * <p>Usage: {@code OptionalDouble v = new PrometheusQuery("http://127.0.0.1:9090", Duration.ofSeconds(5)).value(q);}
 */
public final class PrometheusQuery {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z]+)\\s*}}");
    private static final int SHOWN = 200;

    private final URI url;
    /** The url as messages show it: without any user:password part. */
    private final String shown;
    private final Duration timeout;
    private final HttpClient http;

    /**
     * @param url     the Prometheus server ({@code http://127.0.0.1:9090}, or with a path prefix it is served under)
     * @param timeout how long one query may take, connection included
     */
    public PrometheusQuery(String url, Duration timeout) {
        this.url = checkedUrl(url);
        this.shown = this.url.getRawUserInfo() == null ? this.url.toString()
                : this.url.toString().replace(this.url.getRawUserInfo() + "@", "");
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /**
     * Checks that {@code url} is an http(s) URL of a server, before anything runs.
     *
     * @throws RequestException naming {@code url} (without any credentials in it) and the fix
     */
    public static URI checkedUrl(String url) {
        URI uri;
        try {
            uri = url == null ? null : new URI(url.trim());
        } catch (java.net.URISyntaxException e) {
            uri = null;
        }
        boolean http = uri != null && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()));
        if (!http || uri.getHost() == null) {
            throw new RequestException("url: '" + String.valueOf(url).replaceAll("//[^/@]*@", "//") + "' is not an http(s) URL of a Prometheus server; give "
                    + "one such as http://127.0.0.1:9090");
        }
        return uri;
    }

    /** {@code url} as it may be shown: without a {@code user:password@} part. */
    public static String shown(URI url) {
        return url.getRawUserInfo() == null ? url.toString() : url.toString().replace(url.getRawUserInfo() + "@", "");
    }

    /**
     * Checks a query template's placeholders before anything runs.
     *
     * @throws RequestException naming {@code query} and the unknown placeholder
     */
    public static void checkTemplate(String template) {
        render(template, java.util.Map.of("app", "a", "revision", "1", "window", "1s", "servers", "s1"));
    }

    /** The API endpoint queries go to. */
    public URI endpoint() {
        String base = url.toString().replaceAll("/+$", "");
        return URI.create(base + "/api/v1/query");
    }

    /**
     * {@code template} with each {@code {{name}}} replaced by {@code values.get(name)}; an unknown placeholder is an
     * error naming it and the ones there are.
     */
    public static String render(String template, Map<String, String> values) {
        if (template == null || template.isBlank()) {
            throw new RequestException("query: empty; give a PromQL expression with one value, such as "
                    + "sum(rate(http_requests_total{app=\"{{app}}\",code=~\"5..\"}[{{window}}]))");
        }
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new RequestException("query: unknown placeholder {{" + m.group(1) + "}} in '" + template
                        + "'; known: " + values.keySet().stream().sorted().map(k -> "{{" + k + "}}").toList());
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        return m.appendTail(out).toString();
    }

    /** {@code duration} as a Prometheus duration for {@code {{window}}}: whole seconds, at least 1 ({@code 30s}). */
    public static String window(Duration duration) {
        return Math.max(1, duration.toSeconds()) + "s";
    }

    /** The query's one value now, or empty when it matches no series (or its value is NaN). */
    public OptionalDouble value(String query) throws PrometheusException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(endpoint()).timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new PrometheusException("Prometheus at " + shown + " did not answer the query '" + query + "' within "
                    + timeout.toMillis() + " ms; check that the url points at a running Prometheus");
        } catch (ConnectException e) {
            throw new PrometheusException("Prometheus at " + shown + " does not answer (connection refused or "
                    + "unreachable); check the url and that Prometheus is running");
        } catch (IOException e) {
            throw new PrometheusException("Prometheus at " + shown + " could not be asked the query '" + query + "': "
                    + (e.getMessage() == null ? "the connection failed" : e.getMessage()));
        }
        return parse(query, response.statusCode(), response.body());
    }

    private OptionalDouble parse(String query, int status, String body) throws PrometheusException {
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (IOException notJson) {
            json = null;
        }
        if (json == null || !json.isObject() || !json.has("status")) {
            throw new PrometheusException("Prometheus at " + shown + " answered the query '" + query + "' with HTTP "
                    + status + " and no Prometheus API answer: '" + shown(body) + "'; check that the url is the "
                    + "Prometheus server (without /api/v1)");
        }
        if (!"success".equals(json.path("status").asText()) || status / 100 != 2) {
            throw new PrometheusException("Prometheus at " + shown + " refused the query '" + query + "' (HTTP " + status
                    + ", " + json.path("errorType").asText("error") + "): "
                    + json.path("error").asText("no reason given"));
        }
        JsonNode data = json.path("data");
        JsonNode result = data.path("result");
        switch (data.path("resultType").asText()) {
            case "scalar":
                return number(query, result);
            case "vector":
                if (result.size() == 0) {
                    return OptionalDouble.empty();
                }
                if (result.size() > 1) {
                    throw new PrometheusException("Prometheus at " + shown + " returned " + result.size()
                            + " series for the query '" + query + "'; it must give one value: aggregate it, "
                            + "e.g. sum(...) or max(...)");
                }
                return number(query, result.get(0).path("value"));
            default:
                throw new PrometheusException("Prometheus at " + shown + " returned a " + data.path("resultType").asText()
                        + " for the query '" + query + "'; it must give one value: a range selector [..] needs "
                        + "rate(...) or another function around it");
        }
    }

    /** A sample as the API gives it: {@code [timestamp, "value"]}. */
    private OptionalDouble number(String query, JsonNode sample) throws PrometheusException {
        try {
            double v = Double.parseDouble(sample.path(1).asText());
            return Double.isNaN(v) ? OptionalDouble.empty() : OptionalDouble.of(v);
        } catch (NumberFormatException e) {
            throw new PrometheusException("Prometheus at " + shown + " answered the query '" + query
                    + "' with a sample that is not a number: " + shown(sample.toString()));
        }
    }

    private static String shown(String body) {
        String flat = body == null ? "" : body.replaceAll("\\s+", " ").trim();
        return flat.length() > SHOWN ? flat.substring(0, SHOWN) + "..." : flat;
    }
}
