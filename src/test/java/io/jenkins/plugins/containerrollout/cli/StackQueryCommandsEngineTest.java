package io.jenkins.plugins.containerrollout.cli;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.containerrollout.testing.AppImages;
import io.jenkins.plugins.containerrollout.testing.StackFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.After;
import org.junit.Test;

/** {@code status --project} and {@code history --project} read a real stack's revisions from the engine. */
public class StackQueryCommandsEngineTest {
    private static final String[] FAST = {"--health-path", "/cgi-bin/health", "--probe-interval", "200",
        "--probe-timeout", "2000", "--startup-timeout", "20"};
    private final StackFixture f = new StackFixture("stq");

    @After
    public void cleanup() {
        f.cleanup();
    }

    private void deploy(Path file, String web, String api, String... more) {
        CliRun run = CliRun.of(CliApps.env(), "", CliApps.args(CliApps.args(CliApps.args(new String[] {"deploy",
            "--compose", file.toString(), "--project", f.project}, FAST), "--image", "web=" + web, "--image",
            "api=" + api), more));
        assertEquals(run.err(), 0, run.exit());
    }

    @Test
    public void historyAndStatusShowTwoDeploysAndARollbackNewestLast() throws Exception {
        Path file = f.write("unused-web", "unused-api", StackFixture.worker());
        String web1 = AppImages.app("web1", true);
        Path dir = Files.createTempDirectory("stq");
        Path report = dir.resolve("report.html");
        deploy(file, web1, AppImages.app("api1", true), "--run-file", dir.resolve("run.jsonl").toString(),
                "--report", report.toString());
        String html = Files.readString(report);
        assertTrue(html, html.contains(">Stack deploy of " + f.project + ": stack revision none \u2192 1</h2>"));
        assertTrue("the first deploy ran every service, api first", html.indexOf("<h3>Service api</h3>") > 0
                && html.indexOf("<h3>Service web</h3>") > html.indexOf("<h3>Service api</h3>")
                && html.contains("<h3>Service worker</h3>"));
        deploy(file, web1, AppImages.app("api2", true));
        CliRun back = CliRun.of(CliApps.env(), "", "rollback", "--project", f.project, "--probe-interval", "200");
        assertEquals(back.err(), 0, back.exit());

        JsonNode history = CliApps.json(CliRun.of(CliApps.env(), "", "history", "--project", f.project));
        assertEquals(f.project, history.get("project").asText());
        JsonNode revs = history.get("revisions");
        assertEquals(history.toString(), 3, revs.size());
        assertEquals(List.of("1 deploy 0 false", "2 deploy 0 false", "3 rollback 1 true"), summaries(revs));
        assertEquals(f.app("api") + "@1", revs.get(0).get("services").get("api").asText());
        assertEquals(f.app("api") + "@2", revs.get(1).get("services").get("api").asText());
        assertEquals("the rollback restored the api's first app revision", f.app("api") + "@1",
                revs.get(2).get("services").get("api").asText());
        assertEquals("web was not changed by the second deploy", f.app("web") + "@1",
                revs.get(1).get("services").get("web").asText());
        assertTrue(revs.get(2).get("createdMillis").asLong() >= revs.get(1).get("createdMillis").asLong());

        JsonNode status = CliApps.json(CliRun.of(CliApps.env(), "", "status", "--project", f.project));
        assertEquals(3, status.get("revision").asInt());
        assertTrue(status.toString(), status.get("settled").asBoolean());
        List<String> order = new ArrayList<>();
        status.get("services").forEach(s -> order.add(s.get("service").asText()));
        assertEquals("dependency order, as the stack revision keeps it", List.of("api"), order.subList(0, 1));
        assertEquals(List.of("api", "web", "worker"), order.stream().sorted().toList());
        List<String> historyOrder = new ArrayList<>();
        revs.get(2).get("services").fieldNames().forEachRemaining(historyOrder::add);
        assertEquals(historyOrder, order);
        JsonNode api = status.get("services").get(0);
        assertEquals(f.app("api"), api.get("app").asText());
        assertEquals(1, api.get("revision").asInt());
        assertEquals("COMPLETE", api.get("phase").asText());
        assertEquals(1, api.get("ready").asInt());
        assertEquals(1, api.get("desired").asInt());
        // one replica, on the published port or the one beside it (a rollout moves it between base and base + 1)
        assertEquals(api.toString(), 1, api.get("servingPorts").size());
        int port = api.get("servingPorts").get(0).asInt();
        assertTrue(api.toString(), port == f.apiPort || port == f.apiPort + 1);
    }

    @Test
    public void anUnknownProjectIsAUsageErrorNamingTheOption() {
        CliRun run = CliRun.of(CliApps.env(), "", "history", "--project", f.project);
        assertEquals(run.err(), 2, run.exit());
        assertTrue(run.err(), run.err().contains("--project: '" + f.project + "' has no recorded stack revisions"));
        assertFalse(run.err(), run.err().contains("Exception"));
    }

    private static List<String> summaries(JsonNode revs) {
        List<String> out = new ArrayList<>();
        revs.forEach(r -> out.add(r.get("number").asInt() + " " + r.get("made").asText() + " "
                + r.get("restores").asInt() + " " + r.get("current").asBoolean()));
        return out;
    }
}
