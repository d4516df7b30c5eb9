package io.jenkins.plugins.containerrollout.cli;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.containerrollout.core.deploy.AppLabels;
import io.jenkins.plugins.containerrollout.testing.AppImages;
import io.jenkins.plugins.containerrollout.testing.Loopback;
import io.jenkins.plugins.containerrollout.testing.StackFixture;
import io.jenkins.plugins.containerrollout.testing.TestBed;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.After;
import org.junit.Test;

/** {@code deploy --compose} and {@code rollback --project} through the CLI, on the real engine. */
public class StackCommandsEngineTest {
    private static final String[] FAST = {"--health-path", "/cgi-bin/health", "--probe-interval", "200",
        "--probe-timeout", "2000", "--startup-timeout", "20"};
    private final StackFixture f = new StackFixture("stcli");

    @After
    public void cleanup() {
        f.cleanup();
    }

    private CliRun deploy(Path file, String... more) {
        return CliRun.of(CliApps.env(), "", CliApps.args(CliApps.args(new String[] {"deploy", "--compose",
            file.toString(), "--project", f.project}, FAST), more));
    }

    /** What the service's serving replicas answer on /version (the port moves between base and base + 1). */
    private String serves(String service) {
        CliRun status = CliRun.of(CliApps.env(), "", "status", "--app", f.app(service));
        List<String> versions = new java.util.ArrayList<>();
        CliApps.json(status).get("servingPorts").forEach(p -> versions.add(Loopback.version(p.asInt())));
        return versions.stream().distinct().toList().toString();
    }

    @Test
    public void rollbackProjectToRevisionOneRestoresEveryServiceAfterThreeStackRevisions() throws Exception {
        String worker = StackFixture.worker();
        Path file = f.write("unused-web", "unused-api", worker); // --image wins over the file's image:
        String web1 = AppImages.app("web1", true);
        String api1 = AppImages.app("api1", true);
        CliRun r1 = deploy(file, "--image", "web=" + web1, "--image", "api=" + api1);
        assertEquals(r1.err(), 0, r1.exit());
        CliRun r2 = deploy(file, "--image", "web=" + web1, "--image", "api=" + AppImages.app("api2", true));
        assertEquals(r2.err(), 0, r2.exit());
        CliRun r3 = deploy(file, "--image", "web=" + AppImages.app("web3", true), "--image",
                "api=" + AppImages.app("api3", true));
        assertEquals(r3.err(), 0, r3.exit());
        JsonNode third = CliApps.json(r3);
        assertEquals(3, third.get("servingRevision").asInt());
        assertEquals("[web3]", serves("web"));
        assertEquals("[api3]", serves("api"));

        CliRun back = CliRun.of(CliApps.env(), "", "rollback", "--project", f.project, "--to-revision", "1",
                "--probe-interval", "200");

        assertEquals(back.err(), 0, back.exit());
        JsonNode result = CliApps.json(back);
        assertEquals("SUCCEEDED", result.get("outcome").asText());
        assertEquals(4, result.get("servingRevision").asInt());
        assertEquals("dependents first; the worker was already on its revision",
                List.of(f.app("web"), f.app("api")), names(result));
        assertEquals("[web1]", serves("web"));
        assertEquals("[api1]", serves("api"));
        assertEquals(1, CliApps.json(CliRun.of(CliApps.env(), "", "status", "--app", f.app("worker")))
                .get("readyReplicas").asInt());
    }

    @Test
    public void theStrategyOptionsRollOutEveryServiceWithoutItsOwn() throws Exception {
        Path file = f.write(AppImages.app("web1", true), AppImages.app("api1", true), StackFixture.worker());
        Files.writeString(file, Files.readString(file).replace("\n  api:\n",
                "\n  api:\n    x-rollout: {strategy: rolling, maxSurge: 1}\n"));

        CliRun run = deploy(file, "--strategy", "recreate", "--progress-deadline", "45");

        assertEquals(run.err(), 0, run.exit());
        java.util.Map<String, String> strategies = new java.util.TreeMap<>();
        CliApps.json(run).get("services").forEach(r -> strategies.put(r.get("app").asText(),
                r.get("strategy").asText() + " " + r.get("settings").get("progressDeadlineSeconds").asText()));
        assertEquals(java.util.Map.of(f.app("api"), "rolling 600", f.app("web"), "recreate 45", f.app("worker"),
                "recreate 45"), strategies);
    }

    @Test
    public void anUnsupportedKeyIsAUsageErrorNamingItAndNothingIsDeployed() throws Exception {
        Path file = f.write(AppImages.app("web1", true), AppImages.app("api1", true), StackFixture.worker());
        Files.writeString(file, Files.readString(file).replace("\n  api:\n", "\n  api:\n    privileged: true\n"));

        CliRun run = deploy(file);

        assertEquals(run.err(), 2, run.exit());
        assertTrue(run.err(), run.err().contains("--compose: ") && run.err().contains("services.api.privileged is not supported"));
        assertEquals("nothing deployed", "", TestBed.docker("ps", "-aq", "--filter", "label=" + AppLabels.APP + "="
                + f.app("api")).trim());
    }

    @Test
    public void aComposeHealthcheckIsWhatGatesItsServiceAndAFailingOneStopsTheStack() throws Exception {
        Path file = f.write(AppImages.app("web1", true), AppImages.app("api1", true), StackFixture.worker());
        Files.writeString(file, Files.readString(file).replace("\n  api:\n",
                "\n  api:\n    healthcheck: {test: [\"CMD\", \"false\"], interval: 300ms, retries: 1}\n"));

        CliRun run = deploy(file);

        assertEquals(run.err(), 1, run.exit());
        JsonNode result = CliApps.json(run);
        assertEquals("a first stack deploy whose service fails is taken back whole", "ROLLED_BACK",
                result.get("outcome").asText());
        assertTrue("the api's own check failed it (its HTTP health path is fine): " + run.out(),
                run.out().contains("HEALTHCHECK unhealthy"));
        assertEquals("web, which needs api healthy, was not deployed", "", TestBed.docker("ps", "-aq", "--filter",
                "label=" + AppLabels.APP + "=" + f.app("web")).trim());
    }

    private static List<String> names(JsonNode result) {
        List<String> out = new java.util.ArrayList<>();
        result.get("services").forEach(r -> out.add(r.get("app").asText()));
        return out;
    }
}
