package io.jenkins.plugins.containerrollout.cli;

import static io.jenkins.plugins.containerrollout.cli.CliApps.args;
import static io.jenkins.plugins.containerrollout.cli.CliApps.json;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.containerrollout.testing.TestBed;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.After;
import org.junit.Test;

/** The HTML report and the run file, written by real commands against the real engine (ports 34000-34999). */
public class RunReportEngineTest {
    private final String app = TestBed.unique("cli-rep");
    private final int base = CliApps.portBase(app, 3);
    private Path dir;

    @After
    public void cleanUp() {
        CliApps.cleanup(app);
        if (dir != null) {
            TestBed.run(List.of("rm", "-rf", dir.toString()), Path.of("/"));
        }
    }

    @Test
    public void aDeployWritesAnHtmlReportOfItselfWithEverythingEscaped() throws Exception {
        dir = Files.createTempDirectory("cli-rep");
        Path html = dir.resolve("pages/deploy.html");

        CliRun deploy = deploy("1.0", Map.of(), "--report", html.toString(), "--report-title", "<script>x</script> & co");

        assertEquals(deploy.err(), 0, deploy.exit());
        String page = Files.readString(html);
        assertTrue(page.startsWith("<!DOCTYPE html>"));
        assertTrue("names the app", page.contains("Rollout of " + app));
        assertTrue(page, page.contains("&lt;script&gt;x&lt;/script&gt; &amp; co"));
        assertFalse(page.contains("<script>"));
    }

    @Test
    public void commandsAppendToTheRunFileAndReportRendersTheWholeRun() throws Exception {
        dir = Files.createTempDirectory("cli-run");
        Path runFile = dir.resolve("run.jsonl");
        Map<String, String> env = Map.of(RunReport.RUN_FILE_ENV, runFile.toString());

        assertEquals(0, deploy("1.0", env).exit());
        assertEquals(0, deploy("2.0", env).exit());
        CliRun verify = CliRun.of(with(env), "", "verify", "--app", app, "--http", "{endpoint}/version=418",
                "--on-failure", "rollback", "--probe-interval", "200");
        assertEquals(verify.err(), 1, verify.exit());
        assertEquals("rollout, rollout, verification, rollback: one line each", 4, Files.readAllLines(runFile).size());

        Path html = dir.resolve("run.html");
        CliRun report = CliRun.of("report", "--run-file", runFile.toString(), "--out", html.toString(), "--title",
                "demo run");

        assertEquals(report.err(), 0, report.exit());
        assertEquals(4, json(report).get("entries").asInt());
        assertEquals("ROLLED_BACK", json(report).get("outcome").asText());
        assertTrue(json(report).get("changeFailed").asBoolean());
        String page = Files.readString(html);
        assertTrue(page.contains("<title>demo run"));
        assertTrue(page.contains("Rollout of " + app + ": revision 1 \u2192 2"));
        assertTrue(page.contains("Rollback of " + app + ": revision 2 \u2192 1"));
        assertTrue(page.contains("Verification: " + app));
    }

    @Test
    public void aRunFileThatIsNotOneIsRefusedBeforeTheEngineIsTouched() throws Exception {
        dir = Files.createTempDirectory("cli-bad");
        Path runFile = dir.resolve("run.jsonl");
        Files.writeString(runFile, "{\"kind\":\"nonsense\"}\n");

        CliRun deploy = deploy("1.0", Map.of(), "--run-file", runFile.toString());

        assertEquals(2, deploy.exit());
        assertTrue(deploy.err(), deploy.err().startsWith("container-rollout deploy: --run-file: " + runFile + " line 1 is not"
                + " a run entry written by container-rollout"));
        assertEquals("", TestBed.docker("ps", "-aq", "--filter", "label=io.jenkins.containerrollout.app=" + app).trim());
    }

    private CliRun deploy(String version, Map<String, String> env, String... more) {
        return CliRun.of(with(env), "", args(args(new String[] {"deploy", "--app", app, "--image",
            CliApps.image(version, true), "--replicas", "2", "--port-base", String.valueOf(base), "--max-surge", "1",
            "--max-unavailable", "0"}, CliApps.fast()), more));
    }

    private static Map<String, String> with(Map<String, String> env) {
        Map<String, String> all = CliApps.env();
        all.putAll(env);
        return all;
    }
}
