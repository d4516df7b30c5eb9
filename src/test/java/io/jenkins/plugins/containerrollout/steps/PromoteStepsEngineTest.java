package io.jenkins.plugins.containerrollout.steps;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import hudson.AbortException;
import io.jenkins.plugins.containerrollout.core.deploy.AppPhase;
import io.jenkins.plugins.containerrollout.core.deploy.AppStatus;
import io.jenkins.plugins.containerrollout.core.record.Outcome;
import io.jenkins.plugins.containerrollout.core.report.ReportEntry;
import io.jenkins.plugins.containerrollout.core.targets.Target;
import io.jenkins.plugins.containerrollout.testing.Haproxy;
import io.jenkins.plugins.containerrollout.testing.TestBed;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * {@code containerDeploy(strategy: canary(steps: [[weight: 10, pause: 'manual'], ...]))}, then
 * {@code containerPromote} or {@code containerRollback}, on the test bed's engine behind a private HAProxy: the
 * deploy step returns PAUSED without failing, the promote step goes on to SUCCEEDED with the frontend on the new
 * revision, a rollback aborts it, and a promote with nothing paused fails with the core's message, changing nothing.
 * {@code blueGreen(autoPromote: false)} waits on HAProxy's preview frontend, {@code containerVerify(preview: true)}
 * checks the new colour there while production stays on the old one, and {@code containerPromote} switches.
 * Ports 33000-33999.
 */
public class PromoteStepsEngineTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private final String app = TestBed.unique("stepspause");
    private StepHarness harness;
    private Haproxy haproxy;
    private Path socket;
    private int frontendPort;
    private int previewPort;
    private int portBase;

    @Before
    public void imagesHaproxyAndHarness() throws Exception {
        StepTestBed.twoVersions(tmp, app);
        int base = StepTestBed.freePorts(6);
        frontendPort = base;
        previewPort = base + 1;
        portBase = base + 2;
        haproxy = Haproxy.startWithPreview(app, frontendPort, 4, previewPort);
        socket = haproxy.adminSocket();
        harness = StepHarness.in(tmp.newFolder("ws")).env("DOCKER_HOST", TestBed.host().uri());
    }

    @After
    public void removeEverything() throws InterruptedException {
        StepTestBed.removeRouted(haproxy, app);
    }

    private HaproxyRouting router() {
        HaproxyRouting router = new HaproxyRouting();
        router.setSocket(socket.toString());
        router.setFrontendPort(frontendPort);
        router.setPreviewPort(previewPort);
        return router;
    }

    private Map<String, Object> deploy(String version, DeployStrategy strategy) throws Exception {
        ContainerDeployStep step = StepTestBed.quickDeploy(app, app + ":" + version, portBase);
        step.setStrategy(strategy);
        step.setRouter(router());
        return RolloutStepRunner.deploy(harness, step, RolloutCore.ENGINE);
    }

    /** Revision 1 serving, revision 2 held at a manual 10 % step. */
    private Map<String, Object> pausedAtTenPercent() throws Exception {
        deploy("1.0", new RecreateStrategy());
        CanaryWeightStep ten = new CanaryWeightStep(10);
        ten.setPause("manual");
        CanaryStrategy canary = new CanaryStrategy();
        canary.setSteps(List.of(ten, new CanaryWeightStep(50)));
        canary.setAnalysisPath("/cgi-bin/health");
        canary.setAnalysisRequests(10);
        canary.setMaxP95Millis(0);
        return deploy("2.0", canary);
    }

    private Map<String, Object> promote() throws Exception {
        ContainerPromoteStep step = new ContainerPromoteStep(app);
        return new ContainerPromoteStep.Execution(harness, step, harness.jenkins, RolloutCore.ENGINE).execute(harness);
    }

    @Test
    public void aCanaryPausedAtAManualStepReturnsPausedAndPromoteFinishesIt() throws Exception {
        Map<String, Object> paused = pausedAtTenPercent();
        assertEquals(List.of("PAUSED", 1, 10), List.of(paused.get("outcome"), paused.get("pausedAtStep"),
                paused.get("pausedWeight")));
        assertEquals("the stable revision still serves", 1, paused.get("servingRevision"));
        AppStatus status = RolloutCore.ENGINE.status(Target.DOCKER, TestBed.host(), app);
        assertEquals(AppPhase.PAUSED, status.phase());

        Map<String, Object> promoted = promote();

        assertEquals(List.of("SUCCEEDED", 2), List.of(promoted.get("outcome"), promoted.get("servingRevision")));
        assertEquals("2.0", StepTestBed.version(frontendPort));
        ReportEntry.Rollout last = (ReportEntry.Rollout) harness.jenkins.recorded.get(harness.jenkins.recorded.size() - 1);
        assertEquals("one record spans the pause and the promotion", paused.get("revision"), last.record().toRevision());
        assertEquals(Outcome.SUCCEEDED, last.record().outcome());
    }

    @Test
    public void aRollbackOfThePausedCanaryAbortsItAndReturnsNormally() throws Exception {
        pausedAtTenPercent();

        Map<String, Object> aborted = RolloutStepRunner.rollback(harness, new ContainerRollbackStep(app), RolloutCore.ENGINE);

        assertEquals(List.of("ABORTED", 1), List.of(aborted.get("outcome"), aborted.get("servingRevision")));
        assertEquals("1.0", StepTestBed.version(frontendPort));
    }

    @Test
    public void aBlueGreenWithoutAutoPromoteIsVerifiedOnItsPreviewThenPromoted() throws Exception {
        deploy("1.0", new RecreateStrategy());
        BlueGreenStrategy blueGreen = new BlueGreenStrategy();
        blueGreen.setAutoPromote(false);
        blueGreen.setScaleDownDelaySeconds(0);

        Map<String, Object> paused = deploy("2.0", blueGreen);

        assertEquals(List.of("PAUSED", "http://127.0.0.1:" + previewPort),
                List.of(paused.get("outcome"), paused.get("previewUrl")));
        assertEquals("production stays on the old colour", "1.0", StepTestBed.version(frontendPort));
        HttpVerifyCheck version = new HttpVerifyCheck("{endpoint}/version");
        version.setBodyRegex("^2\\.0");
        ContainerVerifyStep verify = new ContainerVerifyStep(app, List.of(version));
        verify.setPreview(true);
        Map<String, Object> verified = RolloutStepRunner.verify(harness, verify, RolloutCore.ENGINE);
        assertEquals(List.of(true, List.of("http://127.0.0.1:" + previewPort)),
                List.of(verified.get("passed"), verified.get("endpoints")));

        Map<String, Object> promoted = promote();

        assertEquals(List.of("SUCCEEDED", 2), List.of(promoted.get("outcome"), promoted.get("servingRevision")));
        assertEquals("2.0", StepTestBed.version(frontendPort));
    }

    @Test
    public void promoteWithNothingPausedFailsWithTheCoresMessageAndChangesNothing() throws Exception {
        deploy("1.0", new RecreateStrategy());

        AbortException e = assertThrows(AbortException.class, this::promote);

        assertTrue(e.getMessage(), e.getMessage().startsWith("containerPromote: ") && e.getMessage().contains(app));
        AppStatus status = RolloutCore.ENGINE.status(Target.DOCKER, TestBed.host(), app);
        assertEquals(List.of(AppPhase.COMPLETE, 1), List.of(status.phase(), status.stableRevision()));
        assertEquals("1.0", StepTestBed.version(frontendPort));
    }
}
