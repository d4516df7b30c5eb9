package io.jenkins.plugins.containerrollout.cli;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

/** {@code status} and {@code history} take exactly one of --app and --project. */
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
    public void aProjectOnSwarmAsksTheSwarm() {
        // a swarm keeps stacks too (as configs): the command goes to the engine, here one that does not answer
        CliRun run = CliRun.of("status", "--project", "shop", "--target", "swarm", "--docker-host",
                "unix:///nonexistent/docker.sock");
        assertFalse(run.err(), run.err().contains("--project:"));
        assertTrue(run.err(), run.err().contains("--docker-host") && run.err().contains("/nonexistent/docker.sock"));
    }

    @Test
    public void logsStillNeedsApp() {
        CliRun run = CliRun.of("logs", "--project", "shop");
        assertEquals(run.err(), 2, run.exit());
        assertTrue(run.err(), run.err().contains("--project"));
    }
}
