package io.jenkins.plugins.containerrollout.core.verify;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.containerrollout.core.engine.DockerHost;
import io.jenkins.plugins.containerrollout.testing.Loopback;
import io.jenkins.plugins.containerrollout.testing.Prometheus;
import io.jenkins.plugins.containerrollout.testing.ScrapedRouter;
import io.jenkins.plugins.containerrollout.testing.TestBed;
import java.util.ArrayList;
import java.util.List;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * {@code containerVerify}'s {@code metrics} check through the {@link Verifier}, against a real Prometheus (Debian's)
 * scraping a real HAProxy's exporter in front of a healthy busybox replica and one whose {@code GET /} answers 500,
 * after load from concurrent clients through the frontend (the bed {@code PrometheusQueryEngineTest} uses). The
 * verified application's name reaches the query as {@code {{app}}}: the HAProxy backend has the same name. Ports
 * 42000-42999.
 */
public class MetricsCheckEngineTest {
    private static final String APP = TestBed.unique("vmetric");
    /** One server's share of 5xx answers over the last minute; the app's name only through {{app}}. */
    private static final String SERVER_ERROR_RATIO = "sum(rate(haproxy_server_http_responses_total{proxy=\"{{app}}\","
            + "server=\"%s\",code=\"5xx\"}[1m])) / sum(rate(haproxy_server_http_responses_total{proxy=\"{{app}}\","
            + "server=\"%s\"}[1m]))";
    private static final Verifier VERIFIER = new Verifier(new DockerHost("unix:///nonexistent/docker.sock", false, null));

    private static int base;
    private static ScrapedRouter bed;
    private static Prometheus prometheus;
    private static String brokenServer;
    private static String healthyServer;

    @BeforeClass
    public static void loadAndScrape() throws Exception {
        bed = ScrapedRouter.start(APP, 42000, 42999);
        base = bed.base;
        prometheus = bed.prometheus;
        brokenServer = bed.brokenServer;
        healthyServer = bed.healthyServer;
    }

    @AfterClass
    public static void stop() throws Exception {
        bed.close();
    }

    private static String ratio(String server) {
        return String.format(SERVER_ERROR_RATIO, server, server);
    }

    private static MetricsCheck check(String name, String url, String query, Double min, Double max, long window,
            boolean allowNoData) {
        return new MetricsCheck(name, url, query, min, max, window, allowNoData, 0, 0);
    }

    private static VerificationResult verify(Check... checks) throws InterruptedException {
        List<String> log = new ArrayList<>();
        return VERIFIER.verify(new VerifyRequest(APP, List.of(), List.of(), List.of(checks), OnFailure.FAIL, false),
                log::add);
    }

    @Test
    public void theBrokenServersErrorRatioFailsTheCheckTheHealthyOnePasses() throws Exception {
        VerificationResult r = verify(check("broken", prometheus.url(), ratio(brokenServer), null, 0.15, 0, false),
                check("healthy", prometheus.url(), ratio(healthyServer), null, 0.15, 0, false));

        CheckResult broken = r.checks().get(0);
        CheckResult healthy = r.checks().get(1);
        assertEquals(broken.summary(), CheckStatus.FAILED, broken.status());
        assertEquals("query value 1 is above maxValue 0.15", broken.summary());
        MetricsEvidence e = (MetricsEvidence) broken.evidence();
        assertEquals(ratio(brokenServer).replace("{{app}}", APP), e.query());
        assertEquals(1.0, e.value(), 0);
        assertEquals("value <= 0.15", e.thresholds());
        assertEquals("fail", e.outcome());
        assertEquals(prometheus.url(), e.url());
        assertEquals(healthy.summary(), CheckStatus.PASSED, healthy.status());
        assertEquals(0.0, ((MetricsEvidence) healthy.evidence()).value(), 0);
        assertEquals(false, r.passed());
    }

