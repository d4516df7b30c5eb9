package io.jenkins.plugins.containerrollout.steps;

import io.jenkins.plugins.containerrollout.core.targets.Target;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import hudson.AbortException;
import io.jenkins.plugins.containerrollout.core.deploy.DeployRequest;
import io.jenkins.plugins.containerrollout.core.router.HaproxyRouter;
import io.jenkins.plugins.containerrollout.core.engine.DockerHost;
import java.nio.file.Path;
import java.util.List;
import org.junit.Test;

/** {@code target: swarm()} / {@code dockerEngine()} on the app steps reaches the agent-side core; no target means the engine. */
public class DeployTargetStepTest extends FakeCoreHarness {
    private static ContainerDeployStep deploy(DeployTarget target) {
        ContainerDeployStep step = new ContainerDeployStep("web", "127.0.0.1:5000/web:4", 21000);
        step.setTarget(target);
        return step;
    }

    @Test
    public void deployWithoutATargetUsesTheDockerDeployer() throws Exception {
        RolloutStepRunner.deploy(harness, deploy(null), core);

        assertEquals(List.of(Target.DOCKER), core.targets);
    }

    @Test
    public void deployWithTheSwarmTargetUsesTheSwarmDeployer() throws Exception {
        RolloutStepRunner.deploy(harness, deploy(new SwarmTarget()), core);

        assertEquals(List.of(Target.SWARM), core.targets);
    }

    @Test
    public void rollbackWithTheSwarmTargetUsesTheSwarmDeployer() throws Exception {
        ContainerRollbackStep step = new ContainerRollbackStep("web");
        step.setTarget(new SwarmTarget());

        RolloutStepRunner.rollback(harness, step, core);

        assertEquals(List.of(Target.SWARM), core.targets);
    }

    @Test
    public void verifyWithTheSwarmTargetReadsTheStatusAndRollsBackOnTheSwarm() {
        core.serving("web", 2, 21000, 21001).verificationFails();
        ContainerVerifyStep step = new ContainerVerifyStep("web", List.of(new HttpVerifyCheck("{endpoint}/")));
        step.setOnFailure("rollback");
        step.setTarget(new SwarmTarget());

        assertThrows(AbortException.class, () -> RolloutStepRunner.verify(harness, step, core));

        assertEquals(List.of(Target.SWARM, Target.SWARM), core.targets);
    }

    @Test
    public void theExplicitDockerTargetUsesTheDockerDeployer() throws Exception {
        RolloutStepRunner.deploy(harness, deploy(new DockerTarget()), core);

        assertEquals(List.of(Target.DOCKER), core.targets);
    }

    @Test
    public void theRealCoreRefusesARouterOnTheSwarmTargetBeforeAnythingMoves() {
        DockerHost nowhere = new DockerHost("unix:///nonexistent/docker.sock", false, null);
        DeployRequest request = DeployRequest.of(nowhere, "web", "127.0.0.1:5000/web:4", 1, 21000);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RolloutCore.ENGINE.deploy(
                Target.SWARM, request, new HaproxyRouter(Path.of("/nonexistent.sock"), 0), null, line -> { }));

        assertEquals("router: a router is not supported with the swarm target yet; leave the router out (router: "
                + "direct() in a Pipeline, no --router on the command line)", e.getMessage());
    }
}
