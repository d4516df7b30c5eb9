package io.jenkins.plugins.containerrollout.core.deploy.docker;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.containerrollout.core.ProgressSink;
import io.jenkins.plugins.containerrollout.core.deploy.DeployRequest;
import io.jenkins.plugins.containerrollout.core.deploy.RolloutStrategy;
import io.jenkins.plugins.containerrollout.core.record.Outcome;
import io.jenkins.plugins.containerrollout.core.record.RolloutRecord;
import io.jenkins.plugins.containerrollout.core.router.HaproxyRouter;
import io.jenkins.plugins.containerrollout.testing.Haproxy;
import java.util.List;
import java.util.Set;
import org.junit.Test;

/** A rolling update behind HAProxy: the router follows the serving set, so clients never see a failed request. */
public class RoutedRollingEngineTest extends EngineTestBase {
    @Test
    public void rollingUpdateBehindTheRouterAnswersEveryClientRequest() throws Exception {
        int base = DeployFixture.portBase(app, 6);
        DeployRequest v1 = new DeployRequest(host, app, DeployFixture.spec(DeployFixture.image("1", true)), 3, base,
                RolloutStrategy.rolling("1", "1"), DeployFixture.probe(), 10, null, null);
        try (Haproxy haproxy = Haproxy.start(app, base + 5, 8);
                DockerDeployer withRouter = new DockerDeployer(host, new HaproxyRouter(haproxy.adminSocket()))) {
            withRouter.deploy(v1, ProgressSink.NONE);
            List<String> answers;
            RolloutRecord record;
            try (FrontendSampler clients = new FrontendSampler(haproxy.frontendPort())) {
                record = withRouter.deploy(v1.withSpec(DeployFixture.spec(DeployFixture.image("2", true))),
                        ProgressSink.NONE);
                Thread.sleep(200);
                answers = clients.answers();
            }
            assertEquals(record.message(), Outcome.SUCCEEDED, record.outcome());
            assertTrue("many requests: " + answers.size(), answers.size() > 50);
            assertEquals("every request answered by v1 or v2", Set.of("1", "2"), Set.copyOf(answers));
            assertEquals("2", answers.get(answers.size() - 1));
            assertEquals(3, new HaproxyRouter(haproxy.adminSocket()).routed(app).size());
            System.out.println("routed rolling v1->v2 of 3: " + answers.size() + " client requests, all answered, "
                    + record.metrics().durationMillis() + " ms");
        }
    }
}
