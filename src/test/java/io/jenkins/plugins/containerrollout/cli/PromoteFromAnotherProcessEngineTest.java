package io.jenkins.plugins.containerrollout.cli;

import static io.jenkins.plugins.containerrollout.cli.CliApps.args;
import static io.jenkins.plugins.containerrollout.cli.CliApps.json;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.containerrollout.core.record.Outcome;
import io.jenkins.plugins.containerrollout.core.report.ReportEntry;
import io.jenkins.plugins.containerrollout.testing.Haproxy;
import io.jenkins.plugins.containerrollout.testing.Loopback;
import io.jenkins.plugins.containerrollout.testing.TestBed;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.After;
import org.junit.Test;

/**
 * A canary that holds at a manual step ({@code --canary-steps 20:manual}) is promoted, or aborted with
 * {@code rollback}, by another CLI process after the deploying one exited: every command here runs in a JVM of its
 * own ({@link CliProcess}), so the pause can only have been found in the engine. Behind a real HAProxy.
 */
public class PromoteFromAnotherProcessEngineTest {
    private final String app = TestBed.unique("cli-pause");
    /** Two stable replicas, the canary, a spare slot, then the frontend. */
    private final int base = CliApps.portBase(app, 5);
    private final int frontend = base + 4;
    private Path runFile;

    @After
    public void cleanUp() throws Exception {
        CliApps.cleanup(app);
        if (runFile != null) {
            Files.deleteIfExists(runFile);
        }
    }

    @Test
    public void aCanaryPausedByOneProcessIsPromotedByAnotherAndIsOneEntryOfTheRunFile() throws Exception {
        runFile = Files.createTempFile("pause-run", ".jsonl");
        try (Haproxy haproxy = Haproxy.start(app, frontend, 4)) {
            String[] router = router(haproxy);
            JsonNode paused = pausedAt20(router);

            CliRun status = cli("status", "--app", app);
            assertEquals(status.err(), 0, status.exit());
            JsonNode pause = json(status).get("pause");
            assertEquals(status.out(), 20, pause.get("weight").asInt());
            assertEquals("canary", pause.get("strategy").asText());
            assertTrue(status.out(), pause.has("pausedFor"));
            assertTrue(status.err(), status.err().contains(app + " is paused (for ") && status.err().contains("step 1 of 1"));

            CliRun promoted = cli(args(new String[] {"promote", "--app", app, "--run-file", runFile.toString()}, router));

            assertEquals(promoted.err(), 0, promoted.exit());
            JsonNode record = json(promoted);
            assertEquals("SUCCEEDED", record.get("outcome").asText());
            assertEquals("one rollout from the deploy that paused", paused.get("startedAtMillis").asLong(),
                    record.get("startedAtMillis").asLong());
            for (int i = 0; i < 10; i++) {
                assertEquals("after promote, request " + i, "2.0", Loopback.version(frontend));
            }
            List<ReportEntry> run = new RunFile(runFile).read();
            assertEquals("the first deploy, then the paused rollout as one entry: " + run.stream()
                    .map(e -> ((ReportEntry.Rollout) e).record().outcome()).toList(), 2, run.size());
            assertEquals(Outcome.SUCCEEDED, ((ReportEntry.Rollout) run.get(1)).record().outcome());

            CliRun again = cli(args(new String[] {"promote", "--app", app}, router));
            assertEquals("nothing paused any more is a usage error: " + again.err(), 2, again.exit());
            assertTrue(again.err(), again.err().contains("has no paused rollout to promote"));
        }
    }

    @Test
    public void aCanaryPausedByOneProcessIsAbortedByARollbackFromAnother() throws Exception {
        runFile = Files.createTempFile("abort-run", ".jsonl");
        try (Haproxy haproxy = Haproxy.start(app, frontend, 4)) {
            String[] router = router(haproxy);
            pausedAt20(router);
            CliRun refused = deploy("3.0", args(router, "--strategy", "rolling"));
            assertEquals("a deploy over a paused rollout is refused: " + refused.err(), 1, refused.exit());
            assertTrue(refused.err(), refused.err().contains("promote") && refused.err().contains("rollback"));

            CliRun aborted = cli(args(new String[] {"rollback", "--app", app, "--run-file", runFile.toString()}, router));

            assertEquals(aborted.err(), 0, aborted.exit());
            assertEquals("ABORTED", json(aborted).get("outcome").asText());
            for (int i = 0; i < 10; i++) {
                assertEquals("after the abort, request " + i, "1.0", Loopback.version(frontend));
            }
            JsonNode status = json(cli("status", "--app", app));
            assertEquals(status.toString(), 1, status.get("stableRevision").asInt());
            assertTrue("nothing paused: " + status, status.get("pause").isNull());
            List<ReportEntry> run = new RunFile(runFile).read();
            assertEquals("the first deploy, then the aborted rollout as one entry", List.of(Outcome.SUCCEEDED,
                    Outcome.ABORTED), run.stream().map(e -> ((ReportEntry.Rollout) e).record().outcome()).toList());
        }
    }

    /**
     * Revision 1 deployed, then revision 2 held at 20 % by a deploy that exited 0 with PAUSED, said how to go on, and
     * left both revisions serving; its record.
     */
    private JsonNode pausedAt20(String[] router) {
        CliRun first = deploy("1.0", args(router, "--strategy", "rolling"));
        assertEquals(first.err(), 0, first.exit());
        CliRun deploy = deploy("2.0", args(router, "--strategy", "canary", "--canary-steps", "20:manual"));
        assertEquals(deploy.err(), 0, deploy.exit());
        JsonNode record = json(deploy);
        assertEquals("PAUSED", record.get("outcome").asText());
        assertEquals(20, record.get("pause").get("weight").asInt());
        assertTrue(deploy.err(), deploy.err().contains("promote --app " + app)
                && deploy.err().contains("rollback --app " + app));
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 60 && seen.size() < 2; i++) {
            seen.add(Loopback.version(frontend));
        }
        assertEquals("while paused at 20 %, both revisions answer", Set.of("1.0", "2.0"), seen);
        return record;
    }

    private String[] router(Haproxy haproxy) {
        return new String[] {"--router", "haproxy", "--router-socket", haproxy.adminSocket().toString(),
            "--router-frontend-port", String.valueOf(frontend)};
    }

    private CliRun deploy(String version, String[] more) {
        String[] deploy = args(new String[] {"deploy", "--app", app, "--image", CliApps.image(version, true),
            "--replicas", "2", "--port-base", String.valueOf(base)}, CliApps.fast());
        return cli(args(args(deploy, more), runFile == null ? new String[0]
                : new String[] {"--run-file", runFile.toString()}));
    }

    private static CliRun cli(String... args) {
        return CliProcess.run(CliApps.env(), args);
    }
}
