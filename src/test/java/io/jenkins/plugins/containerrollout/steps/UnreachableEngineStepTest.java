package io.jenkins.plugins.containerrollout.steps;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import hudson.AbortException;
import io.jenkins.plugins.containerrollout.core.engine.TestCommands;
import java.nio.file.Files;
import java.util.List;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * What the steps say when no engine answers at the address they tried: that address, that nothing answers there, and
 * the step's {@code dockerHost} parameter or {@code DOCKER_HOST} as the way to another engine, never a Java exception
 * name. The real cores run in the {@link StepHarness}; no engine is needed (a missing socket, a closed loopback port).
 */
public class UnreachableEngineStepTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private StepHarness harness;
    private String closedPort;

    @Before
    public void harnessWithoutAnEngine() throws Exception {
        harness = StepHarness.in(tmp.newFolder("ws"));
        closedPort = "tcp://127.0.0.1:" + TestCommands.unusedPort();
    }

    private static void assertNamesAddressAndFix(AbortException e, String step, String address) {
        String message = e.getMessage();
        assertTrue(message, message.startsWith(step + ": cannot reach the Docker engine at " + address
                + ": nothing answers there ("));
        assertTrue(message, message.contains("set the dockerHost parameter or DOCKER_HOST"));
        assertFalse(message, message.contains("java.") || message.contains("org.apache") || message.contains("Exception"));
    }

    @Test
    public void deployFromDockerHostAtAClosedPortNamesThatAddress() {
        harness.env("DOCKER_HOST", closedPort);
        ContainerDeployStep step = new ContainerDeployStep("web", "web:1", 31000);
        AbortException e = assertThrows(AbortException.class,
                () -> RolloutStepRunner.deploy(harness, step, RolloutCore.ENGINE));
        assertNamesAddressAndFix(e, "containerDeploy", closedPort);
    }

    @Test
    public void rollbackWithDockerHostAtAMissingSocketNamesThatAddress() {
        ContainerRollbackStep step = new ContainerRollbackStep("web");
        step.setDockerHost("unix:///nonexistent.sock");
        AbortException e = assertThrows(AbortException.class,
                () -> RolloutStepRunner.rollback(harness, step, RolloutCore.ENGINE));
        assertNamesAddressAndFix(e, "containerRollback", "unix:///nonexistent.sock");
    }

    @Test
    public void verifyFromDockerHostAtAMissingSocketNamesThatAddress() {
        harness.env("DOCKER_HOST", "unix:///nonexistent.sock");
        ContainerVerifyStep step = new ContainerVerifyStep("web", List.of(new HttpVerifyCheck("{endpoint}/health")));
        AbortException e = assertThrows(AbortException.class,
                () -> RolloutStepRunner.verify(harness, step, RolloutCore.ENGINE));
        assertNamesAddressAndFix(e, "containerVerify", "unix:///nonexistent.sock");
    }

    @Test
    public void buildAtAClosedPortNamesThatAddress() throws Exception {
        Files.writeString(tmp.getRoot().toPath().resolve("ws/Dockerfile"), "FROM scratch\n");
        harness.env("DOCKER_HOST", closedPort);
        AbortException e = assertThrows(AbortException.class,
                () -> harness.run(new ContainerBuildStep(List.of("web:1")), BuildCore.IMAGE_BUILDER));
        assertNamesAddressAndFix(e, "containerBuild", closedPort);
    }
}
