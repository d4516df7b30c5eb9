package io.jenkins.plugins.containerrollout.cli;

import static io.jenkins.plugins.containerrollout.cli.CliApps.args;
import static io.jenkins.plugins.containerrollout.cli.CliApps.json;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.containerrollout.core.engine.DockerHost;
import io.jenkins.plugins.containerrollout.core.swarm.SwarmFixture;
import io.jenkins.plugins.containerrollout.testing.Loopback;
import io.jenkins.plugins.containerrollout.testing.TestBed;
import java.io.IOException;
import java.util.Map;
import org.junit.After;
import org.junit.Test;

/**
 * {@code --target swarm}: deploy, status, rollback, history and verify in-process against the test bed's swarm
 * manager ({@code DOCKER_HOST}), ports 38000-38999.
 */
public class SwarmTargetCommandsEngineTest {
    private final DockerHost swarm = SwarmFixture.host();
    private final String app = TestBed.unique("cli-swarm");
    // two replicas take four ports on a swarm (two banks)
    private final int base = Loopback.freeBase(app, 38000, 38999, 4);

    @After
    public void removeService() throws InterruptedException {
        if (!SwarmFixture.swarmCli(swarm, "service", "ls", "-q", "--filter", "name=" + app).isBlank()) {
            SwarmFixture.swarmCli(swarm, "service", "rm", app);
            SwarmFixture.awaitGone(swarm, app);
        }
    }

    @Test
    public void aSwarmDeployRunsTheServiceAndStatusShowsItsServingPorts() {
        CliRun deploy = deploy(SwarmFixture.images().v1());

        assertEquals(deploy.err(), 0, deploy.exit());
        JsonNode record = json(deploy);
        assertEquals("SUCCEEDED", record.get("outcome").asText());
        assertEquals(1, record.get("toRevision").asInt());
        assertFalse("the service exists on the swarm",
                SwarmFixture.swarmCli(swarm, "service", "ls", "-q", "--filter", "name=" + app).isBlank());
        JsonNode serving = json(run("status", "--app", app)).get("servingPorts");
        assertEquals(serving.toString(), 2, serving.size());
        for (JsonNode port : serving) {
            assertEquals("1.0", CliApps.version(port.asInt()));
        }
    }

    @Test
    public void aSwarmRollbackAfterASecondDeployRestoresTheFirstRevision() {
        assertEquals(0, deploy(SwarmFixture.images().v1()).exit());
        assertEquals(0, deploy(SwarmFixture.images().v2()).exit());

        CliRun rollback = run(args(new String[] {"rollback", "--app", app, "--max-surge", "1", "--max-unavailable", "0"},
                timings()));

        assertEquals(rollback.err(), 0, rollback.exit());
        JsonNode record = json(rollback);
        assertEquals("ROLLBACK", record.get("operation").asText());
        assertEquals(2, record.get("fromRevision").asInt());
        assertEquals(1, record.get("servingRevision").asInt());
        JsonNode revisions = json(run("history", "--app", app)).get("revisions");
        assertEquals(revisions.toString(), 2, revisions.size());
        for (JsonNode revision : revisions) {
            assertEquals(revisions.toString(), revision.get("revision").asInt() == 1,
                    revision.get("current").asBoolean());
        }
        for (JsonNode port : json(run("status", "--app", app)).get("servingPorts")) {
            assertEquals("1.0", CliApps.version(port.asInt()));
        }
    }

    @Test
    public void swarmTemplatesInEnvReachTheServiceSpecUnchanged() throws IOException {
        assertEquals(0, deploy(SwarmFixture.images().v1(), "--env", "NODE={{.Node.Hostname}}-{{.Task.Slot}}",
                "--env", "GREETING=a=b").exit());

        String env = SwarmFixture.swarmCli(swarm, "service", "inspect", "--format",
                "{{json .Spec.TaskTemplate.ContainerSpec.Env}}", app);
        assertTrue(env, env.contains("\"NODE={{.Node.Hostname}}-{{.Task.Slot}}\""));
        assertTrue(env, env.contains("\"GREETING=a=b\""));
    }

