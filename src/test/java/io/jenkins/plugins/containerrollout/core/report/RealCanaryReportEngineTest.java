package io.jenkins.plugins.containerrollout.core.report;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.containerrollout.core.ProgressSink;
import io.jenkins.plugins.containerrollout.core.analysis.AnalysisVerdict;
import io.jenkins.plugins.containerrollout.core.deploy.CanaryPlan;
import io.jenkins.plugins.containerrollout.core.deploy.DeployRequest;
import io.jenkins.plugins.containerrollout.core.deploy.ReplicaSpec;
import io.jenkins.plugins.containerrollout.core.deploy.RolloutStrategy;
import io.jenkins.plugins.containerrollout.core.deploy.docker.DockerDeployer;
import io.jenkins.plugins.containerrollout.core.engine.DockerHost;
import io.jenkins.plugins.containerrollout.core.health.ProbeSettings;
import io.jenkins.plugins.containerrollout.core.record.EventDetails;
import io.jenkins.plugins.containerrollout.core.record.Outcome;
import io.jenkins.plugins.containerrollout.core.record.RolloutRecord;
import io.jenkins.plugins.containerrollout.core.record.TimelineEvent;
import io.jenkins.plugins.containerrollout.core.record.TimelineEvent.Type;
import io.jenkins.plugins.containerrollout.core.router.HaproxyRouter;
import io.jenkins.plugins.containerrollout.testing.AppImages;
import io.jenkins.plugins.containerrollout.testing.Haproxy;
import io.jenkins.plugins.containerrollout.testing.Loopback;
import io.jenkins.plugins.containerrollout.testing.TestBed;
import io.jenkins.plugins.containerrollout.testing.TestImages;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.After;
import org.junit.Assume;
import org.junit.Test;

/**
 * A canary that really fails its analysis behind a real HAProxy (revision 2's {@code /} answers 404; its health check
 * is fine), and what its record and report say: R counts the canary replica stopped before the rollback began, the
 * time to restore ends when the router gave the old revision all the traffic (not at {@code RESTORED}, which waits
 * for the canary's 3 s stop timeout), and the canary steps table shows the failed step and the one never reached.
 * It reads the deployer's own event texts, so a change of their format fails here. Ports 30000-32999; skipped
 * without an engine or HAProxy.
 */
public class RealCanaryReportEngineTest {
    private final String app = TestBed.unique("rcan");

    @After
    public void removeApp() {
        TestBed.removeApp(app);
    }

    /** Version 2 of the test app without its index page: {@code GET /} answers 404, the health check 200. */
    private static String withoutIndex() {
        return AppImages.cached("no-index-2", tag -> {
            try {
                Path dir = TestImages.appContext(Files.createTempDirectory("no-index"), "2", true);
                Files.delete(dir.resolve("www/index.html"));
                return TestImages.build(dir, tag);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @Test
    public void anAbortedCanaryIsMeasuredToTheTrafficSwitchAndShowsItsSteps() throws Exception {
        Assume.assumeTrue("no Docker engine (scripts/testbed up)", TestBed.dockerResult("info").exitCode() == 0);
        Assume.assumeTrue("no haproxy (apt-get install haproxy)", Files.isExecutable(Path.of("/usr/sbin/haproxy")));
        DockerHost host = TestBed.host();
        int base = Loopback.freeBase(app, 30000, 32999, 5);
        ProbeSettings probe = new ProbeSettings("/cgi-bin/health", Duration.ofMillis(200), Duration.ofSeconds(2), 1, 3,
                Duration.ofSeconds(20));
        CanaryPlan plan = CanaryPlan.defaults().withSteps(CanaryPlan.parseSteps("20:1,50:1")).withAnalysis(0.99, 0, 40);
        RolloutStrategy canary = RolloutStrategy.canary(plan).withProgressDeadlineSeconds(30);
        RolloutRecord bad;
        try (Haproxy haproxy = Haproxy.start(app, base + 4, 8);
                DockerDeployer deployer = new DockerDeployer(host, new HaproxyRouter(haproxy.adminSocket(),
                        haproxy.frontendPort()))) {
            for (String image : List.of(AppImages.app("1", true), withoutIndex())) {
                bad = deployer.deploy(new DeployRequest(host, app, ReplicaSpec.of(image).withStopTimeoutSeconds(3), 2,
                        base, canary, probe, 10, null, null), ProgressSink.NONE);
                if (image.equals(withoutIndex())) {
                    check(bad);
                }
            }
        }
    }

    private static void check(RolloutRecord bad) {
        assertEquals(bad.message(), Outcome.ROLLED_BACK, bad.outcome());
        TimelineEvent failure = bad.events().stream().filter(EventDetails::failure).findFirst().orElseThrow();
        assertTrue("the failed analysis is the first failure: " + failure, EventDetails.failedAnalysis(failure));
        // the canary starts at weight 0 too (held until its first step): the switch that counts comes after the failure
        TimelineEvent off = bad.eventsOf(Type.TRAFFIC).stream().filter(e -> e.atMillis() >= failure.atMillis()
                && EventDetails.canaryWeight(e.detail()).orElse(-1) == 0).findFirst().orElseThrow();
        long restored = bad.eventsOf(Type.RESTORED).get(0).atMillis();
        assertEquals("R: the canary replica, stopped before ROLLBACK_STARTED", 1.0, bad.metrics().rollbackRate(), 0.0);
        assertEquals("from the failed analysis to the weight-0 switch", off.atMillis() - failure.atMillis(),
                bad.metrics().timeToRestoreMillis());
        assertTrue("RESTORED waits for the canary's stop timeout: " + (restored - failure.atMillis()) + " ms",
                restored - off.atMillis() >= 2_500);

        String page = HtmlReport.render(DeliveryReport.of("canary " + bad.app(), List.of(new ReportEntry.Rollout(bad))));
        assertTrue(page, page.contains("<td>1 of 2</td><td class=\"num\">20 %</td>"));
        assertTrue(page, page.contains("<span class=\"tag bad\">failed</span>"));
        assertTrue(page, page.contains("<td>2 of 2</td><td class=\"num\">50 %</td><td class=\"num\">not reached</td>"));
        assertTrue(page, page.contains("Time to restore</th><td class=\"num\">"
                + Format.duration(bad.metrics().timeToRestoreMillis()) + "</td>"));
        // #13: the deployer's windows, each matched by its start to the step the TRAFFIC events set; the last one failed
        assertFalse("the canary kept its analysis windows", bad.analysis().isEmpty());
        assertEquals(AnalysisVerdict.FAIL, bad.analysis().get(bad.analysis().size() - 1).verdict());
        assertTrue(page, page.contains("<tbody class=\"window-failed\"><tr><td>1 of 2 \u00b7 20 %</td>"));
        assertEquals(page, bad.analysis().size(), page.split("<td>1 of 2 \u00b7 20 %</td>", -1).length - 1);
        System.out.println("real canary abort: failure at +" + (failure.atMillis() - bad.startedAtMillis())
                + " ms, weight 0 at +" + (off.atMillis() - bad.startedAtMillis()) + " ms, RESTORED at +"
                + (restored - bad.startedAtMillis()) + " ms; R " + bad.metrics().rollbackRate() + ", time to restore "
                + bad.metrics().timeToRestoreMillis() + " ms");
    }
}
