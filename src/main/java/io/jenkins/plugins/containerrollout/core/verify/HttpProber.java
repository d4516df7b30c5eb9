package io.jenkins.plugins.containerrollout.core.verify;

import io.jenkins.plugins.containerrollout.core.health.NoAnswer;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Sends single HTTP requests with a hard bound on the whole exchange (headers and body) and turns every outcome into
 * an {@link Exchange}. Redirects are not followed: a probe reports what the endpoint itself answered.
 */
final class HttpProber {
    /** Body bytes read per request: enough for a health document, bounded for anything else. */
    static final int BODY_LIMIT = 64 * 1024;
    private static final HttpHeaders NO_HEADERS = HttpHeaders.of(Map.of(), (a, b) -> true);

    // one client for the JVM: it is thread-safe, and each client keeps a selector thread alive until collected
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    /** Starts a request; the future always completes, with an answer or a timeout/refused/error exchange. */
    CompletableFuture<Exchange> sendAsync(String method, URI url, long timeoutMillis) {
        HttpRequest request = HttpRequest.newBuilder(url)
                .method(method, HttpRequest.BodyPublishers.noBody())
                .timeout(Duration.ofMillis(timeoutMillis))
                .header("User-Agent", "container-rollout-verify")
                .build();
        long start = System.nanoTime();
        return CLIENT.sendAsync(request, info -> new BoundedBody(BODY_LIMIT))
                .handle((response, failure) -> failure == null
                        ? new Exchange(response.statusCode(), String.valueOf(response.statusCode()),
                                new String(response.body(), StandardCharsets.UTF_8), response.headers(), System.nanoTime() - start, "")
                        : failed(failure, System.nanoTime() - start, timeoutMillis))
                // HttpRequest.timeout bounds only the wait for headers; this bounds a body that never ends
                .completeOnTimeout(timedOut(timeoutMillis), timeoutMillis + 50, TimeUnit.MILLISECONDS);
    }

    /** Sends one request and waits for it (bounded by its timeout). */
    Exchange send(String method, URI url, long timeoutMillis) throws InterruptedException {
        CompletableFuture<Exchange> pending = sendAsync(method, url, timeoutMillis);
        try {
            return pending.get();
        } catch (InterruptedException e) {
            pending.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            return failed(e.getCause(), 0, timeoutMillis);
        }
    }

    static Exchange failed(Throwable failure, long nanos, long timeoutMillis) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof HttpTimeoutException && !(cause instanceof HttpConnectTimeoutException)) {
            return timedOut(timeoutMillis);
        }
        String outcome = cause instanceof ConnectException || cause instanceof HttpConnectTimeoutException ? "refused" : "error";
        String message = NoAnswer.describe(cause);
        return new Exchange(0, outcome, "", NO_HEADERS, nanos, message.equals("connection refused") ? message
                : outcome + ": " + message);
    }

    private static Exchange timedOut(long timeoutMillis) {
        return new Exchange(0, "timeout", "", NO_HEADERS, TimeUnit.MILLISECONDS.toNanos(timeoutMillis),
                "no answer within " + timeoutMillis + " ms");
    }
}
