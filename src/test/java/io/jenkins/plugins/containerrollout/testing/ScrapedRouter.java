package io.jenkins.plugins.containerrollout.testing;

import io.jenkins.plugins.containerrollout.core.analysis.CounterSnapshot;
import io.jenkins.plugins.containerrollout.core.analysis.PrometheusQuery;
import io.jenkins.plugins.containerrollout.core.router.HaproxyRouter;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A real Prometheus scraping a real HAProxy's exporter, in front of a healthy busybox replica and one whose
 * {@code GET /} answers 500, after load from concurrent clients through the frontend (loopback, bounded): what the
 * tests of Prometheus queries and of the {@code metrics} check judge. Ports: 8 from a free base in {@code [from, to]}.
 *
 * <p>Usage: {@code ScrapedRouter bed = ScrapedRouter.start(APP, 41000, 41999); bed.client().value(query);}
 */
public final class ScrapedRouter implements AutoCloseable {
    /** The canary's share of 5xx answers over the window, as docs/analysis.md gives it. */
    public static final String ERROR_RATIO = "sum(rate(haproxy_server_http_responses_total{proxy=\"{{app}}\","
            + "server=~\"{{servers}}\",code=\"5xx\"}[{{window}}])) / sum(rate(haproxy_server_http_responses_total{"
            + "proxy=\"{{app}}\",server=~\"{{servers}}\"}[{{window}}]))";

    public final String app;
    /** Replicas on {@code base} (healthy) and {@code base + 1} (broken); HAProxy's frontend on {@code base + 4}. */
    public final int base;
    public final Replicas replicas;
    public final Haproxy haproxy;
    public final Prometheus prometheus;
    public final PrometheusQuery client;
    /** The router's server names of the broken and the healthy replica. */
    public final String brokenServer;
    public final String healthyServer;
    /** What the clients got, by status. */
    public final Map<Integer, Integer> got;

    private ScrapedRouter(String app, int base, Replicas replicas, Haproxy haproxy, Prometheus prometheus, String brokenServer,
            String healthyServer, Map<Integer, Integer> got) {
        this.app = app;
        this.base = base;
        this.replicas = replicas;
        this.haproxy = haproxy;
        this.prometheus = prometheus;
        this.client = new PrometheusQuery(prometheus.url(), Duration.ofSeconds(5));
        this.brokenServer = brokenServer;
        this.healthyServer = healthyServer;
        this.got = got;
    }

    /**
     * Starts the replicas, HAProxy with its exporter and Prometheus, sends ~4 s of traffic from 4 clients, and waits
     * (20 s at most) until Prometheus has scraped every 500 the clients got and a 1 m rate of each server has a value.
     */
    public static ScrapedRouter start(String app, int from, int to) throws Exception {
        int base = Loopback.freeBase(app, from, to, 8);
        Replicas replicas = new Replicas(app);
        replicas.start(base, true);
        replicas.start(base + 1, false);
        Haproxy haproxy = Haproxy.startWithMetrics(app, base + 4, 4, base + 5);
        HaproxyRouter router = new HaproxyRouter(haproxy.adminSocket(), haproxy.frontendPort());
        router.route(app, List.of(base, base + 1));
        CounterSnapshot slots = CounterSnapshot.now(router.counters(app));
        Prometheus prometheus = Prometheus.start(base + 6, List.of("127.0.0.1:" + (base + 5)));
        Map<Integer, Integer> got = Load.send(haproxy.frontendPort(), "/", 4, 100, 40);
        ScrapedRouter bed = new ScrapedRouter(app, base, replicas, haproxy, prometheus,
                slots.serversAt(List.of(base + 1)).get(0), slots.serversAt(List.of(base)).get(0), got);
        // a rate needs two samples after the load (scrapes come late on a busy machine): wait for them, bounded
        String scraped = "sum(haproxy_server_http_responses_total{proxy=\"" + app + "\",code=\"5xx\"})";
        long until = System.currentTimeMillis() + 20_000;
        while ((bed.client.value(scraped).orElse(0) < got.get(500) || bed.client.value(bed.errorRatio(bed.brokenServer))
                .isEmpty() || bed.client.value(bed.errorRatio(bed.healthyServer)).isEmpty())
                && System.currentTimeMillis() < until) {
            Thread.sleep(250);
        }
        if (bed.client.value(scraped).orElse(0) != got.get(500)) {
            bed.close();
            throw new AssertionError("Prometheus did not scrape the " + got.get(500) + " answers 500 within 20 s");
        }
        return bed;
    }

    /** {@link #ERROR_RATIO} of {@code servers} over the last minute, for this bed's app. */
    public String errorRatio(String servers) {
        return PrometheusQuery.render(ERROR_RATIO, Map.of("app", app, "servers", servers, "revision", "2",
                "window", PrometheusQuery.window(Duration.ofMinutes(1))));
    }

    @Override
    public void close() throws Exception {
        Cleanup.closeAll(prometheus, haproxy, replicas);
    }
}
