package io.jenkins.plugins.containerrollout.core.swarm;

import static io.jenkins.plugins.containerrollout.core.swarm.SwarmFixture.assertServes;
import static org.junit.Assert.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.containerrollout.core.deploy.AppLabels;
import io.jenkins.plugins.containerrollout.core.deploy.docker.DockerDeployer;
import io.jenkins.plugins.containerrollout.core.engine.DockerHost;
import io.jenkins.plugins.containerrollout.core.health.ProbeSettings;
import io.jenkins.plugins.containerrollout.core.record.Outcome;
import io.jenkins.plugins.containerrollout.core.record.RolloutRecord;
import io.jenkins.plugins.containerrollout.testing.Loopback;
import io.jenkins.plugins.containerrollout.testing.TestBed;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.Test;

/**
 * One image, one contract on both targets (DESIGN §9): {@code PORT} is in the task's own environment, so an image's
 * HEALTHCHECK that probes {@code $PORT} passes on Swarm as it does on a Docker host, and an image without
 * {@code /bin/sh} runs (nothing wraps its process any more).
 */
public class SwarmPortContractEngineTest extends SwarmTestBase {
    @Override
    protected int firstPort() {
        return 37600;
    }

    @Test
    public void anImageWhoseHealthcheckProbesPortIsHealthyOnSwarmAsOnADockerHost() throws Exception {
        String image = ShellessImages.withHealthcheck();

        // the request's probe path (/cgi-bin/health) is not served: the image's own HEALTHCHECK decides, as on a host
        RolloutRecord onSwarm = deploy(image);
        assertEquals(onSwarm.message(), Outcome.SUCCEEDED, onSwarm.outcome());
        assertServes(swarm, app, 2, ShellessImages.VERSION);
        List<JsonNode> containers = containers(host, app);
        assertEquals(2, containers.size());
        List<Integer> ports = new ArrayList<>();
        for (JsonNode c : containers) {
            assertEquals(c.path("Name").asText(), "healthy", c.path("State").path("Health").path("Status").asText());
            ports.add(Integer.parseInt(env(c, "PORT")));
        }
        ports.sort(null);
        assertEquals("PORT in each task's environment is the port it serves on", swarm.status(app).servingPorts(), ports);

        String onHost = TestBed.unique("host-contract");
        int base = Loopback.freeBase(onHost, 37700, 37799, 2);
        try (DockerDeployer docker = new DockerDeployer(TestBed.host())) {
            // the host's gate waits startupTimeout for the first HEALTHCHECK result (the image checks every second)
            RolloutRecord r = docker.deploy(SwarmFixture.request(TestBed.host(), onHost, image, 2, base).withProbe(
                    new ProbeSettings("/cgi-bin/health", Duration.ofMillis(200), Duration.ofSeconds(2), 1, 3,
                            Duration.ofSeconds(20))), SwarmFixture.SINK);
            assertEquals(r.message(), Outcome.SUCCEEDED, r.outcome());
            assertEquals(ShellessImages.VERSION, Loopback.version(base));
        } finally {
            TestBed.removeApp(onHost);
        }
    }

    @Test
    public void eachTaskGetsItsSlotsPortInItsEnvironmentAcrossAnUpdate() throws Exception {
        deploy(images.v1());
        RolloutRecord r = deploy(images.v2());
        assertEquals(r.message(), Outcome.SUCCEEDED, r.outcome());

        // a new revision flips the bank: slot k of revision 1 served on portBase + 2(k-1), of revision 2 one above
        List<Integer> ports = new ArrayList<>();
        for (JsonNode c : containers(host, app)) {
            if (c.path("Config").path("Labels").path(AppLabels.REVISION).asText().equals("2")) {
                ports.add(Integer.parseInt(env(c, "PORT")));
            }
        }
        ports.sort(null);
        assertEquals(List.of(portBase() + 1, portBase() + 3), ports);
        assertEquals(ports, swarm.status(app).servingPorts());
        assertServes(swarm, app, 2, "2.0");
    }

    /** {@code docker inspect} of every container of {@code app} on the swarm node. */
    static List<JsonNode> containers(DockerHost host, String app) throws Exception {
        String ids = SwarmFixture.swarmCli(host, "ps", "-q", "--filter", "label=" + AppLabels.APP + "=" + app).trim();
        List<String> args = new ArrayList<>(List.of("inspect"));
        args.addAll(List.of(ids.split("\\s+")));
        List<JsonNode> out = new ArrayList<>();
        new ObjectMapper().readTree(SwarmFixture.swarmCli(host, args.toArray(String[]::new))).forEach(out::add);
        return out;
    }

    private static String env(JsonNode container, String name) {
        for (JsonNode e : container.path("Config").path("Env")) {
            if (e.asText().startsWith(name + "=")) {
                return e.asText().substring(name.length() + 1);
            }
        }
        throw new AssertionError(container.path("Name").asText() + " has no " + name + " in its environment: "
                + container.path("Config").path("Env"));
    }
}
