package io.jenkins.plugins.containerrollout.core.deploy.docker;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.containerrollout.core.deploy.DeployRequest;
import io.jenkins.plugins.containerrollout.core.deploy.RevisionInfo;
import io.jenkins.plugins.containerrollout.core.record.Outcome;
import io.jenkins.plugins.containerrollout.core.record.RolloutRecord;
import io.jenkins.plugins.containerrollout.core.record.TimelineEvent;
import io.jenkins.plugins.containerrollout.core.record.TimelineEvent.Type;
import java.util.List;
import java.util.Set;
import org.junit.Test;

/**
 * A healthy canary passes each step's analysis and is promoted: the new revision at full size with all the traffic,
 * the stable one stopped and kept for a rollback, no client request lost on the way.
 */
public class CanaryPromotionEngineTest extends EngineTestBase {
    @Test
    public void passingCanaryIsPromotedToAllTheTraffic() throws Exception {
        DeployRequest v1 = CanaryFixture.request(host, app, DeployFixture.image("1", true),
                CanaryFixture.portBase(app, 5), "20:1,50:1", 0.99, 1000, 50);
        try (CanaryFixture.Stage stage = new CanaryFixture.Stage(host, app, v1)) {
            CanaryFixture.Sampled sampled = stage.deployWithClients(DeployFixture.image("2", true));
            RolloutRecord v2 = sampled.record();
            List<String> answers = sampled.answers();

            assertEquals(v2.message(), Outcome.SUCCEEDED, v2.outcome());
            List<String> weights = v2.eventsOf(Type.TRAFFIC).stream().map(TimelineEvent::detail)
                    .filter(d -> d.startsWith("canary weight")).map(d -> d.substring(0, d.indexOf(':'))).distinct()
                    .toList();
            assertEquals(List.of("canary weight 0 %", "canary weight 20 %", "canary weight 50 %",
                    "canary weight 100 %"), weights);
            assertEquals("two analyses, both passed", 2, v2.eventsOf(Type.PROBE).stream()
                    .filter(e -> e.detail().startsWith("canary analysis") && e.detail().endsWith("passed")).count());
            List<Integer> promoted = stage.router.routed(app);
            assertEquals(2, promoted.size());
            assertTrue("the new revision has its own ports", promoted.stream().noneMatch(stage.stable::contains));
            for (int port : promoted) {
                assertEquals("port " + port, "2", DeployFixture.version(port));
            }
            assertServes(2, 2, "2");
            RevisionInfo stable = stage.deployer.history(app).get(0);
            assertEquals("the stable revision is kept stopped (or told to stop): " + stable, 2,
                    stable.keptReplicas() + stable.stoppingReplicas());
            assertEquals("every request answered by v1 or v2", Set.of("1", "2"), Set.copyOf(answers));
            assertEquals("2", answers.get(answers.size() - 1));
            System.out.println("canary promotion v1->v2 of 2: " + answers.size() + " client requests, all answered, "
                    + v2.metrics().durationMillis() + " ms incl. 2 x 1 s steps");
        }
    }
}
