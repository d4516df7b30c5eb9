package io.jenkins.plugins.containerrollout.core.deploy.docker;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.containerrollout.core.ProgressSink;
import io.jenkins.plugins.containerrollout.core.deploy.AppPhase;
import io.jenkins.plugins.containerrollout.core.deploy.DeployRequest;
import io.jenkins.plugins.containerrollout.core.deploy.PromoteRequest;
import io.jenkins.plugins.containerrollout.core.deploy.RollbackRequest;
import io.jenkins.plugins.containerrollout.core.deploy.RolloutGates;
import io.jenkins.plugins.containerrollout.core.deploy.RolloutStrategy;
import io.jenkins.plugins.containerrollout.core.record.Outcome;
import io.jenkins.plugins.containerrollout.core.record.RolloutRecord;
import io.jenkins.plugins.containerrollout.core.router.HaproxyRouter;
import io.jenkins.plugins.containerrollout.core.verify.HttpCheck;
import io.jenkins.plugins.containerrollout.core.verify.OnFailure;
import io.jenkins.plugins.containerrollout.core.verify.VerificationResult;
import io.jenkins.plugins.containerrollout.core.verify.Verifier;
import io.jenkins.plugins.containerrollout.core.verify.VerifyRequest;
import java.util.List;
import java.util.Map;
import org.junit.Test;

/**
 * Blue-green without auto-promotion, behind a real HAProxy without retries and under several concurrent clients: the
 * new colour serves only on the preview address while production stays on the old colour, a verification can run
 * against the preview, and promote switches production at once with no failed request (or a rollback aborts).
 */
public class BlueGreenPreviewEngineTest extends EngineTestBase {
    private static final int CLIENTS = 4;

    private DeployRequest v1() {
        RolloutStrategy bg = new RolloutStrategy.BlueGreen(0, false, RolloutGates.defaults()
                .withProgressDeadlineSeconds(30));
        return new DeployRequest(host, app, DeployFixture.spec(DeployFixture.image("1", true)), 2,
                CanaryFixture.portBase(app, 6), bg, DeployFixture.probe(), 10, null, null);
    }

    @Test
    public void theNewColourWaitsOnThePreviewUntilPromotedThenSwitchesWithNoFailedRequest() throws Exception {
        try (PauseFixture stage = new PauseFixture(host, app, v1());
                LoadClients production = new LoadClients(stage.frontendPort, CLIENTS)) {
            RolloutRecord paused = stage.deploy("2");
            assertEquals(paused.message(), Outcome.PAUSED, paused.outcome());
            String preview = "http://127.0.0.1:" + stage.previewPort;
            assertEquals(preview, paused.pause().previewUrl());
            assertEquals(preview, deployer.status(app).pause().previewUrl());

            Map<String, Integer> held = PauseFixture.during(production, 2000);
            assertEquals("production stays on the old colour: " + held, 100.0, PauseFixture.share(held, "1"), 0.0);
            try (LoadClients testers = new LoadClients(stage.previewPort, 2)) {
                Map<String, Integer> previewed = PauseFixture.during(testers, 1000);
                assertEquals("the preview serves only the new colour: " + previewed, 100.0,
                        PauseFixture.share(previewed, "2"), 0.0);
                PauseFixture.assertNoneFailed(testers);
            }
            assertTrue("a verification against the preview sees the new colour",
                    verifyRevision2(preview).passed());
            assertFalse("the same check against production fails (it sees the old colour)",
                    verifyRevision2("http://127.0.0.1:" + stage.frontendPort).passed());

            RolloutRecord promoted = stage.deployer.promote(new PromoteRequest(host, app, false, "http://ci/job/x/8/"),
                    System.out::println);
            assertEquals(promoted.message(), Outcome.SUCCEEDED, promoted.outcome());
            assertEquals(paused.startedAtMillis(), promoted.startedAtMillis());
            Map<String, Integer> after = PauseFixture.during(production, 1500);
            assertEquals("production on the new colour after the switch: " + after, 100.0,
                    PauseFixture.share(after, "2"), 0.0);
            PauseFixture.assertNoneFailed(production);
            assertEquals("the preview is emptied", List.of(), stage.router.previewed(app));
            assertServes(2, 2, "2");
        }
    }

    @Test
    public void aRollbackAbortsThePreviewAndProductionNeverSawTheNewColour() throws Exception {
        try (PauseFixture stage = new PauseFixture(host, app, v1());
                LoadClients production = new LoadClients(stage.frontendPort, CLIENTS)) {
            assertEquals(Outcome.PAUSED, stage.deploy("2").outcome());
            RolloutRecord aborted = stage.deployer.rollback(RollbackRequest.previous(host, app), ProgressSink.NONE);
            assertEquals(aborted.message(), Outcome.ABORTED, aborted.outcome());
            production.close();
            assertEquals("production answered only the old colour throughout: " + production.answers(), 100.0,
                    PauseFixture.share(production.answers(), "1"), 0.0);
            PauseFixture.assertNoneFailed(production);
            assertEquals(List.of(), stage.router.previewed(app));
            assertEquals(AppPhase.COMPLETE, deployer.status(app).phase());
            assertNull(deployer.status(app).pause());
            assertServes(1, 2, "1");
        }
    }

    @Test
    public void withoutAPreviewAddressItIsRefusedBeforeAnythingStarts() throws Exception {
        try (PauseFixture stage = new PauseFixture(host, app, v1());
                DockerDeployer noPreview = new DockerDeployer(host, new HaproxyRouter(stage.haproxy.adminSocket(),
                        stage.frontendPort))) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> noPreview.deploy(
                    stage.v1.withSpec(DeployFixture.spec(DeployFixture.image("2", true))), ProgressSink.NONE));
            assertTrue(refused.getMessage(), refused.getMessage().startsWith("autoPromote: false holds the new colour")
                    && refused.getMessage().contains("previewPort"));
            assertFalse("no replica of a new revision started: " + DeployFixture.containers(app),
                    deployer.status(app).replicas().stream().anyMatch(r -> r.revision() != 1));
            assertServes(1, 2, "1");
        }
    }

    /** Checks that every one of 20 requests to {@code endpoint}/version is answered by revision 2. */
    private VerificationResult verifyRevision2(String endpoint) throws InterruptedException {
        HttpCheck check = new HttpCheck("revision 2 answers", "GET", "{endpoint}/version", null, "^2\\s*$", null, null,
                null, 0, 0, 0, 20, 0);
        return new Verifier(host).verify(VerifyRequest.of(List.of(endpoint), List.of(check), OnFailure.FAIL),
                System.out::println);
    }
}
