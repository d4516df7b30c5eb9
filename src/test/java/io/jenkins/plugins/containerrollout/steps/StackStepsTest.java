package io.jenkins.plugins.containerrollout.steps;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import hudson.AbortException;
import io.jenkins.plugins.containerrollout.core.image.RegistryCredentials;
import io.jenkins.plugins.containerrollout.core.record.Outcome;
import io.jenkins.plugins.containerrollout.core.report.ReportEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.Test;

/**
 * The stack forms of {@code containerDeploy} ({@code compose:}) and {@code containerRollback} ({@code project:}) run
 * through the shared execution in a {@link StepHarness} with a fake core: what reaches the core, what is recorded and
 * returned, and the arguments refused.
 */
public class StackStepsTest extends FakeCoreHarness {
    private ContainerDeployStep composeStep() throws Exception {
        Path dir = harness.workspace().toPath().resolve("deploy");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("compose.yaml"), String.join("\n", "name: fromfile", "services:",
                "  web:", "    image: 127.0.0.1:5000/web:${TAG}", "    ports: [\"127.0.0.1:21000:21000\"]",
                "  api:", "    image: 127.0.0.1:5000/api:1", "    ports: [\"127.0.0.1:21100:21100\"]", ""));
        ContainerDeployStep step = new ContainerDeployStep(null, null, 0);
        step.setCompose("deploy/compose.yaml");
        step.setProject("shop");
        step.setImages(Map.of("api", "127.0.0.1:5000/api:7"));
        harness.env("TAG", "4");
        return step;
    }

    @Test
    public void readsTheFileBelowTheWorkspaceWithTheProjectTheImagesAndTheBuildEnvironment() throws Exception {
        ContainerDeployStep step = composeStep();
        step.setHealthPath("/health");
        RolloutStepRunner.deploy(harness, step, core);
        assertEquals("shop", core.stack.name());
        assertEquals("127.0.0.1:5000/web:4", core.stack.services().stream().filter(s -> s.name().equals("web"))
                .findFirst().orElseThrow().image());
        assertEquals("127.0.0.1:5000/api:7", core.stack.services().stream().filter(s -> s.name().equals("api"))
                .findFirst().orElseThrow().image());
        assertEquals("/health", core.stackProbe.path());
    }

    @Test
    public void recordsEveryServiceAndReturnsTheStackSummary() throws Exception {
        Map<String, Object> d = RolloutStepRunner.deploy(harness, composeStep(), core);
        assertEquals(List.of("shop-web", "shop-api"), harness.jenkins.recorded.stream()
                .map(e -> ((ReportEntry.Rollout) e).record().app()).sorted(java.util.Comparator.reverseOrder()).toList());
        assertEquals("shop", d.get("project"));
        assertEquals(3, d.get("revision"));
        assertEquals(2, d.get("previousRevision"));
        assertEquals("SUCCEEDED", d.get("outcome"));
        assertEquals(Map.of("shop-web", 4, "shop-api", 4), d.get("services"));
        assertEquals("each entry carries the stack command, so the build page groups them",
                List.of("shop deploy 2->3 SUCCEEDED 2", "shop deploy 2->3 SUCCEEDED 2"), harness.jenkins.recorded.stream()
                        .map(e -> ((ReportEntry.Rollout) e).stack()).map(t -> t.project() + " " + t.operation() + " "
                                + t.fromRevision() + "->" + t.toRevision() + " " + t.outcome() + " " + t.rollouts())
                        .toList());
    }

    @Test
    public void aRolledBackStackFailsTheStepAfterItsRecordsUnlessFailOnRollbackIsOff() throws Exception {
        core.stackEnds(Outcome.ROLLED_BACK);
        AbortException e = assertThrows(AbortException.class,
                () -> RolloutStepRunner.deploy(harness, composeStep(), core));
        assertTrue(e.getMessage(), e.getMessage().startsWith("containerDeploy: stack shop ROLLED_BACK"));
        assertEquals(2, harness.jenkins.recorded.size());

        ContainerDeployStep lenient = composeStep();
        lenient.setFailOnRollback(false);
        Map<String, Object> d = RolloutStepRunner.deploy(harness, lenient, core);
        assertEquals("ROLLED_BACK", d.get("outcome"));
        assertEquals(2, d.get("revision"));
        assertEquals("each app's serving revision, not the one it tried", Map.of("shop-web", 3, "shop-api", 3),
                d.get("services"));
    }

    @Test
    public void aFailedStackAlwaysFailsTheStep() throws Exception {
        core.stackEnds(Outcome.FAILED);
        ContainerDeployStep step = composeStep();
        step.setFailOnRollback(false);
        assertThrows(AbortException.class, () -> RolloutStepRunner.deploy(harness, step, core));
    }

    @Test
    public void refusesAppOrImageWithCompose() throws Exception {
        ContainerDeployStep step = new ContainerDeployStep("web", null, 0);
        step.setCompose("deploy/compose.yaml");
        AbortException e = assertThrows(AbortException.class, () -> RolloutStepRunner.deploy(harness, step, core));
        assertTrue(e.getMessage(), e.getMessage().contains("app, image: with compose"));
        assertEquals(null, core.stack);
    }

    @Test
    public void theStepsStrategyWithItsGatesGoesToTheServicesWithoutTheirOwn() throws Exception {
        ContainerDeployStep step = composeStep();
        RolloutStepRunner.deploy(harness, step, core);
        assertEquals("none named: each service's own, else rolling", null, core.stackStrategy);

        step.setStrategy(new RecreateStrategy());
        step.setProgressDeadlineSeconds(90);
        RolloutStepRunner.deploy(harness, step, core);
        assertEquals(io.jenkins.plugins.containerrollout.core.deploy.RolloutStrategy.recreate()
                .withProgressDeadlineSeconds(90), core.stackStrategy);
    }

    @Test
    public void aRouterRoutesEachServiceInTheBackendNamedAfterItsAppAndOneAppsPortsAreRefused() throws Exception {
        ContainerDeployStep step = composeStep();
        HaproxyRouting router = new HaproxyRouting();
        router.setSocket("/run/haproxy/admin.sock");
        step.setRouter(router);
        RolloutStepRunner.deploy(harness, step, core);
        assertEquals(java.util.Optional.of(io.jenkins.plugins.containerrollout.core.router.RouterSettings.haproxy(
                "/run/haproxy/admin.sock", "shop-api", 0)), core.stackRouter.settings("shop-api"));

        router.setFrontendPort(8080);
        core.stack = null;
        AbortException e = assertThrows(AbortException.class, () -> RolloutStepRunner.deploy(harness, step, core));
        assertTrue(e.getMessage(), e.getMessage().contains("router: frontendPort and previewPort name one app's"));
        assertEquals("nothing ran", null, core.stack);
    }

    @Test
    public void refusesProjectOrImagesWithoutCompose() throws Exception {
        ContainerDeployStep step = new ContainerDeployStep("web", "127.0.0.1:5000/web:4", 21000);
        step.setImages(Map.of("web", "127.0.0.1:5000/web:5"));
        AbortException e = assertThrows(AbortException.class, () -> RolloutStepRunner.deploy(harness, step, core));
        assertTrue(e.getMessage(), e.getMessage().contains("project, images: "));
        assertEquals(null, core.deployed);
    }

    @Test
    public void aMissingFileNamesComposeAndThePath() throws Exception {
        ContainerDeployStep step = new ContainerDeployStep(null, null, 0);
        step.setCompose("nowhere/compose.yaml");
        AbortException e = assertThrows(AbortException.class, () -> RolloutStepRunner.deploy(harness, step, core));
        assertTrue(e.getMessage(), e.getMessage().contains("compose: nowhere/compose.yaml"));
    }

    @Test
    public void refusesAComposePathOutsideTheWorkspace() throws Exception {
        for (String outside : List.of("/etc/compose.yaml", "../other/compose.yaml", "deploy/../../compose.yaml")) {
            ContainerDeployStep step = new ContainerDeployStep(null, null, 0);
            step.setCompose(outside);
            AbortException e = assertThrows(AbortException.class, () -> RolloutStepRunner.deploy(harness, step, core));
            assertTrue(e.getMessage(), e.getMessage().contains("compose: '" + outside + "' is not below the workspace"));
        }
        StackSteps.requireComposePath("deploy/../compose.yaml"); // still below it: the form check accepts it
        assertEquals(null, core.stack);
    }

    @Test
    public void registryCredentialsReachTheStackCoreLookedUpWithoutARegistry() throws Exception {
        harness.credentials("registry", "ci", "s3cr3t-Pa55");
        ContainerDeployStep step = composeStep();
        step.setRegistryCredentialsId("registry");
        RolloutStepRunner.deploy(harness, step, core);
        assertEquals(List.of("registry for null"), harness.jenkins.lookups);
        assertEquals(new RegistryCredentials("ci", "s3cr3t-Pa55"), core.credentials);
    }

    @Test
    public void rollbackOfAProjectRestoresTheStackRevisionAskedFor() throws Exception {
        ContainerRollbackStep step = new ContainerRollbackStep(null);
        step.setProject("shop");
        step.setToRevision(2);
        Map<String, Object> r = RolloutStepRunner.rollback(harness, step, core);
        assertEquals("shop", core.stackRolledBack);
        assertEquals(2, core.stackToRevision);
        assertEquals(4, r.get("revision"));
        assertEquals(1, harness.jenkins.recorded.size());
    }

    @Test
    public void rollbackRefusesAppWithProjectAndFailsOnAFailedStack() throws Exception {
        ContainerRollbackStep both = new ContainerRollbackStep("web");
        both.setProject("shop");
        AbortException e = assertThrows(AbortException.class, () -> RolloutStepRunner.rollback(harness, both, core));
        assertTrue(e.getMessage(), e.getMessage().contains("app, project: give one"));

        ContainerRollbackStep step = new ContainerRollbackStep(null);
        step.setProject("shop");
        core.stackEnds(Outcome.FAILED);
        assertThrows(AbortException.class, () -> RolloutStepRunner.rollback(harness, step, core));
    }
}
