package io.jenkins.plugins.containerrollout.cli;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.containerrollout.core.deploy.CanaryStep;
import io.jenkins.plugins.containerrollout.core.deploy.DeployRequest;
import io.jenkins.plugins.containerrollout.core.deploy.PromoteRequest;
import io.jenkins.plugins.containerrollout.core.deploy.RolloutStrategy;
import io.jenkins.plugins.containerrollout.core.engine.DockerHost;
import io.jenkins.plugins.containerrollout.core.record.Outcome;
import io.jenkins.plugins.containerrollout.core.record.PauseInfo;
import io.jenkins.plugins.containerrollout.core.record.RolloutRecord;
import io.jenkins.plugins.containerrollout.core.report.ReportEntry;
import io.jenkins.plugins.containerrollout.core.report.SampleReport;
import io.jenkins.plugins.containerrollout.testing.TestBed;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.Test;

/**
 * The command line of promotion control (#15): {@code promote}, manual canary steps, {@code --no-auto-promote},
 * {@code --replace-paused}, the preview port options, and which outcomes exit 0. No engine: every case here is decided
 * before one is asked.
 */
public class PauseOptionsTest {
    private static final String[] DEPLOY = {"deploy", "--app", "web", "--image", "127.0.0.1:5000/web:2",
        "--port-base", "34000", "--docker-host", "tcp://127.0.0.1:1"};

    @Test
    public void manualCanaryStepsReachTheRequest() throws Exception {
        DeployRequest request = request("--strategy", "canary", "--canary-steps", "10:manual,50:60");
        List<CanaryStep> steps = ((RolloutStrategy.Canary) request.strategy()).plan().steps();
        assertEquals(List.of(CanaryStep.manual(10), new CanaryStep(50, 60)), steps);
    }

    @Test
    public void noAutoPromoteAndReplacePausedReachTheRequest() throws Exception {
        DeployRequest request = request("--strategy", "blue-green", "--no-auto-promote", "--replace-paused");
        assertFalse(((RolloutStrategy.BlueGreen) request.strategy()).autoPromote());
        assertTrue(request.replacePaused());
        DeployRequest plain = request("--strategy", "blue-green");
        assertTrue(((RolloutStrategy.BlueGreen) plain.strategy()).autoPromote());
        assertFalse(plain.replacePaused());
    }

    @Test
    public void noAutoPromoteWithAnotherStrategyIsRefused() {
        CliRun run = CliRun.of(CliApps.args(DEPLOY, "--strategy", "canary", "--no-auto-promote"));
        assertEquals(run.err(), 2, run.exit());
        assertTrue(run.err(), run.err().contains("--no-auto-promote applies to --strategy blueGreen only"));
        CliRun rollback = CliRun.of("rollback", "--app", "web", "--strategy", "blue-green", "--no-auto-promote",
                "--docker-host", "tcp://127.0.0.1:1");
        assertEquals(rollback.err(), 2, rollback.exit());
        assertTrue(rollback.err(), rollback.err().contains("--no-auto-promote applies to deploy only"));
    }

    @Test
    public void helpNamesPromoteAndTheNewOptions() {
        assertTrue(Main.topHelp(), Main.topHelp().contains("  promote "));
        String promote = CliRun.of("promote", "--help").out();
        assertTrue(promote, promote.startsWith("usage: container-rollout promote --app NAME"));
        assertTrue(promote, promote.contains("--full") && promote.contains("--router-preview-port PORT")
                && promote.contains("--run-file FILE"));
        String deploy = CliRun.of("deploy", "--help").out();
        assertTrue(deploy, deploy.contains("10:manual,50:60") && deploy.contains("--no-auto-promote")
                && deploy.contains("--replace-paused"));
    }

    @Test
    public void promoteFullReachesTheRequest() throws Exception {
        PromoteRequest full = PromoteCommand.request(new PromoteCommand().options().parse(List.of("--app", "web",
                "--full", "--docker-host", "tcp://127.0.0.1:1")), terminal());
        assertEquals(new PromoteRequest(DockerHost.resolve("tcp://127.0.0.1:1", Map.of()), "web", true, null), full);
        assertFalse(PromoteCommand.request(new PromoteCommand().options().parse(List.of("--app", "web")), terminal())
                .full());
    }

