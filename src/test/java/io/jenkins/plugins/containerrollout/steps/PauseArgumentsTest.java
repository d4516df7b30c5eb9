package io.jenkins.plugins.containerrollout.steps;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.containerrollout.core.deploy.CanaryStep;
import io.jenkins.plugins.containerrollout.core.deploy.RolloutStrategy;
import io.jenkins.plugins.containerrollout.core.engine.DockerHost;
import java.util.List;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * The Pipeline arguments of promotion control (issue #15) bind as structs binds a running script's
 * ({@link StructsBinding}) and map to the core's requests: {@code pause: 'manual'} beside seconds,
 * {@code blueGreen(autoPromote: false)}, {@code haproxy(previewPort:)}, {@code containerDeploy(replacePaused:)},
 * {@code containerVerify(preview:)} and the {@code containerPromote} step.
 */
public class PauseArgumentsTest {
    private static final DockerHost HOST = new DockerHost("tcp://127.0.0.1:2375", false, null);
    private static SnippetChecker checker;

    @BeforeClass
    public static void readOurClasses() throws Exception {
        checker = new SnippetChecker(StructsBinding.ours());
    }

    @Test
    public void theIssuesScriptLinesBind() {
        assertEquals(List.of(), checker.check("case", "containerDeploy(app: 'web', image: 'web:2', portBase: 21000, "
                + "replacePaused: true, router: haproxy(socket: '/run/haproxy/admin.sock', previewPort: 28081), "
                + "strategy: canary(steps: [[weight: 10, pause: 'manual'], [weight: 50, pause: 60]]))"));
        assertEquals(List.of(), checker.check("case", "strategy: blueGreen(autoPromote: false)"));
        assertEquals(List.of(), checker.check("case", "containerPromote(app: 'web', full: true)"));
        assertEquals(List.of(), checker.check("case", "containerPromote app: 'web'"));
        assertEquals(List.of(), checker.check("case",
                "containerVerify(app: 'web', preview: true, checks: [http(url: '{endpoint}/health')])"));
    }

    @Test
    public void aMisspeltPromoteParameterIsCaught() {
        assertFalse(checker.check("case", "containerPromote(app: 'web', fully: true)").isEmpty());
    }

    @Test
    public void aCanaryPauseTakesSecondsOrManual() {
        CanaryWeightStep manual = new CanaryWeightStep(10);
        manual.setPause("manual");
        assertEquals(CanaryStep.manual(10), manual.toCore());
        assertEquals("manual", manual.getPause());
        CanaryWeightStep seconds = new CanaryWeightStep(50);
        seconds.setPause(60);
        assertEquals(new CanaryStep(50, 60), seconds.toCore());
        assertEquals(60, seconds.getPause());
        CanaryWeightStep fromTheForm = new CanaryWeightStep(50);
        fromTheForm.setPause("60");
        assertEquals(new CanaryStep(50, 60), fromTheForm.toCore());
        assertEquals("no pause given", 0, new CanaryWeightStep(5).getPause());
    }

    @Test
    public void anythingElseAsPauseIsRefusedNamingTheParameter() {
        for (Object bad : List.of("later", -5, 1.5, true)) {
            String message = assertThrows(IllegalArgumentException.class,
                    () -> new CanaryWeightStep(10).setPause(bad)).getMessage();
            assertTrue(bad + ": " + message, message.startsWith("pause: "));
        }
        String message = assertThrows(IllegalArgumentException.class,
                () -> new CanaryWeightStep(10).setPause("later")).getMessage();
        assertEquals("pause: 'later' is neither whole seconds (0 or more, e.g. 60) nor 'manual' (hold the weight until "
                + "containerPromote)", message);
    }

    @Test
    public void aManualStepReachesTheCanaryPlan() {
        CanaryStrategy canary = new CanaryStrategy();
        CanaryWeightStep ten = new CanaryWeightStep(10);
        ten.setPause("manual");
        CanaryWeightStep fifty = new CanaryWeightStep(50);
        fifty.setPause(60);
        canary.setSteps(List.of(ten, fifty));
        RolloutStrategy.Canary core = (RolloutStrategy.Canary) canary.toStrategy();
        assertTrue(core.plan().steps().get(0).manual());
        assertEquals(60, core.plan().steps().get(1).pauseSeconds());
    }

    @Test
    public void blueGreenPromotesAutomaticallyUnlessTold() {
        BlueGreenStrategy bg = new BlueGreenStrategy();
        assertTrue(((RolloutStrategy.BlueGreen) bg.toStrategy()).autoPromote());
        bg.setAutoPromote(false);
        assertFalse(((RolloutStrategy.BlueGreen) bg.toStrategy()).autoPromote());
    }

    @Test
    public void thePreviewPortReachesTheRouterSettingsAndMustDifferFromTheFrontend() {
        HaproxyRouting router = new HaproxyRouting();
        router.setFrontendPort(28080);
        router.setPreviewPort(28081);
        assertEquals(28081, router.settings("web").previewPort());
        router.setPreviewPort(28080);
        String message = assertThrows(IllegalArgumentException.class, () -> router.settings("web")).getMessage();
        assertTrue(message, message.startsWith("previewPort: 28080 "));
    }

    @Test
    public void replacePausedIsOffUnlessAsked() {
        ContainerDeployStep step = new ContainerDeployStep("web", "web:2", 21000);
        assertFalse(step.toRequest(HOST, null, null).replacePaused());
        step.setReplacePaused(true);
        assertTrue(step.toRequest(HOST, null, null).replacePaused());
    }

    @Test
    public void thePromoteRequestCarriesAppFullAndBuild() {
        ContainerPromoteStep step = new ContainerPromoteStep("web");
        assertFalse(step.toRequest(HOST, null).full());
        step.setFull(true);
        var request = step.toRequest(HOST, "http://jenkins/job/shop/9/");
        assertTrue(request.full());
        assertEquals("web", request.app());
        assertEquals("http://jenkins/job/shop/9/", request.buildUrl());
        assertEquals("containerPromote", new ContainerPromoteStep.DescriptorImpl().getFunctionName());
    }
}
