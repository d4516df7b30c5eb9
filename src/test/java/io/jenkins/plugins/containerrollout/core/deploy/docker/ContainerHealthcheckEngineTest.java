package io.jenkins.plugins.containerrollout.core.deploy.docker;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.containerrollout.core.deploy.ContainerHealthcheck;
import io.jenkins.plugins.containerrollout.core.deploy.DeployRequest;
import io.jenkins.plugins.containerrollout.core.deploy.RolloutStrategy;
import io.jenkins.plugins.containerrollout.core.record.Outcome;
import io.jenkins.plugins.containerrollout.core.record.RolloutRecord;
import io.jenkins.plugins.containerrollout.testing.AppImages;
import io.jenkins.plugins.containerrollout.testing.TestBed;
import io.jenkins.plugins.containerrollout.testing.TestImages;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.Test;

/**
 * A replica's own healthcheck (a Compose service's {@code healthcheck:}) is what the engine runs and what gates the
 * rollout, whatever the image declares: a failing one fails a release whose HTTP probe would pass, a passing one
 * lets it out, and {@code NONE} switches off a failing image HEALTHCHECK so the HTTP probe decides.
 */
public class ContainerHealthcheckEngineTest extends EngineTestBase {
    private static final ContainerHealthcheck ASKS_VERSION = new ContainerHealthcheck(List.of("CMD-SHELL",
            "wget -q -O /dev/null http://127.0.0.1:$PORT/version || exit 1"), 300, 2000, 2, 0);

    private DeployRequest request(String image, ContainerHealthcheck check, int base) {
        return new DeployRequest(host, app, DeployFixture.spec(image).withHealthcheck(check), 2, base,
                RolloutStrategy.rolling("1", "0").withProgressDeadlineSeconds(20), DeployFixture.probe(), 10, null,
                null);
    }

    @Test
    public void theReplicasOwnCheckRunsInTheEngineAndGatesTheRollout() throws Exception {
        int base = DeployFixture.portBase(app, 6);
        RolloutRecord v1 = deployer.deploy(request(DeployFixture.image("1", true), ASKS_VERSION, base),
                System.out::println);
        assertEquals(v1.message(), Outcome.SUCCEEDED, v1.outcome());
        String id = deployer.status(app).replicas().get(0).name();
        String config = TestBed.docker("inspect", "--format", "{{json .Config.Healthcheck}}", id).trim();
        assertTrue(config, config.contains("\"Test\":[\"CMD-SHELL\",\"wget -q -O /dev/null http://127.0.0.1:$PORT/version"
                + " || exit 1\"]") && config.contains("\"Interval\":300000000"));
        assertEquals("the engine ran it", "healthy",
                TestBed.docker("inspect", "--format", "{{.State.Health.Status}}", id).trim());

        ContainerHealthcheck failing = new ContainerHealthcheck(List.of("CMD-SHELL", "exit 1"), 300, 2000, 1, 0);
        RolloutRecord v2 = deployer.deploy(request(DeployFixture.image("2", true), failing, base), System.out::println);
        assertEquals("its HTTP probe passes, its own check fails: " + v2.message(), Outcome.ROLLED_BACK, v2.outcome());
        assertServes(1, 2, "1");
    }

    @Test
    public void noneSwitchesOffAFailingImageHealthcheckAndTheHttpProbeDecides() throws Exception {
        int base = DeployFixture.portBase(app, 6);
        String image = failingImageHealthcheck();
        RolloutRecord kept = deployer.deploy(request(image, null, base), System.out::println);
        assertEquals("the image's own check fails it: " + kept.message(), Outcome.FAILED, kept.outcome());
        deployer.remove(app);

        RolloutRecord off = deployer.deploy(request(image, ContainerHealthcheck.none(), base), System.out::println);
        assertEquals(off.message(), Outcome.SUCCEEDED, off.outcome());
        assertServes(1, 2, "1");
    }

    /** Version 1, healthy on its HTTP health path, with a HEALTHCHECK that always fails. */
    private static String failingImageHealthcheck() {
        String base = DeployFixture.image("1", true);
        return AppImages.cached("hc-always-failing", tag -> {
            try {
                Path dir = Files.createTempDirectory("hc-fail");
                Files.writeString(dir.resolve("Dockerfile"), String.join("\n", "FROM " + base,
                        "HEALTHCHECK --interval=300ms --timeout=2s --retries=1 CMD exit 1", ""));
                return TestImages.build(dir, tag);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
