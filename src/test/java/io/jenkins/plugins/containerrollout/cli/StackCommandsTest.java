package io.jenkins.plugins.containerrollout.cli;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

/** The stack forms of deploy and rollback are chosen by --compose / --project and have their own options. */
public class StackCommandsTest {
    @Test
    public void deployWithComposeShowsTheStackOptions() {
        CliRun help = CliRun.of("deploy", "--compose", "x.yaml", "--help");
        assertEquals(0, help.exit());
        assertTrue(help.out(), help.out().startsWith("usage: container-rollout deploy --compose FILE [options]"));
        assertTrue(help.out(), help.out().contains("--image SERVICE=IMAGE"));
    }

    @Test
    public void rollbackWithProjectNeedsNoApp() {
        CliRun help = CliRun.of("rollback", "--project", "shop", "--help");
        assertTrue(help.out(), help.out().startsWith("usage: container-rollout rollback --project NAME [options]"));
    }

    @Test
    public void singleAppOptionsAreUnknownInTheStackForm() {
        CliRun run = CliRun.of("deploy", "--compose", "x.yaml", "--app", "web");
        assertEquals(2, run.exit());
        assertTrue(run.err(), run.err().contains("unknown option --app"));
    }

    @Test
    public void aMissingComposeFileIsAUsageErrorNamingTheOption() {
        CliRun run = CliRun.of("deploy", "--compose", "/nonexistent/compose.yaml", "--project", "shop");
        assertEquals(run.err(), 2, run.exit());
        assertTrue(run.err(), run.err().startsWith("container-rollout deploy: --compose: "));
    }
}
