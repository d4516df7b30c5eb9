package io.jenkins.plugins.containerrollout.cli;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

/** Top-level behaviour of the CLI: help, usage errors and their exit codes, without touching an engine. */
public class MainTest {
    @Test
    public void topLevelHelpListsTheCommands() {
        CliRun run = CliRun.of("--help");
        assertEquals(0, run.exit());
        assertTrue(run.out(), run.out().startsWith("usage: container-rollout <command> [options]"));
        assertTrue(run.out(), run.out().matches("(?s).*\\n  build +Build an image.*"));
        for (String name : new String[] {"deploy", "rollback", "status", "history", "verify", "report"}) {
            assertTrue(name, run.out().matches("(?s).*\\n  " + name + " +[A-Z].*"));
        }
    }

    @Test
    public void everySubcommandHasHelp() {
        for (Command c : Main.COMMANDS) {
            CliRun run = CliRun.of(c.name(), "--help");
            assertEquals(c.name(), 0, run.exit());
            assertTrue(run.out(), run.out().startsWith("usage: container-rollout " + c.name()));
            assertEquals("", run.err());
        }
    }

    @Test
    public void buildHelpShowsItsOptionsButNoPasswordArgument() {
        String help = CliRun.of("build", "--help").out();
        assertTrue(help, help.startsWith("usage: container-rollout build --context DIR --tag NAME:TAG [options]"));
        for (String option : new String[] {"--dockerfile PATH", "--build-arg K=V", "--target STAGE", "--label K=V", "--version V",
                "--no-cache", "--pull", "--push", "--registry-username USER", "--password-stdin", "--docker-host URI", "--timeout SECONDS"}) {
            assertTrue(option, help.contains(option));
        }
        assertFalse(help, help.contains("--registry-password"));
    }

    @Test
    public void noCommandIsAUsageError() {
        CliRun run = CliRun.of();
        assertEquals(2, run.exit());
        assertEquals("container-rollout: no command given (try 'container-rollout --help')\n", run.err());
    }

    @Test
    public void anUnknownCommandIsAUsageError() {
        CliRun run = CliRun.of("bulid");
        assertEquals(2, run.exit());
        assertEquals("container-rollout: unknown command \"bulid\" (try 'container-rollout --help')\n", run.err());
    }

    @Test
    public void aMissingRequiredOptionIsOneLineWithAHint() {
        CliRun run = CliRun.of("build", "--tag", "app:1");
        assertEquals(2, run.exit());
        assertEquals("container-rollout build: missing --context DIR (try 'container-rollout build --help')\n", run.err());
        assertEquals("", run.out());
    }

    @Test
    public void aPasswordArgumentIsRefused() {
        CliRun run = CliRun.of("build", "--context", ".", "--tag", "a:1", "--registry-password", "hunter2");
        assertEquals(2, run.exit());
        assertTrue(run.err(), run.err().startsWith("container-rollout build: --registry-password is not accepted:"));
        assertTrue(run.err(), run.err().contains("REGISTRY_PASSWORD or use --password-stdin"));
    }

    @Test
    public void aBadTagIsAUsageErrorNamingIt() {
        CliRun run = CliRun.of("build", "--context", ".", "--tag", "ok:1", "--tag", "Not OK:1");
        assertEquals(2, run.exit());
        assertTrue(run.err(), run.err().startsWith("container-rollout build: invalid image tag \"Not OK:1\""));
    }

    @Test
    public void aUsernameWithoutPasswordIsAUsageError() {
        CliRun run = CliRun.of("build", "--context", ".", "--tag", "a:1", "--registry-username", "ci");
        assertEquals(2, run.exit());
        assertTrue(run.err(), run.err().contains("--registry-username needs a password"));
    }
}
