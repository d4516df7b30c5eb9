package io.jenkins.plugins.containerrollout.cli;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

/** {@code status} and {@code history} take exactly one of --app and --project, and a stack only on a Docker host. */
public class StackQueryCommandsTest {
    @Test
    public void bothAppAndProjectIsAUsageErrorNamingBoth() {
        for (String command : new String[] {"status", "history"}) {
            CliRun run = CliRun.of(command, "--app", "web", "--project", "shop");
            assertEquals(run.err(), 2, run.exit());
            assertTrue(run.err(), run.err().contains("--app or --project: give exactly one"));
        }
    }

    @Test
    public void neitherAppNorProjectIsAUsageErrorNamingBoth() {
        CliRun run = CliRun.of("history");
        assertEquals(run.err(), 2, run.exit());
        assertTrue(run.err(), run.err().contains("--app or --project: give exactly one (history --app NAME"));
    }

    @Test
    public void aProjectOnSwarmIsRefusedBeforeTheEngineIsAsked() {
        // no engine answers at this address: the refusal must come first, so it is not a connection error
        CliRun run = CliRun.of("status", "--project", "shop", "--target", "swarm", "--docker-host",
                "unix:///nonexistent/docker.sock");
        assertEquals(run.err(), 2, run.exit());
        assertTrue(run.err(), run.err().contains("--project: stacks are kept on a Docker host only"));
    }

    @Test
    public void logsStillNeedsApp() {
        CliRun run = CliRun.of("logs", "--project", "shop");
        assertEquals(run.err(), 2, run.exit());
        assertTrue(run.err(), run.err().contains("--project"));
    }
}
