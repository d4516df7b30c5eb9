package io.jenkins.plugins.containerrollout.core.analysis;

import java.io.Serializable;

/**
 * The traffic one server, or a group of them (a revision's servers), handled during an analysis window: counts are
 * the window's deltas, latencies the router's averages at the window's end (weighted by requests for a group).
 *
 * <p>What counts as a <b>failure</b>: a 5xx response, a response with a non-HTTP status ({@code hrsp_other}), a failed
 * connection to the server ({@code econ}, and {@code wredis}: a request moved to another server after its connects
 * failed) and a response that broke off ({@code eresp}: the server aborted, a read
 * error or a timeout). 4xx responses are the client's fault and count as successes. A connection error counts against
 * the server even when the router retried the request elsewhere and the client got an answer: the server failed it.
 * As such a request may never reach the server's request count, the {@link #successRatio()} is computed over
 * {@code max(requests, failures)}.
 *
 * <p>Usage: {@code Traffic canary = window.ports(canaryPorts); if (canary.successRatio() < 0.95) ...}
 *
 * @param requests          HTTP requests sent to the server(s) in the window
 * @param http5xx           5xx responses in the window
 * @param httpOther         responses with a non-HTTP status in the window
 * @param connectionErrors  failed connections in the window
 * @param responseErrors    broken-off responses in the window
 * @param avgResponseMillis average time to the response headers (ms), -1 when the window had no requests
 * @param avgTotalMillis    average total request time (ms), -1 when the window had no requests
 */
public record Traffic(long requests, long http5xx, long httpOther, long connectionErrors, long responseErrors,
        double avgResponseMillis, double avgTotalMillis) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** No traffic at all. */
    public static final Traffic NONE = new Traffic(0, 0, 0, 0, 0, -1, -1);

    /** The failures of the window, as the class comment defines them. */
    public long failures() {
        return http5xx + httpOther + connectionErrors + responseErrors;
    }

    /** Successful share of the window's requests, 0 to 1; NaN when there was neither a request nor a failure. */
    public double successRatio() {
        long attempts = Math.max(requests, failures());
        return attempts == 0 ? Double.NaN : (attempts - failures()) / (double) attempts;
    }

    /** Both together; latencies averaged, weighted by requests. */
    public Traffic plus(Traffic other) {
        long total = requests + other.requests;
        return new Traffic(total, http5xx + other.http5xx, httpOther + other.httpOther,
                connectionErrors + other.connectionErrors, responseErrors + other.responseErrors,
                weighted(avgResponseMillis, requests, other.avgResponseMillis, other.requests),
                weighted(avgTotalMillis, requests, other.avgTotalMillis, other.requests));
    }

    private static double weighted(double a, long aWeight, double b, long bWeight) {
        if (aWeight + bWeight == 0) {
            return -1;
        }
        return (Math.max(a, 0) * aWeight + Math.max(b, 0) * bWeight) / (aWeight + bWeight);
    }
}
