package io.jenkins.plugins.containerrollout.core.report;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.containerrollout.core.deploy.AppLabels;
import io.jenkins.plugins.containerrollout.core.deploy.DeployRequest;
import io.jenkins.plugins.containerrollout.core.deploy.DockerDeployer;
import io.jenkins.plugins.containerrollout.core.deploy.ReplicaSpec;
import io.jenkins.plugins.containerrollout.core.deploy.RolloutStrategy;
import io.jenkins.plugins.containerrollout.core.engine.DockerHost;
import io.jenkins.plugins.containerrollout.core.health.ProbeSettings;
import io.jenkins.plugins.containerrollout.core.record.Outcome;
import io.jenkins.plugins.containerrollout.core.record.RolloutRecord;
import io.jenkins.plugins.containerrollout.core.record.TimelineEvent;
import io.jenkins.plugins.containerrollout.testing.TestBed;
import io.jenkins.plugins.containerrollout.testing.TestImages;
import java.io.IOException;
import java.net.ServerSocket;
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
 * {@code scripts/check-report}. Skipped when no engine answers.
 */
public class RealRolloutReportTest {
    private final String app = TestBed.unique("rep");
    private final List<String> images = List.of(TestBed.unique("rep-img") + ":1", TestBed.unique("rep-img") + ":2");

    @After
    public void removeAppAndImages() {
        String ids = TestBed.dockerResult("ps", "-aq", "--filter", "label=" + AppLabels.APP + "=" + app)
                .output().trim();
        if (!ids.isEmpty()) {
            TestBed.dockerResult(("rm -f " + ids.replace('\n', ' ')).split(" +"));
        }
        images.forEach(tag -> TestBed.dockerResult("rmi", "-f", tag));
    }

    @Test
    public void reportsARealAutomaticRollback() throws Exception {
        Assume.assumeTrue("no Docker engine (scripts/testbed up)", TestBed.dockerResult("info").exitCode() == 0);
        TestImages.app(Files.createTempDirectory("rep-ctx"), images.get(0), "1", true);
        TestImages.app(Files.createTempDirectory("rep-ctx"), images.get(1), "2", false);
        DockerHost host = TestBed.host();
        int base = freePorts(6);
        ProbeSettings probe = new ProbeSettings("/cgi-bin/health", Duration.ofMillis(200), Duration.ofSeconds(2), 1, 3,
                Duration.ofSeconds(20));
        RolloutStrategy rolling = RolloutStrategy.rolling("1", "1").withProgressDeadlineSeconds(30);
        RolloutRecord record;
        try (DockerDeployer deployer = new DockerDeployer(host)) {
            deployer.deploy(request(host, 0, base, probe, rolling), line -> { });
            record = deployer.deploy(request(host, 1, base, probe, rolling), line -> { });
        }
        assertEquals(record.message(), Outcome.ROLLED_BACK, record.outcome());

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
    }

    private DeployRequest request(DockerHost host, int image, int base, ProbeSettings probe, RolloutStrategy s) {
        return new DeployRequest(host, app, ReplicaSpec.of(images.get(image)).withStopTimeoutSeconds(0), 4, base, s,
                probe, 10, null, null);
    }

    /** A base port with {@code span} free ports after it, in 30000-39999 (the deploy tests use 20000-29999). */
    private static int freePorts(int span) throws IOException {
        for (int base = 30000 + (int) (Math.random() * 900) * 10; base < 39990; base += 10) {
            boolean free = true;
            for (int p = base; p < base + span && free; p++) {
                try (ServerSocket s = new ServerSocket(p, 1, java.net.InetAddress.getLoopbackAddress())) {
                    s.setReuseAddress(false);
                } catch (IOException taken) {
                    free = false;
                }
            }
            if (free) {
                return base;
            }
        }
        throw new IOException("no free port range in 30000-39999");
    }
}
