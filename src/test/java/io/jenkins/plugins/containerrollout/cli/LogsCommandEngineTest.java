package io.jenkins.plugins.containerrollout.cli;

import static io.jenkins.plugins.containerrollout.cli.CliApps.json;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.containerrollout.core.ProgressSink;
import io.jenkins.plugins.containerrollout.core.deploy.DeployRequest;
import io.jenkins.plugins.containerrollout.core.deploy.ReplicaSpec;
import io.jenkins.plugins.containerrollout.core.deploy.RolloutStrategy;
import io.jenkins.plugins.containerrollout.core.deploy.docker.DockerDeployer;
import io.jenkins.plugins.containerrollout.core.health.ProbeSettings;
import io.jenkins.plugins.containerrollout.core.record.Outcome;
import io.jenkins.plugins.containerrollout.testing.TestBed;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.After;
import org.junit.Test;

/**
 * {@code logs --app} (issue #14): the last lines of a failed revision's replicas, which are kept (stopped) until a
 * rollout succeeds, and of the serving ones; a bad {@code --tail} or {@code --revision} is an error naming it.
 */
public class LogsCommandEngineTest {
    private final String app = TestBed.unique("logs");
    private final int base = CliApps.portBase(app, 3);

    @After
    public void removeApp() {
        CliApps.cleanup(app);
    }

    @Test
    public void printsTheLastLinesOfAFailedRevisionsKeptReplicasAndOfTheServingOnes() throws Exception {
        String unique = "died-" + UUID.randomUUID();
        ProbeSettings probe = ProbeSettings.defaults().withPath("/cgi-bin/health");
        ReplicaSpec v1 = ReplicaSpec.of(CliApps.image("1.0", true)).withStopTimeoutSeconds(0);
        DeployRequest first = new DeployRequest(TestBed.host(), app, v1, 1, base, RolloutStrategy.rolling("1", "0"),
                probe, 10, null, null);
        try (DockerDeployer deployer = new DockerDeployer(TestBed.host())) {
            assertEquals(Outcome.SUCCEEDED, deployer.deploy(first, ProgressSink.NONE).outcome());
            ReplicaSpec crashing = v1.withCommand(List.of("/bin/busybox"), List.of("sh", "-c",
                    "echo " + unique + "; sleep 1; exit 3"));
            assertEquals(Outcome.ROLLED_BACK, deployer.deploy(first.withSpec(crashing), ProgressSink.NONE).outcome());
        }

        JsonNode failed = json(run("logs", "--app", app, "--revision", "2", "--tail", "20"));
        assertEquals(app, failed.get("app").asText());
        JsonNode replica = failed.get("replicas").get(0);
        assertFalse("kept, stopped", replica.get("running").asBoolean());
        assertTrue(replica.toString(), replica.get("lines").toString().contains(unique));

        JsonNode serving = json(run("logs", "--app", app));
        assertEquals("the revision serving now", 1, serving.get("replicas").get(0).get("revision").asInt());
        assertTrue(serving.get("replicas").get(0).get("running").asBoolean());

        CliRun badTail = run("logs", "--app", app, "--tail", "0");
        assertEquals(badTail.err(), 2, badTail.exit());
        assertTrue(badTail.err(), badTail.err().contains("--tail"));
        CliRun noSuchRevision = run("logs", "--app", app, "--revision", "9");
        assertEquals(noSuchRevision.err(), 2, noSuchRevision.exit());
        assertTrue(noSuchRevision.err(), noSuchRevision.err().contains("--revision: app '" + app + "' has no kept revision 9"));
    }

    private static CliRun run(String... args) {
        return CliRun.of(CliApps.env(), "", args);
    }
}
