package io.jenkins.plugins.containerrollout.cli;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.containerrollout.core.engine.DockerHost;
import io.jenkins.plugins.containerrollout.core.swarm.SwarmFixture;
import io.jenkins.plugins.containerrollout.testing.StackFixture;
import java.nio.file.Path;
import java.util.Map;
import org.junit.After;
import org.junit.Test;

/**
 * {@code deploy --compose}, {@code history --project} and {@code status --project} with {@code --target swarm}: the
 * same commands as on a Docker host, the stack read back from the swarm manager by a later command.
 */
public class SwarmStackCommandsEngineTest {
    private final DockerHost swarm = SwarmFixture.host();
    private final StackFixture f = new StackFixture("clisw");

    @After
    public void cleanup() throws InterruptedException {
        SwarmFixture.removeStack(swarm, f);
    }

    private CliRun run(String... args) {
        return CliRun.of(Map.of("DOCKER_HOST", swarm.uri()), "", CliApps.args(args, "--target", "swarm"));
    }

    /** The command's JSON, once it exited 0. */
    private static JsonNode ok(CliRun run) {
        assertEquals(run.err(), 0, run.exit());
        return CliApps.json(run);
    }

    @Test
    public void aComposeStackDeploysOnTheSwarmAndHistoryAndStatusReadItBack() throws Exception {
        Path file = f.write(SwarmFixture.images().v1(), SwarmFixture.images().v2(), SwarmFixture.worker());

        CliRun deploy = run("deploy", "--compose", file.toString(), "--health-path", "/cgi-bin/health",
                "--probe-interval", "300", "--probe-timeout", "1000", "--failure-threshold", "2",
                "--startup-timeout", "1");

        JsonNode result = ok(deploy);
        assertEquals("SUCCEEDED", result.get("outcome").asText());
        assertEquals(1, result.get("servingRevision").asInt());
        JsonNode history = ok(run("history", "--project", f.project));
        assertEquals(history.toString(), 1, history.get("revisions").size());
        assertEquals(f.app("api") + "@1", history.get("revisions").get(0).get("services").get("api").asText());
        JsonNode status = ok(run("status", "--project", f.project));
        assertTrue(status.toString(), status.get("settled").asBoolean());
        for (JsonNode s : status.get("services")) {
            assertEquals(s.toString(), 1, s.get("ready").asInt());
        }
        JsonNode api = status.get("services").get(0);
        assertEquals(f.app("api"), api.get("app").asText());
        assertEquals("2.0", CliApps.version(api.get("servingPorts").get(0).asInt()));
    }
}
