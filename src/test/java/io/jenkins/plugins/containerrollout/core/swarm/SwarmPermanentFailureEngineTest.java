package io.jenkins.plugins.containerrollout.core.swarm;

import static io.jenkins.plugins.containerrollout.core.swarm.SwarmFixture.assertServes;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.containerrollout.core.deploy.AppPhase;
import io.jenkins.plugins.containerrollout.core.deploy.DeployRequest;
import io.jenkins.plugins.containerrollout.core.deploy.RolloutStrategy;
import io.jenkins.plugins.containerrollout.core.record.Outcome;
import io.jenkins.plugins.containerrollout.core.record.RolloutRecord;
import java.util.List;
import org.junit.Test;

/**
 * A task that fails in a way no retry mends ends the rollout at once with the engine's error, long before a
 * progress deadline; an image the swarm target cannot probe is refused before anything changes.
 */
public class SwarmPermanentFailureEngineTest extends SwarmTestBase {
    /** Far longer than the test allows: reaching it would mean the failure was not seen as permanent. */
    private static final int LONG_DEADLINE_SECONDS = 120;
    private static final long AT_ONCE_MILLIS = 20_000;
    /** What runc says for an entrypoint missing from the image. */
    private static final String ENGINE_ERROR = "exec: \"/nope\": stat /nope: no such file or directory";

    @Override
    protected int firstPort() {
        return 37800;
    }

    private DeployRequest missingEntrypoint() {
        DeployRequest r = SwarmFixture.request(host, app, images.v2(), 2, portBase());
        return r.withSpec(r.spec().withCommand(List.of("/nope"), null))
                .withStrategy(RolloutStrategy.rolling("1", "0").withProgressDeadlineSeconds(LONG_DEADLINE_SECONDS));
    }

    @Test
    public void aFirstDeployWhoseEntrypointDoesNotExistFailsAtOnceWithTheEnginesError() throws Exception {
        long start = System.currentTimeMillis();
        RolloutRecord r = swarm.deploy(missingEntrypoint(), SwarmFixture.SINK);
        long took = System.currentTimeMillis() - start;

        assertEquals(r.message(), Outcome.FAILED, r.outcome());
        assertTrue(r.message(), r.message().contains(ENGINE_ERROR));
        assertTrue("ended after " + took + " ms", took < AT_ONCE_MILLIS);
        assertEquals("a service that never served is removed", AppPhase.NONE, swarm.status(app).phase());
    }

    @Test
    public void anUpdateWhoseEntrypointDoesNotExistIsRolledBackAtOnceWithTheEnginesError() throws Exception {
        deploy(images.v1());
        long start = System.currentTimeMillis();
        RolloutRecord r = swarm.deploy(missingEntrypoint(), SwarmFixture.SINK);
        long took = System.currentTimeMillis() - start;

        assertEquals(r.message(), Outcome.ROLLED_BACK, r.outcome());
        assertTrue(r.message(), r.message().contains(ENGINE_ERROR));
        assertTrue("ended after " + took + " ms", took < AT_ONCE_MILLIS);
        assertEquals(1, r.servingRevision());
        assertServes(swarm, app, 2, "1.0");
    }

    @Test
    public void anImageWithoutShellOrHealthcheckIsRefusedBeforeAnythingChanges() {
        String image = ShellessImages.withoutHealthcheck();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> swarm.deploy(
                SwarmFixture.request(host, app, image, 2, portBase()), SwarmFixture.SINK));
        assertEquals(ShellCheck.message(image), e.getMessage());
        assertTrue(e.getMessage(), e.getMessage().startsWith("image: '" + image + "' has no HEALTHCHECK and no /bin/sh"));
        assertEquals(AppPhase.NONE, swarm.status(app).phase());
    }
}