    @Test
    public void verifyOnSwarmProbesTheServingTasks() {
        assertEquals(0, deploy(SwarmFixture.images().v1()).exit());

        CliRun verify = run("verify", "--app", app, "--http", "{endpoint}/version");

        assertEquals(verify.err(), 0, verify.exit());
        assertTrue(verify.out(), json(verify).get("verification").get("passed").asBoolean());
        JsonNode targets = json(verify).get("verification").get("checks").get(0).get("evidence").get("targets");
        assertEquals(targets.toString(), 2, targets.size());
    }

    @Test
    public void blueGreenOnSwarmIsAUsageErrorFromTheCore() {
        assertUsage("--strategy: blueGreen is not supported on swarm yet; use rolling",
                "--strategy", "blue-green");
    }

    @Test
    public void canaryOnSwarmIsAUsageError() {
        assertUsage("--strategy: canary is not supported on swarm yet; use rolling", "--strategy", "canary",
                "--router", "haproxy", "--router-socket", "/dev/null", "--router-frontend-port", "38999");
    }

    @Test
    public void aBridgeNetworkOnSwarmIsAUsageErrorFromTheCore() {
        assertUsage("--network: 'rollout-net' is not supported on swarm yet; tasks use the host network and"
                + " bind 127.0.0.1:$PORT", "--network", "rollout-net", "--container-port", "8080");
    }

    @Test
    public void aRouterOnSwarmIsAUsageError() {
        assertUsage("--router: a router is not supported with --target swarm yet; drop --router",
                "--router", "haproxy", "--router-socket", "/dev/null");
    }

    @Test
    public void verifyHealthOnSwarmIsAUsageError() {
        CliRun r = run("verify", "--app", app, "--health");

        assertEquals(r.err(), 2, r.exit());
        assertEquals("container-rollout verify: --health: not supported with --target swarm yet; probe the serving"
                + " tasks with --http, or read 'status' for the tasks' health (try 'container-rollout verify --help')",
                CliApps.lastErrLine(r));
    }

    @Test
    public void verifyExecOnSwarmIsAUsageError() {
        CliRun r = run("verify", "--app", app, "--http", "{endpoint}/version", "--exec", "true");

        assertEquals(r.err(), 2, r.exit());
        assertEquals("container-rollout verify: --exec: not supported with --target swarm yet; probe the serving"
                + " tasks with --http, or read 'status' for the tasks' health (try 'container-rollout verify --help')",
                CliApps.lastErrLine(r));
    }

    @Test
    public void anUnknownTargetIsAUsageError() {
        CliRun r = CliRun.of(env(), "", "status", "--app", app, "--target", "k8s");

        assertEquals(r.err(), 2, r.exit());
        assertEquals("container-rollout status: --target: unknown target 'k8s'; use docker or swarm (try"
                + " 'container-rollout status --help')", CliApps.lastErrLine(r));
    }

    private void assertUsage(String expected, String... more) {
        CliRun r = run(args(new String[] {"deploy", "--app", app, "--image", SwarmFixture.images().v1(),
            "--port-base", String.valueOf(base)}, more));

        assertEquals(r.err(), 2, r.exit());
        assertEquals("container-rollout deploy: " + expected + " (try 'container-rollout deploy --help')",
                CliApps.lastErrLine(r));
        assertTrue("nothing was created",
                SwarmFixture.swarmCli(swarm, "service", "ls", "-q", "--filter", "name=" + app).isBlank());
    }

    private CliRun deploy(String image, String... more) {
        return run(args(args(new String[] {"deploy", "--app", app, "--image", image, "--replicas", "2", "--port-base",
            String.valueOf(base), "--max-surge", "1", "--max-unavailable", "0", "--progress-deadline", "60",
            "--stop-timeout", "1", "--health-path", "/cgi-bin/health"}, timings()), more));
    }

    /** The fixture's fast probe timings: a bad task fails within about 2 s (rollback takes the recorded path). */
    private static String[] timings() {
        return new String[] {"--probe-interval", "300", "--probe-timeout", "1000",
            "--failure-threshold", "2", "--startup-timeout", "1"};
    }

    private CliRun run(String... args) {
        return CliRun.of(env(), "", args(args, "--target", "swarm"));
    }

    /** The swarm manager as DOCKER_HOST, as a user points the CLI at a manager. */
    private Map<String, String> env() {
        return Map.of("DOCKER_HOST", swarm.uri());
    }
}