    @Test
    public void aQueryMatchingNoSeriesFailsUnlessNoDataIsAllowed() throws Exception {
        String nothing = "sum(rate(haproxy_server_http_responses_total{proxy=\"{{app}}-none\"}[1m]))";

        VerificationResult r = verify(check("strict", prometheus.url(), nothing, null, 0.15, 0, false),
                check("lenient", prometheus.url(), nothing, null, 0.15, 0, true));

        assertEquals(CheckStatus.FAILED, r.checks().get(0).status());
        assertTrue(r.checks().get(0).summary(), r.checks().get(0).summary().startsWith("no data: the query matched no series"));
        assertTrue(r.checks().get(0).summary(), r.checks().get(0).summary().endsWith("set allowNoData to pass when there is none"));
        assertEquals(CheckStatus.PASSED, r.checks().get(1).status());
        assertEquals("no data", ((MetricsEvidence) r.checks().get(1).evidence()).outcome());
        assertNull(((MetricsEvidence) r.checks().get(1).evidence()).value());
    }

    /** The check waits its window before asking, and {{window}} is that window: 2 s of no traffic give no rate. */
    @Test
    public void aWindowIsWaitedAndBecomesTheQuerysRange() throws Exception {
        String windowed = "sum(rate(haproxy_server_http_responses_total{proxy=\"{{app}}\",code=\"5xx\"}[{{window}}]))";

        CheckResult c = verify(check("windowed", prometheus.url(), windowed, null, 0.0, 2, false)).checks().get(0);

        assertTrue("waited " + c.durationMillis() + " ms", c.durationMillis() >= 2000);
        MetricsEvidence e = (MetricsEvidence) c.evidence();
        assertTrue(e.query(), e.query().endsWith("[2s]))"));
        assertEquals(2, e.windowSeconds());
    }

    /** {@code {{revision}}} is what {@link VerifyRequest#forRevision} says: containerVerify passes the app's revision. */
    @Test
    public void theRevisionFillsItsPlaceholder() throws Exception {
        MetricsCheck revision = check("revision", prometheus.url(), "vector({{revision}})", 7.0, 7.0, 0, false);
        VerifyRequest request = new VerifyRequest(APP, List.of(), List.of(), List.of(revision), OnFailure.FAIL, false);

        CheckResult c = VERIFIER.verify(request.forRevision(7), line -> { }).checks().get(0);

        assertEquals(c.summary(), CheckStatus.PASSED, c.status());
        assertEquals("vector(7)", ((MetricsEvidence) c.evidence()).query());
    }

    @Test
    public void aPrometheusThatIsDownFailsTheCheckNamingTheUrlAndTheOthersStillRun() throws Exception {
        String down = "http://127.0.0.1:" + (base + 7);
        assertTrue(Loopback.free(base + 7));

        VerificationResult r = verify(check("down", down, "vector(0)", null, 1.0, 0, false),
                check("up", prometheus.url(), "vector(0)", null, 1.0, 0, false));

        assertEquals(CheckStatus.FAILED, r.checks().get(0).status());
        assertEquals("Prometheus at " + down + " does not answer (connection refused or unreachable); check the url "
                + "and that Prometheus is running", r.checks().get(0).summary());
        assertEquals("error", ((MetricsEvidence) r.checks().get(0).evidence()).outcome());
        assertEquals(CheckStatus.PASSED, r.checks().get(1).status());
    }

    @Test
    public void aMalformedQueryFailsTheCheckNamingTheQuery() throws Exception {
        String q = "sum(rate(haproxy_server_http_responses_total{proxy=\"{{app}}\"}[1m]";

        CheckResult c = verify(check("malformed", prometheus.url(), q, null, 1.0, 0, false)).checks().get(0);

        assertEquals(CheckStatus.FAILED, c.status());
        assertTrue(c.summary(), c.summary().startsWith("Prometheus at " + prometheus.url() + " refused the query '"
                + q.replace("{{app}}", APP) + "' (HTTP 400, bad_data): "));
    }
}
