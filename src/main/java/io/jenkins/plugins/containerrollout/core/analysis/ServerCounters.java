package io.jenkins.plugins.containerrollout.core.analysis;

import java.io.Serializable;

/**
 * One router server's cumulative counters at one moment, as a router reports them (HAProxy's {@code show stat} line of
 * a server: {@code req_tot}, {@code hrsp_1xx}..{@code hrsp_other}, {@code econ}, {@code wredis}, {@code eresp},
 * {@code rtime}, {@code ttime}, {@code rtime_max}, {@code ttime_max}). Counts only grow while the router runs; the averages are the
 * router's own moving averages (HAProxy: over the server's last 1024 requests), not totals.
 *
 * <p>Usage: {@code Traffic t = TrafficWindow.between(before, after).port(21002);}
 *
 * @param server            the router's name of the server (a slot such as {@code s3})
 * @param port              the loopback port the server points at (0 when it points nowhere)
 * @param requests          HTTP requests sent to the server
 * @param http1xx           responses with a 1xx status
 * @param http2xx           responses with a 2xx status
 * @param http3xx           responses with a 3xx status
 * @param http4xx           responses with a 4xx status
 * @param http5xx           responses with a 5xx status
 * @param httpOther         responses with another status (protocol errors)
 * @param connectionErrors  requests that could not connect to the server: failed ({@code econ}), or moved to another
 *                          server after failed connects ({@code wredis})
 * @param responseErrors    responses that broke off (server aborts, read errors, timeouts)
 * @param avgResponseMillis average time to the response headers, in ms
 * @param avgTotalMillis    average total time of a request, in ms
 * @param maxResponseMillis the slowest response headers seen since the router started, in ms
 * @param maxTotalMillis    the slowest request seen since the router started, in ms
 * @param sessions          requests in flight to the server now (HAProxy's {@code scur}; not a counter)
 */
public record ServerCounters(String server, int port, long requests, long http1xx, long http2xx, long http3xx,
        long http4xx, long http5xx, long httpOther, long connectionErrors, long responseErrors, long avgResponseMillis,
        long avgTotalMillis, long maxResponseMillis, long maxTotalMillis, long sessions) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Counters read where the router does not say what is in flight. */
    public ServerCounters(String server, int port, long requests, long http1xx, long http2xx, long http3xx,
            long http4xx, long http5xx, long httpOther, long connectionErrors, long responseErrors,
            long avgResponseMillis, long avgTotalMillis, long maxResponseMillis, long maxTotalMillis) {
        this(server, port, requests, http1xx, http2xx, http3xx, http4xx, http5xx, httpOther, connectionErrors,
                responseErrors, avgResponseMillis, avgTotalMillis, maxResponseMillis, maxTotalMillis, 0);
    }
}
