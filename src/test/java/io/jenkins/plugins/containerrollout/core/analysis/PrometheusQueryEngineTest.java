package io.jenkins.plugins.containerrollout.core.analysis;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.containerrollout.testing.Loopback;
import io.jenkins.plugins.containerrollout.testing.Prometheus;
import io.jenkins.plugins.containerrollout.testing.ScrapedRouter;
import io.jenkins.plugins.containerrollout.testing.TestBed;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * {@link PrometheusQuery} against a real Prometheus (Debian's) scraping a real HAProxy's built-in exporter, in front
 * of a healthy busybox replica and one whose {@code GET /} answers 500, after load from concurrent clients through the
 * frontend. The query is the one docs/analysis.md shows for HAProxy. Ports 41000-41999.
 */
public class PrometheusQueryEngineTest {
    static final String ERROR_RATIO = ScrapedRouter.ERROR_RATIO;

    private static final String APP = TestBed.unique("promq");
    private static int base;
    private static ScrapedRouter bed;
    private static Prometheus prometheus;
    private static String brokenServer;
    private static String healthyServer;
    private static PrometheusQuery client;

    @BeforeClass
    public static void loadAndScrape() throws Exception {
        bed = ScrapedRouter.start(APP, 41000, 41999);
        base = bed.base;
        prometheus = bed.prometheus;
        client = bed.client;
        brokenServer = bed.brokenServer;
        healthyServer = bed.healthyServer;
    }

    @AfterClass
    public static void stop() throws Exception {
        bed.close();
    }

    private static String query(String template, String servers) {
        return PrometheusQuery.render(template, Map.of("app", APP, "servers", servers, "revision", "2",
                "window", PrometheusQuery.window(Duration.ofMinutes(1))));
    }

    @Test
    public void credentialsInTheUrlNeverReachAMessage() {
        String down = "http://reader:s3cret@127.0.0.1:" + (base + 7);

        String message = assertThrows(PrometheusException.class,
                () -> new PrometheusQuery(down, Duration.ofSeconds(2)).value("up")).getMessage();

        assertTrue(message, message.startsWith("Prometheus at http://127.0.0.1:" + (base + 7) + " does not answer"));
        assertFalse(message, message.contains("s3cret"));
    }

    @Test
    public void theBrokenCanarysErrorRatioFailsAMaxValueTheHealthyOnePasses() throws Exception {
        String canary = query(ERROR_RATIO, brokenServer);
        String stable = query(ERROR_RATIO, healthyServer);

        WindowResult failed = PrometheusAnalysis.judge(canary, client.value(canary), null, 0.15, 0, 60_000);
        WindowResult passed = PrometheusAnalysis.judge(stable, client.value(stable), null, 0.15, 0, 60_000);

        assertEquals(failed.reason(), AnalysisVerdict.FAIL, failed.verdict());
        assertEquals(1.0, failed.value(), 0);
        assertEquals("query value 1 is above maxValue 0.15", failed.reason());
        assertEquals(passed.reason(), AnalysisVerdict.PASS, passed.verdict());
        assertEquals(0.0, passed.value(), 0);
    }

    @Test
    public void aQueryMatchingNoSeriesHasNoValue() throws Exception {
        OptionalDouble none = client.value("sum(rate(haproxy_server_http_responses_total{proxy=\"no-such-app\"}[1m]))");

        assertFalse(none.isPresent());
    }

    @Test
    public void aMalformedQueryIsAnErrorNamingTheQueryAndTheUrl() {
        String q = "sum(rate(haproxy_server_http_responses_total{proxy=\"" + APP + "\"}[1m]";

        String message = assertThrows(PrometheusException.class, () -> client.value(q)).getMessage();

        assertTrue(message, message.startsWith("Prometheus at " + prometheus.url() + " refused the query '" + q
                + "' (HTTP 400, bad_data): "));
        assertFalse(message, message.contains("Exception"));
    }

    @Test
    public void aPrometheusThatIsDownIsAnErrorNamingTheUrl() {
        String down = "http://127.0.0.1:" + (base + 7);
        assertTrue(Loopback.free(base + 7));

        String message = assertThrows(PrometheusException.class,
                () -> new PrometheusQuery(down, Duration.ofSeconds(2)).value("up")).getMessage();

        assertEquals("Prometheus at " + down + " does not answer (connection refused or unreachable); check the url "
                + "and that Prometheus is running", message);
    }

    /** The url of the app instead of Prometheus: busybox httpd answers the POST with an HTML error page. */
    @Test
    public void anAnswerThatIsNotPrometheusIsAnErrorNamingTheUrl() {
        String app = "http://127.0.0.1:" + base;

        String message = assertThrows(PrometheusException.class,
                () -> new PrometheusQuery(app, Duration.ofSeconds(2)).value("up")).getMessage();

        assertTrue(message, message.startsWith("Prometheus at " + app + " answered the query 'up' with HTTP "));
        assertTrue(message, message.contains("no Prometheus API answer"));
    }

    @Test
    public void aQueryGivingSeveralSeriesIsAnErrorAskingToAggregate() {
        String q = "haproxy_server_http_responses_total{proxy=\"" + APP + "\",code=\"2xx\"}";

        String message = assertThrows(PrometheusException.class, () -> client.value(q)).getMessage();

        assertTrue(message, message.contains("series for the query '" + q + "'; it must give one value: aggregate it"));
    }
}
