package io.jenkins.plugins.containerrollout.core.deploy.docker;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.containerrollout.core.ProgressSink;
import io.jenkins.plugins.containerrollout.core.deploy.AppPhase;
import io.jenkins.plugins.containerrollout.core.deploy.AppStatus;
import io.jenkins.plugins.containerrollout.core.deploy.DeployRequest;
import io.jenkins.plugins.containerrollout.core.deploy.PromoteRequest;
import io.jenkins.plugins.containerrollout.core.deploy.RollbackRequest;
import io.jenkins.plugins.containerrollout.core.record.Operation;
import io.jenkins.plugins.containerrollout.core.record.Outcome;
import io.jenkins.plugins.containerrollout.core.record.RolloutRecord;
import io.jenkins.plugins.containerrollout.core.record.TimelineEvent;
import java.util.Map;
import org.junit.Test;

/**
 * A canary that holds at a manual step: behind a real HAProxy without retries, under several concurrent clients, it
 * keeps its weight while nobody is there, then promote moves it on (one record from the deploy to the promote) and a
 * rollback aborts it; a deploy over it is refused unless it replaces it.
 */
public class CanaryPauseEngineTest extends EngineTestBase {
    private static final int CLIENTS = 4;

    private DeployRequest v1(String steps) {
        return CanaryFixture.request(host, app, DeployFixture.image("1", true), CanaryFixture.portBase(app, 6), steps,
                0.99, 0, 20);
    }

    @Test
    public void aPausedCanaryHoldsItsWeightUnderLoadAndPromoteTakesItToTheEnd() throws Exception {
        try (PauseFixture stage = new PauseFixture(host, app, v1("25:manual,60:1"));
                LoadClients load = new LoadClients(stage.frontendPort, CLIENTS)) {
            RolloutRecord paused = stage.deploy("2");
            assertEquals(paused.message(), Outcome.PAUSED, paused.outcome());
            assertNotNull("the record says where it holds", paused.pause());
            assertEquals(1, paused.pause().step());
            assertEquals(2, paused.pause().steps());
            assertEquals(25, paused.pause().weight());
            assertTrue(paused.message(), paused.message().contains("promote") && paused.message().contains("rollback"));

            AppStatus status = deployer.status(app);
            assertEquals(AppPhase.PAUSED, status.phase());
            assertEquals(25, status.pause().weight());
            assertNull("the lock is not held while paused", status.lockOwner());

            // nobody drives the rollout now: the router alone keeps the weight
            Map<String, Integer> held = PauseFixture.during(load, 10_000);
            double share = PauseFixture.share(held, "2");
            System.out.println("while paused at 25 %: " + held + " -> revision 2 answered " + share + " %");
            assertTrue("at least a few hundred answers: " + held, held.values().stream().mapToInt(i -> i).sum() > 200);
            assertTrue("the canary's share stays at 25 % +- 5 while paused: " + share + " % of " + held,
                    Math.abs(share - 25) <= 5);
            PauseFixture.assertNoneFailed(load);

            RolloutRecord promoted = stage.deployer.promote(new PromoteRequest(host, app, false, null),
                    System.out::println);
            assertEquals(promoted.message(), Outcome.SUCCEEDED, promoted.outcome());
            assertEquals("one record from the deploy to the promote", paused.startedAtMillis(),
                    promoted.startedAtMillis());
            assertEquals(Operation.DEPLOY, promoted.operation());
            assertEquals(2, promoted.servingRevision());
            assertNull(promoted.pause());
            assertTrue("its timeline shows the pause and the promote", hasPhase(promoted, "holds at step 1 of 2")
                    && hasPhase(promoted, "promoted after") && hasTraffic(promoted, "canary weight 60 %"));
            assertEquals("the step after the pause was analysed", 1, promoted.analysis().size());

            Map<String, Integer> after = PauseFixture.during(load, 1500);
            assertEquals("every answer from revision 2 after the promote: " + after, 100.0,
                    PauseFixture.share(after, "2"), 0.0);
            PauseFixture.assertNoneFailed(load);
            assertServes(2, 2, "2");
            assertNull(deployer.status(app).pause());
        }
    }

