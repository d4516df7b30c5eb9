package io.jenkins.plugins.containerrollout.core.deploy.docker;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.containerrollout.core.ProgressSink;
import io.jenkins.plugins.containerrollout.core.deploy.DeployRequest;
import io.jenkins.plugins.containerrollout.core.deploy.ReplicaSpec;
import io.jenkins.plugins.containerrollout.core.deploy.RolloutStrategy;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.Test;
import org.junit.function.ThrowingRunnable;

/** Every bad input fails with one error naming the parameter and the fix, and nothing changes on the engine. */
public class RequestValidationOnEngineTest extends EngineTestBase {


    private void assertRefused(String parameter, ThrowingRunnable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue("names " + parameter + ": " + e.getMessage(), e.getMessage().startsWith(parameter + ":"));
        assertEquals("nothing was created on the engine", "", DeployFixture.containers(app));
    }

    private DeployRequest good(int base) {
        return DeployRequest.of(host, app, DeployFixture.image("1", true), 2, base).withProbe(DeployFixture.probe())
                .withSpec(DeployFixture.spec(DeployFixture.image("1", true)));
    }

    @Test
    public void unknownStrategyIsRefused() {
        assertRefused("strategy", () -> good(20000).withStrategy(RolloutStrategy.named("bluegreen-ish")));
    }

    @Test
    public void zeroSurgeAndZeroUnavailableIsRefused() {
        assertRefused("maxSurge/maxUnavailable", () -> good(20000).withStrategy(RolloutStrategy.rolling("0", "0%")));
    }

    @Test
    public void fewerThanOneReplicaIsRefused() {
        assertRefused("replicas", () -> good(20000).withReplicas(0));
    }

    @Test
    public void missingImageIsRefused() {
        assertRefused("image", () -> good(20000).withSpec(ReplicaSpec.of(" ")));
    }

    @Test
    public void imageTheEngineDoesNotHaveIsRefusedBeforeAnyChange() {
        int base = DeployFixture.portBase(app, 3);
        assertRefused("image", () -> deployer.deploy(good(base).withSpec(ReplicaSpec.of(app + "-no-such-image:1")),
                ProgressSink.NONE));
    }

    @Test
    public void portAlreadyListenedOnIsRefusedBeforeAnyChange() throws Exception {
        int base = DeployFixture.portBase(app, 3);
        try (ServerSocket squatter = new ServerSocket(base + 1, 1, InetAddress.getLoopbackAddress())) {
            assertRefused("portBase", () -> deployer.deploy(good(base), ProgressSink.NONE));
        }
    }

    @Test
    public void blueGreenWithoutARouterIsRefusedBeforeAnyChange() {
        int base = DeployFixture.portBase(app, 5);
        assertRefused("strategy", () -> deployer.deploy(good(base).withStrategy(RolloutStrategy.blueGreen()),
                ProgressSink.NONE));
    }
}
