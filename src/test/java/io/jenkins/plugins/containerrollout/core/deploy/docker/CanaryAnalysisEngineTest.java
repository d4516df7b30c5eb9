package io.jenkins.plugins.containerrollout.core.deploy.docker;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.containerrollout.core.analysis.AnalysisSource;
import io.jenkins.plugins.containerrollout.core.analysis.AnalysisVerdict;
import io.jenkins.plugins.containerrollout.core.analysis.WindowResult;
import io.jenkins.plugins.containerrollout.core.deploy.CanaryAnalysis;
import io.jenkins.plugins.containerrollout.core.deploy.DeployRequest;
import io.jenkins.plugins.containerrollout.core.record.Outcome;
import io.jenkins.plugins.containerrollout.core.record.RolloutRecord;
import io.jenkins.plugins.containerrollout.testing.Loopback;
import io.jenkins.plugins.containerrollout.testing.Prometheus;
import io.jenkins.plugins.containerrollout.testing.ScrapedRouter;
import java.util.List;
import org.junit.Test;

/**
 * A canary judged by its own share of real traffic (issue #13): several clients send {@code GET /} through a real
 * HAProxy during the rollout; the canary's image answers 500 there (its health check and {@code /version} are fine).
 * At 10 % weight the clients' mix stays above the 0.85 threshold, so a frontend-mix analysis would pass it; the
 * router's per-server counters, summed for the canary's servers, fail it, and the stable revision keeps serving.
 * The same with a real Prometheus scraping HAProxy's exporter; and what an analysis without traffic, or with a
 * Prometheus that is down, does.
 */
public class CanaryAnalysisEngineTest extends EngineTestBase {
    /** The canary's 5xx ratio over the window, from HAProxy's exporter (docs/analysis.md). */
    static final String ERROR_RATIO = ScrapedRouter.ERROR_RATIO;

    private DeployRequest v1(String steps, CanaryAnalysis analysis) {
        return CanaryFixture.request(host, app, DeployFixture.image("1", true), CanaryFixture.portBase(app, 5), steps,
                0.85, 0, 50, analysis);
    }

    @Test
    public void aBrokenCanaryFailsOnItsOwnTrafficThoughTheDilutedMixWouldPassIt() throws Exception {
        try (CanaryFixture.Stage stage = new CanaryFixture.Stage(host, app, v1("10:4", CanaryAnalysis.Router.defaults()))) {
            RolloutRecord bad;
            double mix;
            try (ClientLoad clients = new ClientLoad(stage.haproxy.frontendPort(), "/", 6, 2000)) {
                bad = stage.deploy(CanaryFixture.brokenImage("2"), System.out::println);
                mix = clients.successRatio();
            }
            assertEquals(bad.message(), Outcome.ROLLED_BACK, bad.outcome());
            WindowResult w = bad.analysis().get(0);
            assertEquals(AnalysisSource.ROUTER, w.source());
            assertEquals(w.reason(), AnalysisVerdict.FAIL, w.verdict());
            assertTrue("the canary got real traffic: " + w, w.canaryRequests() >= 10);
            assertEquals("every canary answer failed: " + w, w.canaryRequests(), w.canaryFailures());
            assertTrue("the stable revision served the rest: " + w, w.stableRequests() > w.canaryRequests());
            double windowMix = (w.canaryRequests() - w.canaryFailures() + w.stableRequests() - w.stableFailures())
                    / (double) (w.canaryRequests() + w.stableRequests());
            assertTrue("what a frontend-mix analysis would have judged in that window passes 0.85: " + windowMix,
                    windowMix >= 0.85);
            assertTrue("and what the clients got overall: " + mix, mix >= 0.85);
            assertEquals("the record keeps the window's line", 1, bad.events().stream()
                    .filter(e -> e.detail().startsWith("canary analysis at 10 % of revision 2 (router")
                            && e.detail().contains("): failed; 1 of failureLimit 1")).count());
            assertServes(1, 2, "1");
        }
    }

    @Test
    public void aHealthyCanaryUnderTheSameLoadPassesEveryWindowAndIsPromoted() throws Exception {
        try (CanaryFixture.Stage stage = new CanaryFixture.Stage(host, app, v1("10:3,50:3", CanaryAnalysis.Router.defaults()))) {
            RolloutRecord good;
            try (ClientLoad clients = new ClientLoad(stage.haproxy.frontendPort(), "/", 6, 2000)) {
                good = stage.deploy(DeployFixture.image("2", true), System.out::println);
            }
            assertEquals(good.message(), Outcome.SUCCEEDED, good.outcome());
            assertEquals(good.analysis().toString(), List.of(AnalysisVerdict.PASS, AnalysisVerdict.PASS),
                    good.analysis().stream().map(WindowResult::verdict).toList());
            assertTrue(good.analysis().toString(), good.analysis().stream()
                    .allMatch(w -> w.source() == AnalysisSource.ROUTER && w.canaryRequests() >= 10 && w.canaryFailures() == 0));
            assertServes(2, 2, "2");
        }
    }

