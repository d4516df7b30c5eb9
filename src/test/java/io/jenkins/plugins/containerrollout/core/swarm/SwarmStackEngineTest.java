package io.jenkins.plugins.containerrollout.core.swarm;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.containerrollout.core.compose.ComposeException;
import io.jenkins.plugins.containerrollout.core.compose.ComposeLoader;
import io.jenkins.plugins.containerrollout.core.compose.StackDeployer;
import io.jenkins.plugins.containerrollout.core.compose.StackResult;
import io.jenkins.plugins.containerrollout.core.deploy.AppLabels;
import io.jenkins.plugins.containerrollout.core.deploy.RevisionInfo;
import io.jenkins.plugins.containerrollout.core.deploy.StackRevision;
import io.jenkins.plugins.containerrollout.core.engine.DockerHost;
import io.jenkins.plugins.containerrollout.core.record.Outcome;
import io.jenkins.plugins.containerrollout.testing.StackFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.After;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * The test bed's three-service Compose file ({@link StackFixture}) deployed as one stack on the swarm: each service a
 * Swarm service with the project's label and the file's update config, an unchanged service left alone, a failed
 * service rolling the stack back, and a rollback of the whole stack to a kept stack revision (kept as Swarm configs).
 * One task per service: Swarm is slow to converge.
 */
public class SwarmStackEngineTest {
    private static DockerHost host;
    private static SwarmFixture.Images images;
    private static String worker;

    private final SwarmDeployer swarm = new SwarmDeployer(host, null);
    private final StackDeployer stack = new StackDeployer(swarm, host, SwarmFixture.probe());
    private final StackFixture f = new StackFixture("swst");

    @BeforeClass
    public static void imagesOnTheRegistry() throws IOException {
        host = SwarmFixture.host();
        images = SwarmFixture.images();
        worker = SwarmFixture.worker();
    }

    @After
    public void cleanup() throws InterruptedException {
        SwarmFixture.removeStack(host, f);
        swarm.close();
    }

    /**
     * The fixture's file with two additions: the api's {@code update_config} (stop-first, 1 s apart), which its Swarm
     * service must carry; the web's {@code x-rollout} with a short progress deadline, so a bad web fails fast.
     */
    private StackResult deploy(String web, String api) throws Exception {
        Path file = f.write(web, api, worker);
        Files.writeString(file, Files.readString(file)
                .replace("\n  api:\n", "\n  api:\n    deploy: {update_config: {order: stop-first, delay: 1s}}\n")
                .replace("\n  web:\n", "\n  web:\n    x-rollout: {progressDeadlineSeconds: 60}\n"));
        return stack.deploy(ComposeLoader.load(file, null, Map.of(), Map.of()), SwarmFixture.SINK);
    }

    private JsonNode inspect(String service) throws IOException {
        return new ObjectMapper().readTree(SwarmFixture.swarmCli(host, "service", "inspect", f.app(service))).get(0);
    }

    /** What the service's serving task answers on /version (1 task each). */
    private String serves(String service) {
        List<String> versions = swarm.status(f.app(service)).servingPorts().stream().map(SwarmFixture::version)
                .distinct().toList();
        return versions.size() == 1 ? versions.get(0) : versions.toString();
    }

    @Test
    public void eachServiceIsASwarmServiceOfTheProjectAndOnlyTheChangedOneUpdates() throws Exception {
        StackResult first = deploy(images.v1(), images.v1());
        assertEquals(first.message(), Outcome.SUCCEEDED, first.outcome());
        assertEquals(1, first.servingRevision());
        assertEquals("the project's label lists the stack", List.of(f.app("api"), f.app("web"), f.app("worker")),
                SwarmFixture.swarmCli(host, "service", "ls", "--filter", "label=" + AppLabels.PROJECT + "="
                        + f.project, "--format", "{{.Name}}").lines().sorted().toList());
        JsonNode apiUpdate = inspect("api").path("Spec").path("UpdateConfig");
        assertEquals("the file's update_config", "stop-first", apiUpdate.path("Order").asText());
        assertEquals(1_000_000_000L, apiUpdate.path("Delay").asLong());
        assertEquals("no update_config: rolling 25 %, start-first", "start-first",
                inspect("web").path("Spec").path("UpdateConfig").path("Order").asText());
        long web = inspect("web").path("Version").path("Index").asLong();
        long workerVersion = inspect("worker").path("Version").path("Index").asLong();
        long api = inspect("api").path("Version").path("Index").asLong();

        StackResult second = deploy(images.v1(), images.v2());

        assertEquals(second.message(), Outcome.SUCCEEDED, second.outcome());
        assertEquals(2, second.servingRevision());
        assertEquals("2.0", serves("api"));
        assertEquals("1.0", serves("web"));
        assertEquals("web left alone", web, inspect("web").path("Version").path("Index").asLong());
        assertEquals("worker left alone", workerVersion, inspect("worker").path("Version").path("Index").asLong());
        assertNotEquals("api updated", api, inspect("api").path("Version").path("Index").asLong());
        try (SwarmDeployer later = new SwarmDeployer(host, null)) { // another process reads the engine alone
            List<StackRevision> history = later.stackHistory(f.project);
            assertEquals(2, history.size());
            assertEquals(1, history.get(0).service("api").revision());
            assertEquals(2, history.get(1).service("api").revision());
            assertEquals(1, history.get(1).service("web").revision());
        }
        assertEquals("kept as Swarm configs", List.of(f.project + ".stack1", f.project + ".stack2"),
                SwarmFixture.swarmCli(host, "config", "ls", "--filter", "label=" + AppLabels.PROJECT + "="
                        + f.project, "--format", "{{.Name}}").lines().sorted().toList());

        StackResult same = deploy(images.v1(), images.v2());
        assertEquals(same.message(), 2, same.servingRevision());
        assertEquals("an unchanged stack records no revision", 2, swarm.stackHistory(f.project).size());
    }

