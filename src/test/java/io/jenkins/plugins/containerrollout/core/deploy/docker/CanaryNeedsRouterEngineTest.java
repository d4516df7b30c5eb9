package io.jenkins.plugins.containerrollout.core.deploy.docker;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.containerrollout.core.ProgressSink;
import io.jenkins.plugins.containerrollout.core.deploy.DeployRequest;
import io.jenkins.plugins.containerrollout.core.deploy.RolloutStrategy;
import io.jenkins.plugins.containerrollout.core.router.HaproxyRouter;
import java.nio.file.Path;
import org.junit.Test;

/** A canary needs a router that weights traffic and knows its frontend; without one it is refused before any change. */
public class CanaryNeedsRouterEngineTest extends EngineTestBase {
    private DeployRequest canary() {
        return new DeployRequest(host, app, DeployFixture.spec(DeployFixture.image("1", true)), 1,
                CanaryFixture.portBase(app, 2), RolloutStrategy.named("canary"), DeployFixture.probe(), 10, null, null);
    }

    @Test
    public void canaryWithoutARouterIsRefusedBeforeAnythingChanges() {
        String message = assertThrows(IllegalArgumentException.class,
                () -> deployer.deploy(canary(), ProgressSink.NONE)).getMessage();
        assertTrue(message, message.startsWith("strategy: canary splits traffic by weight, so it needs a router"));
        assertEquals("", DeployFixture.containers(app));
    }

    @Test
    public void canaryWithARouterThatDoesNotKnowItsFrontendIsRefusedBeforeAnythingChanges() {
        try (DockerDeployer withRouter = new DockerDeployer(host, new HaproxyRouter(Path.of("/nonexistent.sock")))) {
            String message = assertThrows(IllegalArgumentException.class,
                    () -> withRouter.deploy(canary(), ProgressSink.NONE)).getMessage();
            assertTrue(message, message.contains("frontendPort") && message.contains("--router-frontend-port PORT")
                    && !message.contains("HaproxyRouter"));
        }
        assertEquals("", DeployFixture.containers(app));
    }
}