    @Test
    public void withoutTrafficAWindowIsInconclusiveAndFailsWhenToldTo() throws Exception {
        CanaryAnalysis failWhenQuiet = new CanaryAnalysis.Router(0, -1, 10, new CanaryAnalysis.Inconclusive(0, "fail"));
        try (CanaryFixture.Stage stage = new CanaryFixture.Stage(host, app, v1("10:2", failWhenQuiet))) {
            RolloutRecord quiet = stage.deploy(DeployFixture.image("2", true), System.out::println);
            assertEquals(quiet.message(), Outcome.ROLLED_BACK, quiet.outcome());
            assertEquals(1, quiet.analysis().size());
            assertEquals(AnalysisVerdict.INCONCLUSIVE, quiet.analysis().get(0).verdict());
            assertTrue(quiet.message(), quiet.message().contains("fewer than minRequests 10"));
            assertServes(1, 2, "1");
        }
    }

    @Test
    public void withoutTrafficAWindowIsExtendedThenJudgedBySyntheticRequestsToTheCanary() throws Exception {
        CanaryAnalysis extendThenProbe = new CanaryAnalysis.Router(0, -1, 10,
                new CanaryAnalysis.Inconclusive(1, "synthetic"));
        try (CanaryFixture.Stage stage = new CanaryFixture.Stage(host, app, v1("10:2", extendThenProbe))) {
            RolloutRecord quiet = stage.deploy(DeployFixture.image("2", true), System.out::println);
            assertEquals(quiet.message(), Outcome.SUCCEEDED, quiet.outcome());
            assertEquals(quiet.analysis().toString(), List.of(AnalysisSource.ROUTER, AnalysisSource.ROUTER,
                    AnalysisSource.SYNTHETIC), quiet.analysis().stream().map(WindowResult::source).toList());
            assertEquals(List.of(AnalysisVerdict.INCONCLUSIVE, AnalysisVerdict.INCONCLUSIVE, AnalysisVerdict.PASS),
                    quiet.analysis().stream().map(WindowResult::verdict).toList());
            assertEquals("the synthetic requests went to the canary alone", 50, quiet.analysis().get(2).canaryRequests());
        }
    }

    @Test
    public void aBrokenCanaryFailsThroughPrometheusOverHaproxysExporter() throws Exception {
        int metrics = Loopback.freeBase(app + "-metrics", 37000, 37999, 1);
        int prometheusPort = Loopback.freeBase(app + "-prometheus", 38000, 38999, 1);
        try (Prometheus prometheus = Prometheus.start(prometheusPort, List.of("127.0.0.1:" + metrics))) {
            CanaryAnalysis byQuery = new CanaryAnalysis.Prometheus(prometheus.url(), ERROR_RATIO, null, 0.15, null);
            try (CanaryFixture.Stage stage = new CanaryFixture.Stage(host, app, v1("10:5", byQuery), metrics);
                    ClientLoad clients = new ClientLoad(stage.haproxy.frontendPort(), "/", 6, 3000)) {
                RolloutRecord bad = stage.deploy(CanaryFixture.brokenImage("2"), System.out::println);
                assertEquals(bad.message(), Outcome.ROLLED_BACK, bad.outcome());
                WindowResult w = bad.analysis().get(bad.analysis().size() - 1);
                assertEquals(AnalysisSource.PROMETHEUS, w.source());
                assertEquals(w.reason(), AnalysisVerdict.FAIL, w.verdict());
                assertTrue("the query as sent names the app and the canary's servers: " + w.query(),
                        w.query().contains("proxy=\"" + app + "\"") && !w.query().contains("{{"));
                assertTrue("the canary's 5xx ratio: " + w.value(), w.value() > 0.15);
                assertServes(1, 2, "1");

                CanaryAnalysis malformed = new CanaryAnalysis.Prometheus(prometheus.url(), "sum(rate(", null, 0.15, null);
                DeployRequest healthy = v1("10:1", malformed).withSpec(DeployFixture.spec(DeployFixture.image("2", true)));
                RolloutRecord refused = stage.deployer.deploy(healthy, System.out::println);
                assertEquals(refused.message(), Outcome.ROLLED_BACK, refused.outcome());
                assertTrue("names the query: " + refused.message(), refused.message().contains("sum(rate("));
                assertServes(1, 2, "1");
            }
        }
    }

    @Test
    public void aPrometheusThatIsDownAbortsTheCanaryNamingTheUrlAndStableKeepsServing() throws Exception {
        int nothing = Loopback.freeBase(app + "-down", 38000, 38999, 1);
        String url = "http://127.0.0.1:" + nothing;
        CanaryAnalysis down = new CanaryAnalysis.Prometheus(url, ERROR_RATIO, null, 0.15, null);
        try (CanaryFixture.Stage stage = new CanaryFixture.Stage(host, app, v1("10:1", down))) {
            RolloutRecord aborted = stage.deploy(DeployFixture.image("2", true), System.out::println);
            assertEquals(aborted.message(), Outcome.ROLLED_BACK, aborted.outcome());
            assertTrue(aborted.message(), aborted.message().contains(url));
            assertServes(1, 2, "1");
        }
    }
}
