package io.jenkins.plugins.containerrollout.core.deploy.docker;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.containerrollout.core.deploy.DeployRequest;
import io.jenkins.plugins.containerrollout.core.record.Outcome;
import io.jenkins.plugins.containerrollout.core.record.RolloutRecord;
import io.jenkins.plugins.containerrollout.core.record.TimelineEvent.Type;
import java.util.List;
import java.util.Set;
import org.junit.Test;

/**
 * A canary whose {@code /} answers 500 (health check fine, so only the analysis of real traffic can tell) fails its
 * first analysis at 10 %, is taken out of the router and stopped, and the stable revision keeps serving every client.
 */
public class CanaryRollbackEngineTest extends EngineTestBase {
    @Test
    public void failingAnalysisRollsBackAutomaticallyAndTheStableVersionKeepsServing() throws Exception {
        DeployRequest v1 = CanaryFixture.request(host, app, DeployFixture.image("1", true),
                CanaryFixture.portBase(app, 5), "10:2,50:2", 0.99, 0, 100);
        try (CanaryFixture.Stage stage = new CanaryFixture.Stage(host, app, v1)) {
            CanaryFixture.Sampled sampled = stage.deployWithClients(CanaryFixture.brokenImage("2"));
            RolloutRecord bad = sampled.record();
            List<String> answers = sampled.answers();

            assertEquals(bad.message(), Outcome.ROLLED_BACK, bad.outcome());
            assertTrue(bad.message(), bad.message().contains("canary analysis at 10 %"));
            assertFalse("the 50 % step never came", bad.events().stream()
                    .anyMatch(e -> e.type() == Type.TRAFFIC && e.detail().contains("canary weight 50 %")));
            assertEquals(1, bad.eventsOf(Type.ROLLBACK_STARTED).size());
            assertEquals(1, bad.eventsOf(Type.RESTORED).size());
            assertEquals("the router sends everything to the stable replicas again", stage.stable,
                    stage.router.routed(app));
            assertEquals("every /version request was answered by a version: " + Set.copyOf(answers),
                    Set.of("1", "2"), Set.copyOf(answers));
            assertEquals("the stable version serves after the rollback", "1", answers.get(answers.size() - 1));
            assertServes(1, 2, "1");
            assertTrue("no canary replica runs: " + DeployFixture.containers(app),
                    stage.deployer.history(app).stream().noneMatch(r -> r.revision() == 2 && r.runningReplicas() > 0));
            System.out.println("canary rollback: " + answers.size() + " client requests during the bad deploy, "
                    + answers.stream().filter("2"::equals).count() + " answered by the canary, restored in "
                    + bad.metrics().durationMillis() + " ms");
        }
    }
}