    @Test
    public void aRollbackAbortsAPausedCanaryAndTheStableRevisionTakesEverything() throws Exception {
        try (PauseFixture stage = new PauseFixture(host, app, v1("25:manual,60:1"));
                LoadClients load = new LoadClients(stage.frontendPort, CLIENTS)) {
            RolloutRecord paused = stage.deploy("2");
            assertEquals(paused.message(), Outcome.PAUSED, paused.outcome());
            PauseFixture.during(load, 1000);

            RolloutRecord aborted = stage.deployer.rollback(RollbackRequest.previous(host, app), System.out::println);
            assertEquals(aborted.message(), Outcome.ABORTED, aborted.outcome());
            assertEquals("the paused rollout's record ends here", paused.startedAtMillis(), aborted.startedAtMillis());
            assertEquals(2, aborted.toRevision());
            assertEquals(1, aborted.servingRevision());
            TimelineEvent firstRouting = aborted.events().stream()
                    .dropWhile(e -> e.type() != TimelineEvent.Type.ROLLBACK_STARTED)
                    .filter(e -> e.type() == TimelineEvent.Type.TRAFFIC).findFirst().orElseThrow();
            assertTrue("the abort's first routing sends everything to revision 1: " + firstRouting.detail(),
                    firstRouting.detail().contains("revision 1 gets 100.0 %"));
            assertEquals("the router sends nothing to the canary any more", stage.router.routed(app),
                    deployer.status(app).servingPorts());
            Map<String, Integer> after = PauseFixture.during(load, 1500);
            assertEquals("every answer from revision 1 after the abort: " + after, 100.0,
                    PauseFixture.share(after, "1"), 0.0);
            PauseFixture.assertNoneFailed(load);
            assertServes(1, 2, "1");
            assertFalse("the canary's replicas are gone: " + DeployFixture.containers(app),
                    deployer.status(app).replicas().stream().anyMatch(r -> r.revision() == 2));
            assertNull(deployer.status(app).pause());
        }
    }

    @Test
    public void aDeployOverAPausedRolloutIsRefusedUnlessItReplacesIt() throws Exception {
        try (PauseFixture stage = new PauseFixture(host, app, v1("25:manual"))) {
            assertEquals(Outcome.PAUSED, stage.deploy("2").outcome());
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> stage.deploy("3"));
            assertTrue(refused.getMessage(), refused.getMessage().contains("paused rollout")
                    && refused.getMessage().contains("promote") && refused.getMessage().contains("rollback")
                    && refused.getMessage().contains("replacePaused"));
            assertEquals("nothing changed", AppPhase.PAUSED, deployer.status(app).phase());

            DeployRequest v3 = stage.v1.withSpec(DeployFixture.spec(DeployFixture.image("3", true)))
                    .withStrategy(io.jenkins.plugins.containerrollout.core.deploy.RolloutStrategy.rolling())
                    .withReplacePaused(true);
            RolloutRecord replaced = stage.deployer.deploy(v3, System.out::println);
            assertEquals(replaced.message(), Outcome.SUCCEEDED, replaced.outcome());
            assertEquals("it went out from the stable revision", 1, replaced.fromRevision());
            assertServes(replaced.toRevision(), 2, "3");
            assertTrue(stage.router.routed(app).equals(deployer.status(app).servingPorts()));
        }
    }

    @Test
    public void promoteWithNothingPausedIsAClearErrorAndChangesNothing() throws Exception {
        try (PauseFixture stage = new PauseFixture(host, app, v1("25:manual"))) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> stage.deployer.promote(new PromoteRequest(host, app, false, null), ProgressSink.NONE));
            assertTrue(refused.getMessage(), refused.getMessage().contains("no paused rollout to promote"));
            assertServes(1, 2, "1");
        }
    }

    @Test
    public void promoteFullSkipsTheRemainingSteps() throws Exception {
        try (PauseFixture stage = new PauseFixture(host, app, v1("10:manual,30:manual,60:30"))) {
            assertEquals(Outcome.PAUSED, stage.deploy("2").outcome());
            RolloutRecord second = stage.deployer.promote(new PromoteRequest(host, app, false, null), ProgressSink.NONE);
            assertEquals("the next manual step holds again", Outcome.PAUSED, second.outcome());
            assertEquals(2, second.pause().step());
            assertEquals(30, second.pause().weight());
            RolloutRecord full = stage.deployer.promote(new PromoteRequest(host, app, true, null), System.out::println);
            assertEquals(full.message(), Outcome.SUCCEEDED, full.outcome());
            assertFalse("the 60 % step with its 30 s analysis was skipped", hasTraffic(full, "canary weight 60 %"));
            assertTrue(hasPhase(full, "skipping the remaining steps"));
            assertServes(2, 2, "2");
        }
    }

    private static boolean hasPhase(RolloutRecord r, String text) {
        return r.eventsOf(TimelineEvent.Type.PHASE).stream().anyMatch(e -> e.detail().contains(text));
    }

    private static boolean hasTraffic(RolloutRecord r, String text) {
        return r.eventsOf(TimelineEvent.Type.TRAFFIC).stream().anyMatch(e -> e.detail().contains(text));
    }
}
