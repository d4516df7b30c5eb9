package io.jenkins.plugins.containerrollout.steps;

import io.jenkins.plugins.containerrollout.core.deploy.AppPhase;
import io.jenkins.plugins.containerrollout.core.targets.Target;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import hudson.AbortException;
import io.jenkins.plugins.containerrollout.core.deploy.AppStatus;

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
 * {@code containerDeploy(strategy: blueGreen() | canary(...), router: haproxy(...))} and {@code containerRollback(router: ...)}
 * on the test bed's engine behind a private HAProxy (Debian's {@code /usr/sbin/haproxy}): the router argument reaches
 * the core on the "agent" and switches the frontend's traffic; a rollback without {@code router} uses the one recorded
 * with the app, or fails naming the parameter when that one is gone. Ports 33000-33999.
 */
public class RoutedStepsEngineTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private final String app = TestBed.unique("stepsbg");
    private StepHarness harness;
    private Haproxy haproxy;
    private Path socket;
    private int frontendPort;
    private int portBase;

    @Before
    public void imagesHaproxyAndHarness() throws Exception {
        StepTestBed.twoVersions(tmp, app);
        int base = StepTestBed.freePorts(3);
        frontendPort = base;
        portBase = base + 1;
        haproxy = Haproxy.start(app, frontendPort, 4);
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
        return router;
    }

    private Map<String, Object> deployBlueGreen(String version) throws Exception {
        BlueGreenStrategy blueGreen = new BlueGreenStrategy();
        blueGreen.setScaleDownDelaySeconds(0);
        return deploy(version, blueGreen);
    }

    private Map<String, Object> deploy(String version, DeployStrategy strategy) throws Exception {
        ContainerDeployStep step = new ContainerDeployStep(app, app + ":" + version, portBase);
        step.setStrategy(strategy);
        step.setRouter(router());
        step.setHealthPath("/cgi-bin/health");
        step.setProbeIntervalMillis(200);
        step.setProbeTimeoutMillis(2000);
        step.setStopTimeoutSeconds(0);
        return RolloutStepRunner.deploy(harness, step, RolloutCore.ENGINE);
    }

    @Test
    public void blueGreenSwitchesTheFrontendAndARollbackSwitchesItBack() throws Exception {
        deployBlueGreen("1.0");
        Map<String, Object> second = deployBlueGreen("2.0");
        assertEquals(List.of("SUCCEEDED", 2), List.of(second.get("outcome"), second.get("servingRevision")));
        assertEquals("2.0", frontendVersion());

        ContainerRollbackStep back = new ContainerRollbackStep(app);
        back.setRouter(router());
        Map<String, Object> restored = RolloutStepRunner.rollback(harness, back, RolloutCore.ENGINE);

        assertEquals(1, restored.get("servingRevision"));
        assertEquals("1.0", frontendVersion());
    }

    @Test
    public void aRollbackWithoutRouterSwitchesTheRouterRecordedWithTheAppBack() throws Exception {
        deployBlueGreen("1.0");
        deployBlueGreen("2.0");

        ContainerRollbackStep back = new ContainerRollbackStep(app);
        Map<String, Object> restored = RolloutStepRunner.rollback(harness, back, RolloutCore.ENGINE);

        assertEquals("the frontend follows the rollback", "1.0", frontendVersion());
        assertEquals(List.of("SUCCEEDED", 1), List.of(restored.get("outcome"), restored.get("servingRevision")));
    }

    @Test
    public void aRollbackWhoseRecordedRouterIsGoneFailsNamingTheRouterParameterAndChangesNothing() throws Exception {
        deployBlueGreen("1.0");
        deployBlueGreen("2.0");
        haproxy.close();
        haproxy = null;

        ContainerRollbackStep back = new ContainerRollbackStep(app);
        AbortException e = assertThrows(AbortException.class,
                () -> RolloutStepRunner.rollback(harness, back, RolloutCore.ENGINE));

        assertTrue(e.getMessage(), e.getMessage().contains("router: haproxy(socket: '" + socket + "', frontendPort: "
                + frontendPort + ")"));
        AppStatus status = RolloutCore.ENGINE.status(Target.DOCKER, TestBed.host(), app);
        assertEquals(List.of(AppPhase.COMPLETE, 2), List.of(status.phase(), status.stableRevision()));
        // revision 1's replica may still be stopping: the deploy returned once it was told to stop
        List<AppStatus.Replica> running = status.replicas().stream().filter(AppStatus.Replica::running)
                .filter(r -> !r.detail().equals("stopping: replaced by revision 2")).toList();
        assertEquals("the replica of revision 2 runs, none of revision 1: " + status.replicas(), List.of(2),
                running.stream().map(AppStatus.Replica::revision).toList());
        assertEquals("revision 2 still serves", "2.0", StepTestBed.version(running.stream()
                .mapToInt(AppStatus.Replica::port).toArray()));
    }

    @Test
    public void aCanaryStepAndItsAnalysisPromoteTheNewRevisionBehindTheFrontend() throws Exception {
        deployBlueGreen("1.0");
        CanaryWeightStep half = new CanaryWeightStep(50);
        CanaryStrategy canary = new CanaryStrategy();
        canary.setSteps(List.of(half));
        canary.setAnalysisPath("/cgi-bin/health");
        canary.setAnalysisRequests(10);
        canary.setMaxP95Millis(0);

        Map<String, Object> promoted = deploy("2.0", canary);

        assertEquals(List.of("SUCCEEDED", 2), List.of(promoted.get("outcome"), promoted.get("servingRevision")));
        assertEquals("2.0", frontendVersion());
    }

    private String frontendVersion() throws InterruptedException {
        return StepTestBed.version(frontendPort);
    }
}
