package io.jenkins.plugins.containerrollout.steps;

import static org.junit.Assert.assertEquals;

import io.jenkins.plugins.containerrollout.core.deploy.docker.DockerDeployer;
import io.jenkins.plugins.containerrollout.core.report.ReportEntry;
import io.jenkins.plugins.containerrollout.testing.AppImages;
import io.jenkins.plugins.containerrollout.testing.Loopback;
import io.jenkins.plugins.containerrollout.testing.StackFixture;
import io.jenkins.plugins.containerrollout.testing.TestBed;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.After;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * {@code containerDeploy(compose:)} and {@code containerRollback(project:)} end to end on the test bed's engine: the
 * step's agent task reads a two-service file below the workspace and deploys it with the real core; only Jenkins is
 * simulated by the {@link StepHarness}. Ports from {@link StackFixture} (36000-36999).
 */
public class StackStepsEngineTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private final StackFixture f = new StackFixture("stsk");

    @After
    public void cleanup() {
        f.cleanup();
    }

    private ContainerDeployStep deploy(StepHarness harness, Map<String, String> images) throws Exception {
        Path dir = Files.createDirectories(harness.workspace().toPath().resolve("deploy"));
        Files.writeString(dir.resolve("compose.yaml"), String.join("\n",
                "services:",
                "  web:",
                "    image: ${WEB_IMAGE}", // interpolated from the build's environment
                "    depends_on: {api: {condition: service_healthy}}",
                "    ports: [\"127.0.0.1:" + f.webPort + ":" + f.webPort + "\"]",
                "  api:",
                "    image: " + AppImages.app("api1", true),
                "    ports: [\"127.0.0.1:" + f.apiPort + ":" + f.apiPort + "\"]",
                ""));
        ContainerDeployStep step = new ContainerDeployStep(null, null, 0);
        step.setCompose("deploy/compose.yaml");
        step.setProject(f.project);
        step.setImages(images);
        step.setHealthPath("/cgi-bin/health");
        step.setProbeIntervalMillis(200);
        step.setProbeTimeoutMillis(2000);
        step.setStartupTimeoutSeconds(20);
        return step;
    }

    private String serves(String service) {
        try (DockerDeployer deployer = new DockerDeployer(TestBed.host())) {
            List<String> versions = deployer.status(f.app(service)).servingPorts().stream().map(Loopback::version)
                    .distinct().toList();
            return versions.size() == 1 ? versions.get(0) : versions.toString();
        }
    }

    @Test
    public void deploysTheTwoServicesAsAStackThenRollsTheStackBack() throws Exception {
        StepHarness harness = StepHarness.in(tmp.newFolder("ws")).env("DOCKER_HOST", TestBed.host().uri())
                .env("WEB_IMAGE", AppImages.app("web1", true));

        Map<String, Object> first = RolloutStepRunner.deploy(harness, deploy(harness, Map.of()), RolloutCore.ENGINE);
        assertEquals(first.toString(), "SUCCEEDED", first.get("outcome"));
        assertEquals(1, first.get("revision"));
        assertEquals(Map.of(f.app("api"), 1, f.app("web"), 1), first.get("services"));
        assertEquals(List.of(f.app("api"), f.app("web")), harness.jenkins.recorded.stream()
                .map(e -> ((ReportEntry.Rollout) e).record().app()).toList());
        assertEquals("web1", serves("web"));
        assertEquals("api1", serves("api"));

        Map<String, Object> second = RolloutStepRunner.deploy(harness,
                deploy(harness, Map.of("api", AppImages.app("api2", true))), RolloutCore.ENGINE);
        assertEquals(second.toString(), List.of("SUCCEEDED", 2, 1), List.of(second.get("outcome"),
                second.get("revision"), second.get("previousRevision")));
        assertEquals("api2", serves("api"));

        ContainerRollbackStep rollback = new ContainerRollbackStep(null);
        rollback.setProject(f.project);
        rollback.setProbeIntervalMillis(200);
        Map<String, Object> back = RolloutStepRunner.rollback(harness, rollback, RolloutCore.ENGINE);
        assertEquals(back.toString(), "SUCCEEDED", back.get("outcome"));
        assertEquals(3, back.get("revision"));
        assertEquals("api1", serves("api"));
        assertEquals("web1", serves("web"));
    }
}