    @Test
    public void promoteChecksItsOptionsBeforeTheEngine() {
        CliRun noApp = CliRun.of("promote", "--docker-host", "tcp://127.0.0.1:1");
        assertEquals(noApp.err(), 2, noApp.exit());
        CliRun badApp = CliRun.of("promote", "--app", "Web!", "--docker-host", "tcp://127.0.0.1:1");
        assertEquals(badApp.err(), 2, badApp.exit());
        assertTrue(badApp.err(), badApp.err().contains("--app"));
        CliRun previewAlone = CliRun.of("promote", "--app", "web", "--router-preview-port", "34001",
                "--docker-host", "tcp://127.0.0.1:1");
        assertEquals(previewAlone.err(), 2, previewAlone.exit());
        assertTrue(previewAlone.err(), previewAlone.err().contains("--router-preview-port"));
    }

    @Test
    public void aPausedRolloutExitsZeroAndAFailedOneDoesNot() {
        RolloutRecord deploy = SampleReport.create().entriesOf(ReportEntry.Rollout.class).get(0).record();
        assertNull(DeployCommand.failure(RunFileTest.withOutcome(deploy, Outcome.PAUSED)));
        assertNull(DeployCommand.failure(RunFileTest.withOutcome(deploy, Outcome.SUCCEEDED)));
        assertTrue(DeployCommand.failure(RunFileTest.withOutcome(deploy, Outcome.FAILED)).contains("failed"));
        assertTrue(DeployCommand.failure(RunFileTest.withOutcome(deploy, Outcome.ROLLED_BACK)).contains("rolled back"));
    }

    @Test
    public void aPauseIsToldWithThePreviewTheWaysOnAndHowLong() {
        PauseInfo pause = new PauseInfo("blueGreen", 0, 0, 0, 3, 2, 1_000, "http://127.0.0.1:34001", null);
        List<String> lines = Pausing.lines("web", pause, 201_000L);
        assertEquals("web is paused (for 3 min 20 s) at " + pause.describe(), lines.get(0));
        assertTrue(lines.toString(), lines.contains("  preview: http://127.0.0.1:34001"));
        assertTrue(lines.toString(), lines.contains("  started by: the command line"));
        assertTrue(lines.toString(), lines.get(lines.size() - 1).contains("container-rollout promote --app web")
                && lines.get(lines.size() - 1).contains("container-rollout rollback --app web"));
    }

    @Test
    public void routerConfigWritesAPreviewFrontendHaproxyAccepts() throws Exception {
        Path dir = Files.createTempDirectory("router-config");
        Path cfg = dir.resolve("web.cfg");
        CliRun run = CliRun.of("router-config", "--app", "web", "--frontend-port", "34990", "--preview-port", "34991",
                "--admin-socket", dir.resolve("admin.sock").toString(), "--out", cfg.toString());
        assertEquals(run.err(), 0, run.exit());
        assertTrue(run.out(), run.out().contains("\"preview\":\"http://127.0.0.1:34991\""));
        String config = Files.readString(cfg);
        assertTrue(config, config.contains("frontend web.preview") && config.contains("bind 127.0.0.1:34991")
                && config.contains("backend web.preview"));
        TestBed.Result check = TestBed.run(List.of("/usr/sbin/haproxy", "-c", "-f", cfg.toString()), dir);
        assertEquals(check.output(), 0, check.exitCode());
        CliRun same = CliRun.of("router-config", "--app", "web", "--frontend-port", "34990", "--preview-port", "34990",
                "--admin-socket", dir.resolve("admin.sock").toString(), "--out", cfg.toString());
        assertEquals(same.err(), 2, same.exit());
        assertTrue(same.err(), same.err().contains("--preview-port: 34990 is the frontend's port"));
    }

    private static DeployRequest request(String... more) throws Exception {
        String[] all = CliApps.args(DEPLOY, more);
        List<String> rest = List.of(all).subList(1, all.length);
        return DeployCommand.request(new DeployCommand().options().parse(rest), terminal());
    }

    private static Terminal terminal() {
        PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream());
        return new Terminal(Map.of(), new ByteArrayInputStream(new byte[0]), nowhere, nowhere);
    }
}
