package io.jenkins.plugins.containerrollout.core.report;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.containerrollout.core.deploy.DeployRequest;
import io.jenkins.plugins.containerrollout.core.deploy.docker.DockerDeployer;
import io.jenkins.plugins.containerrollout.core.deploy.ReplicaSpec;
import io.jenkins.plugins.containerrollout.core.deploy.RolloutStrategy;
import io.jenkins.plugins.containerrollout.core.engine.DockerHost;
import io.jenkins.plugins.containerrollout.core.health.ProbeSettings;
import io.jenkins.plugins.containerrollout.core.record.Outcome;
import io.jenkins.plugins.containerrollout.core.record.RolloutRecord;
import io.jenkins.plugins.containerrollout.core.record.TimelineEvent;
import io.jenkins.plugins.containerrollout.testing.AppImages;
import io.jenkins.plugins.containerrollout.testing.Loopback;
import io.jenkins.plugins.containerrollout.testing.TestBed;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.After;
import org.junit.Assume;
import org.junit.Test;

/**
 * The report of a rollout that really happened: a rolling update to an unhealthy revision on the test-bed engine,
 * rolled back automatically. Leaves the page in {@code target/real-rollout-report.html} for
 * {@code scripts/check-report}. Skipped when no engine answers. Ports 30000-32999.
 */
public class RealRolloutReportEngineTest {
    private static final String COMMIT = "2f0c9d41e8b7a6c5d4e3f2a1b0c9d8e7f6a5b4c3";

    private final String app = TestBed.unique("rep");
    private List<String> images;

    @After
    public void removeApp() {
        TestBed.removeApp(app);
    }

    @Test
    public void reportsARealAutomaticRollback() throws Exception {
        Assume.assumeTrue("no Docker engine (scripts/testbed up)", TestBed.dockerResult("info").exitCode() == 0);
        images = List.of(AppImages.app("1", true), AppImages.app("2", false));
        DockerHost host = TestBed.host();
        int base = Loopback.freeBase(app, 30000, 32999, 6);
        ProbeSettings probe = new ProbeSettings("/cgi-bin/health", Duration.ofMillis(200), Duration.ofSeconds(2), 1, 3,
                Duration.ofSeconds(20));
        RolloutStrategy rolling = RolloutStrategy.rolling("1", "1").withProgressDeadlineSeconds(30);
        RolloutRecord record;
        try (DockerDeployer deployer = new DockerDeployer(host)) {
            deployer.deploy(request(host, 0, base, probe, rolling), line -> { });
            record = deployer.deploy(request(host, 1, base, probe, rolling), line -> { });
        }
        assertEquals(record.message(), Outcome.ROLLED_BACK, record.outcome());
        assertEquals("the target revision's commit", COMMIT, record.commit());
        assertEquals("http://jenkins.example/job/web/2/", record.buildUrl());

        String page = HtmlReport.render(DeliveryReport.of("real rollout of " + app, List.of(
                new ReportEntry.Rollout(record))));
        Files.writeString(Path.of(System.getProperty("project.basedir", "."), "target/real-rollout-report.html"), page);

        Set<String> replicas = new HashSet<>();
        record.events().stream().filter(e -> e.slot() >= 0).forEach(e -> replicas.add(e.revision() + "/" + e.slot()));
        assertEquals("one lane per replica", replicas.size(), page.split("<text class=\"lane-label\"", -1).length - 2);
        assertEquals(1, page.split("<circle class=\"minimum\"", -1).length - 1);
        assertTrue(page.contains("<rect class=\"rollback-band\""));
        assertEquals(record.eventsOf(TimelineEvent.Type.FAILED).size(),
                page.split("<circle class=\"mark failed\"", -1).length - 1);
        assertFalse(page.toLowerCase().contains("<script"));
        assertTrue("the commit in the header, with no build in the run",
                page.contains("title=\"" + COMMIT + "\">" + COMMIT.substring(0, 12) + "</dd>"));
    }

    private DeployRequest request(DockerHost host, int image, int base, ProbeSettings probe, RolloutStrategy s) {
        return new DeployRequest(host, app, ReplicaSpec.of(images.get(image)).withStopTimeoutSeconds(0), 4, base, s,
                probe, 10, "http://jenkins.example/job/web/" + (image + 1) + "/", image == 1 ? COMMIT : "0".repeat(40));
    }
}
