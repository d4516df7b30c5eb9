package io.jenkins.plugins.containerrollout.cli;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.containerrollout.core.engine.TestCommands;
import java.util.Map;
import org.junit.Test;

/**
 * What the command line says when no engine answers at the address it tried, and its other messages that once named
 * Java types: the address, that nothing answers there and how to point at another engine (as {@code docker} says
 * "Cannot connect to the Docker daemon at ... Is the docker daemon running?"), never a Java exception name. No
 * engine is needed: the addresses are a socket that does not exist and a loopback port nothing listens on.
 */
public class UnreachableEngineTest {
    private static final String MISSING_SOCKET = "unix:///nonexistent.sock";

    private static void assertNamesAddressAndFix(CliRun run, String command, String address) {
        assertEquals(run.err(), 1, run.exit());
        assertTrue(run.err(), run.err().startsWith("container-rollout " + command + ": cannot reach the Docker engine at "
                + address + ": nothing answers there ("));
        assertTrue(run.err(), run.err().contains("set --docker-host or DOCKER_HOST"));
        assertFalse(run.err(), run.err().contains("java.") || run.err().contains("org.apache") || run.err().contains("Exception"));
    }

    @Test
    public void statusAtAMissingSocketNamesTheAddressAndTheOption() {
        assertNamesAddressAndFix(CliRun.of("status", "--app", "web", "--docker-host", MISSING_SOCKET), "status", MISSING_SOCKET);
    }

    @Test
    public void historyAtAClosedPortNamesTheAddressAndTheOption() {
        String address = "tcp://127.0.0.1:" + TestCommands.unusedPort();
        assertNamesAddressAndFix(CliRun.of("history", "--app", "web", "--docker-host", address), "history", address);
    }

    @Test
    public void deployAtAClosedPortFromDockerHostNamesThatAddress() {
        String address = "tcp://127.0.0.1:" + TestCommands.unusedPort();
        CliRun run = CliRun.of(Map.of("DOCKER_HOST", address), "", "deploy", "--app", "web", "--image", "web:1",
                "--port-base", "31000");
        assertNamesAddressAndFix(run, "deploy", address);
    }

    @Test
    public void rollbackAtAMissingSocketNamesTheAddressAndTheOption() {
        assertNamesAddressAndFix(CliRun.of("rollback", "--app", "web", "--docker-host", MISSING_SOCKET), "rollback",
                MISSING_SOCKET);
    }

    @Test
    public void buildAtAMissingSocketNamesTheAddressAndTheOption() throws Exception {
        java.nio.file.Path ctx = java.nio.file.Files.createTempDirectory("unreachable");
        java.nio.file.Files.writeString(ctx.resolve("Dockerfile"), "FROM scratch\n");
        assertNamesAddressAndFix(CliRun.of("build", "--context", ctx.toString(), "--tag", "web:1", "--docker-host",
                MISSING_SOCKET), "build", MISSING_SOCKET);
    }

    @Test
    public void swarmStatusAtAClosedPortNamesTheAddressAndTheOption() {
        String address = "tcp://127.0.0.1:" + TestCommands.unusedPort();
        assertNamesAddressAndFix(CliRun.of("status", "--app", "web", "--target", "swarm", "--docker-host", address),
                "status", address);
    }

    @Test
    public void aMissingContextDirectoryIsAUsageError() {
        CliRun run = CliRun.of("build", "--context", "/nonexistent", "--tag", "web:1");
        assertEquals(2, run.exit());
        assertEquals("container-rollout build: --context: /nonexistent is not a directory; give the directory to build"
                + " from (try 'container-rollout build --help')\n", run.err());
    }

    @Test
    public void anUnknownOptionSuggestsTheClosestOne() {
        CliRun run = CliRun.of("deploy", "--app", "web", "--image", "web:1", "--port-base", "31000", "--replcas", "2");
        assertEquals(2, run.exit());
        assertEquals("container-rollout deploy: unknown option --replcas; did you mean --replicas? (try"
                + " 'container-rollout deploy --help')\n", run.err());
        CliRun farFromAny = CliRun.of("status", "--app", "web", "--colour", "blue");
        assertEquals(2, farFromAny.exit());
        assertEquals("container-rollout status: unknown option --colour (try 'container-rollout status --help')\n",
                farFromAny.err());
    }
}
