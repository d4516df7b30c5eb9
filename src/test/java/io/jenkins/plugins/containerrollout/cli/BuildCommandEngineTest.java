package io.jenkins.plugins.containerrollout.cli;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.containerrollout.core.engine.TestCommands;
import io.jenkins.plugins.containerrollout.core.report.ReportEntry;
import io.jenkins.plugins.containerrollout.testing.TestBed;
import io.jenkins.plugins.containerrollout.testing.TestImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/** {@code container-rollout build} in-process against the real engine and registries. */
public class BuildCommandEngineTest {
    private Path ctx;
    private String name;

    @Before
    public void appContext() throws Exception {
        ctx = TestImages.appContext(Files.createTempDirectory("bld-cli"), "1.0", true);
        name = TestBed.unique("bld-cli");
    }

    @After
    public void cleanUp() {
        TestBed.dockerResult("rmi", "-f", name + ":1", TestBed.registry() + "/" + name + ":1", TestBed.authRegistry() + "/" + name + ":1");
        TestBed.run(List.of("rm", "-rf", ctx.toString()), Path.of("/"));
    }

    @Test
    public void printsTheResultAsOneJsonObjectAndProgressOnStderr() throws Exception {
        CliRun run = CliRun.of(env(), "", "build", "--context", ctx.toString(), "--tag", name + ":1", "--label", "team=cli",
                "--version", "1.0", "--build-arg", "UNUSED=x");
        assertEquals(run.err(), 0, run.exit());
        assertEquals(run.out(), 1, run.out().lines().count());
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertEquals(TestBed.docker("inspect", "--format", "{{.Id}}", name + ":1").trim(), json.get("imageId").asText());
        assertEquals(name + ":1", json.get("tags").get(0).asText());
        assertEquals("cli", json.get("labels").get("team").asText());
        assertEquals("1.0", json.get("labels").get("org.opencontainers.image.version").asText());
        assertTrue(json.get("contextBytes").asLong() > 0);
        assertTrue(run.err(), run.err().contains("Step 1/"));
    }

    @Test
    public void pushesWithThePasswordFromStdin() throws Exception {
        String tag = TestBed.authRegistry() + "/" + name + ":1";
        String password = TestBed.authPassword();
        CliRun run = CliRun.of(env(), password + "\n", "build", "--context", ctx.toString(), "--tag", tag, "--push",
                "--registry-username", TestBed.authUser(), "--password-stdin");
        assertEquals(run.err(), 0, run.exit());
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertTrue(run.out(), json.get("digests").get(tag).asText().startsWith("sha256:"));
        assertFalse(run.out().contains(password));
        assertFalse(run.err().contains(password));
    }

    @Test
    public void aWrongPasswordFromTheEnvironmentFailsWithOneLine() {
        String tag = TestBed.authRegistry() + "/" + name + ":1";
        Map<String, String> env = env();
        env.put("REGISTRY_PASSWORD", "not-" + TestBed.unique("it"));
        CliRun run = CliRun.of(env, "", "build", "--context", ctx.toString(), "--tag", tag, "--push",
                "--registry-username", TestBed.authUser());
        assertEquals(1, run.exit());
        String last = run.err().lines().reduce((a, b) -> b).orElse("");
        assertTrue(last, last.startsWith("container-rollout build: push of " + tag + " refused by " + TestBed.authRegistry()
                + ": authentication failed"));
        assertEquals("", run.out());
        assertFalse(run.err().contains(env.get("REGISTRY_PASSWORD")));
    }

    @Test
    public void aMissingDockerfileFailsWithExitOne() {
        CliRun run = CliRun.of(env(), "", "build", "--context", ctx.toString(), "--dockerfile", ctx.resolve("nope").toString(),
                "--tag", name + ":1");
        assertEquals(1, run.exit());
        assertEquals("container-rollout build: Dockerfile not found: " + ctx.resolve("nope") + "\n", run.err());
    }

    @Test
    public void takesTheEngineFromDockerHostUnlessGivenExplicitly() throws Exception {
        int port = TestCommands.unusedPort();
        Map<String, String> env = env();
        env.put("DOCKER_HOST", "tcp://127.0.0.1:" + port);
        CliRun fromEnv = CliRun.of(env, "", "build", "--context", ctx.toString(), "--tag", name + ":1");
        assertEquals(1, fromEnv.exit());
        assertEquals("container-rollout build: cannot reach the Docker engine at tcp://127.0.0.1:" + port
                + ": nothing answers there (connection refused) — is dockerd running, and listening there? To use another"
                + " engine, set --docker-host or DOCKER_HOST\n", fromEnv.err());
        CliRun explicit = CliRun.of(env, "", "build", "--context", ctx.toString(), "--tag", name + ":1",
                "--docker-host", TestBed.host().uri());
        assertEquals(explicit.err(), 0, explicit.exit());
    }

    @Test
    public void aBuildAppendsItsEntryToTheRunFile() throws Exception {
        Path runFile = ctx.resolve("run.jsonl");
        CliRun run = CliRun.of(env(), "", "build", "--context", ctx.toString(), "--tag", name + ":1", "--run-file",
                runFile.toString());
        assertEquals(run.err(), 0, run.exit());
        List<ReportEntry> entries = new RunFile(runFile).read();
        assertEquals(1, entries.size());
        ReportEntry.Build build = (ReportEntry.Build) entries.get(0);
        assertEquals(name + ":1", build.title());
        assertEquals(new ObjectMapper().readTree(run.out()).get("imageId").asText(), build.result().imageId());
    }

    /** The test bed's engine, and nothing else from this JVM's environment. */
    private static Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("DOCKER_HOST", TestBed.host().uri());
        return env;
    }
}
