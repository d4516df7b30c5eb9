package io.jenkins.plugins.containerrollout.core.verify;

import java.net.http.HttpHeaders;

/**
 * One request's outcome as the prober saw it; never an exception, so a burst of requests can be counted.
 *
 * @param status   HTTP status, 0 when nothing came back
 * @param outcome  the status as text, or {@code timeout}, {@code refused}, {@code error}
 * @param body     the start of the body ({@link HttpProber#BODY_LIMIT} bytes at most), "" without one
 * @param headers  response headers, empty without a response
 * @param nanos    time from sending to the end of the (bounded) body
 * @param error    what went wrong when there is no status, else ""
 */
record Exchange(int status, String outcome, String body, HttpHeaders headers, long nanos, String error) {
    boolean answered() {
        return status > 0;
    }

    /** Answered with a 2xx or 3xx status: what traffic analysis counts as a success. */
    boolean succeeded() {
        return status >= 200 && status < 400;
    }

    double millis() {
        return Math.round(nanos / 10_000.0) / 100.0;
    }
}
