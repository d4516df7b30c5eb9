package io.jenkins.plugins.containerrollout.core.deploy.docker;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.containerrollout.core.deploy.DeployRequest;
import io.jenkins.plugins.containerrollout.core.deploy.RolloutStrategy;
import io.jenkins.plugins.containerrollout.core.record.Outcome;
import io.jenkins.plugins.containerrollout.core.record.ReplicaDiagnosis;
import io.jenkins.plugins.containerrollout.core.record.RolloutRecord;
import io.jenkins.plugins.containerrollout.core.report.DeliveryReport;
import io.jenkins.plugins.containerrollout.core.report.HtmlReport;
import io.jenkins.plugins.containerrollout.core.report.ReportEntry;
import io.jenkins.plugins.containerrollout.testing.TestBed;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.Test;

/**
 * Why did it fail (issue #14): a replica that writes a line to stderr and exits 3 after a second fails the rollout;
 * the record and the console carry that line and the exit code, a secret it printed is masked, and the failed
 * container is still there (stopped) for {@code docker logs}. A replica killed by its memory limit says OOMKilled.
 */
public class ReplicaDiagnosisEngineTest extends EngineTestBase {
    private DeployRequest v1() {
        return new DeployRequest(host, app, DeployFixture.spec(DeployFixture.image("1", true)), 1,
                DeployFixture.portBase(app, 3), RolloutStrategy.rolling("1", "0").withProgressDeadlineSeconds(30),
                DeployFixture.probe(), 10, null, null);
    }

    @Test
    public void aReplicaThatExitsLeavesItsLastLinesAndExitCodeInTheRecordAndTheConsole() throws Exception {
        DeployRequest v1 = v1();
        assertEquals(Outcome.SUCCEEDED, deployer.deploy(v1, line -> { }).outcome());
        String unique = "boom-" + UUID.randomUUID();
        DeployRequest crashing = v1.withSpec(v1.spec().withEnv(Map.of("DB_PASSWORD", "s3cr3t-value"))
                .withCommand(List.of("/bin/busybox"), List.of("sh", "-c",
                        "echo starting; echo password is $DB_PASSWORD; echo " + unique + " >&2; sleep 1; exit 3")));
        List<String> console = new ArrayList<>();
        RolloutRecord failed = deployer.deploy(crashing, line -> {
            console.add(line);
            System.out.println(line);
        });

        assertEquals(failed.message(), Outcome.ROLLED_BACK, failed.outcome());
        assertEquals(failed.diagnoses().toString(), 1, failed.diagnoses().size());
        ReplicaDiagnosis d = failed.diagnoses().get(0);
        assertEquals(Long.valueOf(3), d.exitCode());
        assertEquals(Boolean.FALSE, d.oomKilled());
        // stdout and stderr are two streams: the engine keeps each in order, not their interleaving to the line
        assertEquals("the log tail, stdout and stderr", java.util.Set.of("starting", "password is ****", unique),
                java.util.Set.copyOf(d.logTail()));
        assertTrue(d.reason(), d.reason().contains("exited with code 3"));
        assertTrue("the console shows the line and the exit code: " + console, console.stream()
                .anyMatch(l -> l.contains(unique)) && console.stream().anyMatch(l -> l.contains("code 3")));
        assertFalse("the secret never reaches the console", String.join("\n", console).contains("s3cr3t-value"));
        String html = HtmlReport.render(new DeliveryReport("diagnosis", System.currentTimeMillis(), null,
                List.of(new ReportEntry.Rollout(failed))));
        assertTrue("the report says why, open: " + unique, html.contains(unique) && html.contains("<dt>exit code</dt><dd>3</dd>")
                && html.contains("<details class=\"diagnosis\" open>"));
        assertFalse(html.contains("s3cr3t-value"));
        String state = TestBed.docker("inspect", "--format", "{{.State.Status}} {{.State.ExitCode}}", d.container()).trim();
        assertEquals("the failed container is kept, stopped, for docker logs", "exited 3", state);
        assertTrue(TestBed.dockerResult("logs", d.container()).output().contains(unique));
        assertServes(1, 1, "1");
    }

    @Test
    public void aReplicaKilledByItsMemoryLimitSaysOomKilled() throws Exception {
        DeployRequest v1 = v1();
        assertEquals(Outcome.SUCCEEDED, deployer.deploy(v1, line -> { }).outcome());
        DeployRequest greedy = v1.withSpec(v1.spec().withLimits(16L << 20, 0)
                .withCommand(List.of("/bin/busybox"), List.of("sh", "-c",
                        "sleep 1; exec dd if=/dev/zero of=/dev/null bs=256M count=1")));
        RolloutRecord failed = deployer.deploy(greedy, System.out::println);

        assertEquals(failed.message(), Outcome.ROLLED_BACK, failed.outcome());
        ReplicaDiagnosis d = failed.diagnoses().get(0);
        assertEquals(d.toString(), Boolean.TRUE, d.oomKilled());
        assertTrue(d.summary(5), d.summary(5).contains("OOMKilled"));
        assertServes(1, 1, "1");
    }
}