    @Test
    public void aFailingSecondServiceRollsTheFirstBackAndTheStackServesThePreviousRevision() throws Exception {
        StackResult first = deploy(images.v1(), images.v1());
        assertEquals(first.message(), Outcome.SUCCEEDED, first.outcome());

        // api (first in order) updates to 2.0 and passes; web's new image fails its health check
        StackResult failed = deploy(images.bad(), images.v2());

        assertEquals(failed.message(), Outcome.ROLLED_BACK, failed.outcome());
        assertEquals(1, failed.servingRevision());
        assertTrue(failed.message(), failed.message().contains(f.app("api") + " rolled back to revision 1"));
        assertEquals("the stack serves the previous revision entirely", "1.0", serves("api"));
        assertEquals("1.0", serves("web"));
        assertEquals(1, swarm.status(f.app("api")).stableRevision());
        assertEquals(1, swarm.stackHistory(f.project).size());
    }

    @Test
    public void rollbackToStackRevisionOneRestoresEveryServicesImage() throws Exception {
        assertEquals(Outcome.SUCCEEDED, deploy(images.v1(), images.v1()).outcome());
        assertEquals(Outcome.SUCCEEDED, deploy(images.v1(), images.v2()).outcome());
        StackResult third = deploy(images.v2(), images.v3());
        assertEquals(third.message(), 3, third.servingRevision());
        assertEquals("3.0", serves("api"));
        assertEquals("2.0", serves("web"));

        StackResult back = stack.rollback(f.project, 1, SwarmFixture.SINK);

        assertEquals(back.message(), Outcome.SUCCEEDED, back.outcome());
        assertEquals("recorded as a new stack revision", 4, back.servingRevision());
        assertEquals("1.0", serves("api"));
        assertEquals("1.0", serves("web"));
        assertEquals(1, swarm.status(f.app("api")).stableRevision());
        assertEquals(1, swarm.status(f.app("web")).stableRevision());
        for (String service : List.of("web", "api")) {
            assertEquals(service, List.of(images.v1()), swarm.history(f.app(service)).stream()
                    .filter(RevisionInfo::current).map(RevisionInfo::image).toList());
        }
    }

    @Test
    public void keepsTheLastTwentyStackRevisionsAsConfigs() {
        // the store alone: revisions naming an app that does not run are kept all the same
        for (int n = 1; n <= StackRevision.KEPT + 2; n++) {
            swarm.recordStack(new StackRevision(f.project, n, List.of(new StackRevision.Service("api", f.app("api"),
                    n, 30000)), n));
        }
        List<StackRevision> kept = swarm.stackHistory(f.project);
        assertEquals(StackRevision.KEPT, kept.size());
        assertEquals("oldest first, the oldest two pruned", 3, kept.get(0).number());
        assertEquals(StackRevision.KEPT + 2, kept.get(kept.size() - 1).service("api").revision());
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class, () -> swarm.recordStack(
                kept.get(kept.size() - 1)));
        assertTrue(twice.getMessage(), twice.getMessage().contains("was recorded by another deploy at the same time"));
    }

    @Test
    public void blueGreenCanaryOrAnAnonymousVolumeIsRefusedNamingTheServiceAndKeyBeforeAnythingRuns() throws Exception {
        for (String strategy : List.of("blueGreen", "canary")) {
            Path file = f.write(images.v1(), images.v1(), worker);
            Files.writeString(file, Files.readString(file).replace("\n  web:\n", "\n  web:\n    x-rollout: {strategy: "
                    + strategy + "}\n"));
            ComposeException e = assertThrows(ComposeException.class, () -> stack.deploy(
                    ComposeLoader.load(file, null, Map.of(), Map.of()), SwarmFixture.SINK));
            assertTrue(e.getMessage(), e.getMessage().startsWith("services.web.x-rollout.strategy " + strategy
                    + " is not supported on swarm"));
            assertTrue("nothing deployed", swarm.status(f.app("api")).servingPorts().isEmpty());
        }
        Path file = f.write(images.v1(), images.v1(), worker);
        Files.writeString(file, Files.readString(file).replace("\n  worker:\n", "\n  worker:\n    volumes: [/data]\n"));
        ComposeException anonymous = assertThrows(ComposeException.class, () -> stack.deploy(
                ComposeLoader.load(file, null, Map.of(), Map.of()), SwarmFixture.SINK));
        assertTrue(anonymous.getMessage(), anonymous.getMessage().startsWith("services.worker.volumes '/data' is not"
                + " SOURCE:TARGET[:ro]; a swarm service mounts named volumes and binds"));
        assertTrue("nothing deployed", swarm.status(f.app("api")).servingPorts().isEmpty());
    }
}
