package io.jenkins.plugins.containerrollout.core.deploy.docker;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.containerrollout.core.ProgressSink;
import io.jenkins.plugins.containerrollout.core.deploy.DeployRequest;
import io.jenkins.plugins.containerrollout.core.deploy.RevisionInfo;
import io.jenkins.plugins.containerrollout.core.deploy.RolloutStrategy;
import io.jenkins.plugins.containerrollout.core.record.Outcome;
import io.jenkins.plugins.containerrollout.core.record.RolloutRecord;
import io.jenkins.plugins.containerrollout.core.router.HaproxyRouter;
import io.jenkins.plugins.containerrollout.testing.Haproxy;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.Test;

/** Blue-green behind a real HAProxy: the switch is all at once, no client request fails, a bad colour never serves. */
public class BlueGreenEngineTest extends EngineTestBase {
    private DeployRequest request(String version, boolean healthy, int base) {
        return new DeployRequest(host, app, DeployFixture.spec(DeployFixture.image(version, healthy)), 2, base,
                RolloutStrategy.blueGreen().withScaleDownDelaySeconds(1).withProgressDeadlineSeconds(30),
                DeployFixture.probe(), 10, null, null);
    }

    @Test
    public void blueGreenSwitchesAllTrafficAtOnceWithoutFailedRequestsAndNeverServesABadColour() throws Exception {
        int base = DeployFixture.portBase(app, 6);
        try (Haproxy haproxy = Haproxy.start(app, base + 5, 8);
                DockerDeployer withRouter = new DockerDeployer(host, new HaproxyRouter(haproxy.adminSocket()))) {
            HaproxyRouter router = new HaproxyRouter(haproxy.adminSocket());
            assertEquals(Outcome.SUCCEEDED, withRouter.deploy(request("1", true, base), ProgressSink.NONE).outcome());
            List<Integer> blue = router.routed(app);
            assertEquals(2, blue.size());

            RolloutRecord green;
            List<String> answers;
            try (FrontendSampler clients = new FrontendSampler(haproxy.frontendPort())) {
                green = withRouter.deploy(request("2", true, base), System.out::println);
                Thread.sleep(200);
                answers = clients.answers();
            }
            assertEquals(green.message(), Outcome.SUCCEEDED, green.outcome());
            assertEquals("every request answered: " + summary(answers), Set.of("1", "2"), Set.copyOf(answers));
            assertTrue("once version 2 answered, version 1 never did again: " + summary(answers),
                    answers.lastIndexOf("1") < answers.indexOf("2"));
            List<Integer> greenPorts = router.routed(app);
            assertEquals(2, greenPorts.size());
            assertTrue("the new colour has its own ports", greenPorts.stream().noneMatch(blue::contains));
            assertServes(2, 2, "2");
            RevisionInfo blueColour = withRouter.history(app).get(0);
            assertEquals("the old colour is stopped (or told to stop) after the delay: " + blueColour, 2,
                    blueColour.keptReplicas() + blueColour.stoppingReplicas());

            RolloutRecord bad;
            try (FrontendSampler clients = new FrontendSampler(haproxy.frontendPort())) {
                bad = withRouter.deploy(request("3", false, base), System.out::println);
                Thread.sleep(200);
                answers = clients.answers();
            }
            assertEquals(bad.message(), Outcome.ROLLED_BACK, bad.outcome());
            assertEquals("only the green colour served: " + summary(answers), Set.of("2"), Set.copyOf(answers));
            assertEquals(greenPorts, router.routed(app));
            System.out.println("blue-green switch: " + answers.size() + " requests during the failed v3, "
                    + green.metrics().durationMillis() + " ms for v1->v2 incl. 1 s scale-down delay");
        }
    }

    private static String summary(List<String> answers) {
        return answers.size() + " answers " + answers.stream().collect(Collectors.groupingBy(a -> a, Collectors.counting()));
    }
}
