package io.jenkins.plugins.containerrollout.core.compose;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.containerrollout.core.deploy.AppDeployer;
import io.jenkins.plugins.containerrollout.core.deploy.RolloutLockedException;
import io.jenkins.plugins.containerrollout.core.deploy.docker.DockerDeployer;
import io.jenkins.plugins.containerrollout.core.engine.DockerHost;
import io.jenkins.plugins.containerrollout.core.health.ProbeSettings;
import io.jenkins.plugins.containerrollout.core.record.Outcome;
import io.jenkins.plugins.containerrollout.testing.AppImages;
import io.jenkins.plugins.containerrollout.testing.StackFixture;
import io.jenkins.plugins.containerrollout.testing.TestBed;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.After;
import org.junit.Test;

/**
 * One stack command of a project at a time: while another holds the stack's lock (in the engine, so across
 * processes), a deploy or rollback of the project is refused before any service moves; released, it goes through.
 */
public class StackLockEngineTest {
    private static final ProbeSettings PROBE = new ProbeSettings("/cgi-bin/health", Duration.ofMillis(200),
            Duration.ofSeconds(2), 1, 3, Duration.ofSeconds(20));
    private final DockerHost host = TestBed.host();
    private final DockerDeployer deployer = new DockerDeployer(host);
    private final StackFixture f = new StackFixture("stlock");

    @After
    public void cleanup() {
        f.cleanup();
        TestBed.docker("rm", "-f", f.project + ".stack.lock");
        deployer.close();
    }

    @Test
    public void aSecondStackCommandIsRefusedWhileTheFirstHoldsTheLock() throws Exception {
        StackDeployer stack = new StackDeployer(deployer, host, PROBE);
        Path file = f.write(AppImages.app("web1", true), AppImages.app("api1", true), StackFixture.worker());
        ComposeProject project = ComposeLoader.load(file, null, Map.of(), Map.of());
        StackResult first;
        try (AppDeployer.StackLock held = deployer.lockStack(f.project, AppImages.app("web1", true))) {
            RolloutLockedException refused = assertThrows(RolloutLockedException.class,
                    () -> stack.deploy(project, System.out::println));
            assertTrue(refused.getMessage(), refused.getMessage().startsWith("stack '" + f.project
                    + "' is already being rolled out by "));
            assertEquals("no service moved", "", TestBed.docker("ps", "-aq", "--filter",
                    "label=io.jenkins.containerrollout.app=" + f.app("api")).trim());
        }
        first = stack.deploy(project, System.out::println);
        assertEquals(first.message(), Outcome.SUCCEEDED, first.outcome());

        try (AppDeployer.StackLock held = deployer.lockStack(f.project, AppImages.app("web1", true))) {
            assertThrows(RolloutLockedException.class, () -> stack.rollback(f.project, 0, System.out::println));
        }
        assertEquals("released: nothing left behind", "", TestBed.docker("ps", "-aq", "--filter",
                "name=^" + f.project + ".stack.lock$").trim());
    }
}
