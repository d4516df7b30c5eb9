package io.jenkins.plugins.containerrollout.steps;

import io.jenkins.plugins.containerrollout.core.targets.Target;
import static org.junit.Assert.assertEquals;

import io.jenkins.plugins.containerrollout.core.deploy.AppStatus;
import io.jenkins.plugins.containerrollout.core.deploy.DeployRequest;
import io.jenkins.plugins.containerrollout.core.deploy.ReplicaSpec;
import io.jenkins.plugins.containerrollout.core.deploy.RolloutStrategy;
import io.jenkins.plugins.containerrollout.core.router.TrafficRouter;
import io.jenkins.plugins.containerrollout.core.engine.DockerHost;
import io.jenkins.plugins.containerrollout.core.health.ProbeSettings;
import io.jenkins.plugins.containerrollout.core.record.Outcome;
import io.jenkins.plugins.containerrollout.core.record.RolloutRecord;
import io.jenkins.plugins.containerrollout.core.swarm.SwarmFixture;
import io.jenkins.plugins.containerrollout.testing.Loopback;
import io.jenkins.plugins.containerrollout.testing.TestBed;
import java.time.Duration;
import org.junit.After;
import org.junit.Test;

/** The agent-side core with {@code target: swarm()} against the test bed's swarm manager (ports 38000-38999). */
public class SwarmTargetEngineTest {
    private final DockerHost swarm = SwarmFixture.host();
    private final String app = TestBed.unique("step-swarm");

    @After
    public void removeService() throws InterruptedException {
        if (!SwarmFixture.swarmCli(swarm, "service", "ls", "-q", "--filter", "name=" + app).isBlank()) {
            SwarmFixture.swarmCli(swarm, "service", "rm", app);
            SwarmFixture.awaitGone(swarm, app);
        }
    }

    @Test
    public void theSwarmTargetDeploysAServiceWhoseStatusShowsItsServingPorts() throws Exception {
        int base = Loopback.freeBase(app, 38000, 38999, 2);
        ProbeSettings probe = new ProbeSettings("/cgi-bin/health", Duration.ofMillis(300), Duration.ofSeconds(1), 1, 2,
                Duration.ofSeconds(1));
        DeployRequest request = new DeployRequest(swarm, app, ReplicaSpec.of(SwarmFixture.images().v1())
                .withStopTimeoutSeconds(1), 1, base, RolloutStrategy.rolling("1", "0").withProgressDeadlineSeconds(60),
                probe, 10, null, null);

        RolloutRecord record = RolloutCore.ENGINE.deploy(Target.SWARM, request, TrafficRouter.NONE, null,
                System.out::println);

        assertEquals(record.message(), Outcome.SUCCEEDED, record.outcome());
        assertEquals("a swarm service, not containers", app, SwarmFixture.swarmCli(swarm, "service", "ls", "--format",
                "{{.Name}}", "--filter", "name=" + app).trim());
        AppStatus status = RolloutCore.ENGINE.status(Target.SWARM, swarm, app);
        assertEquals(status.toString(), 1, status.servingPorts().size());
        assertEquals("1.0", Loopback.version(status.servingPorts().get(0)));
    }
}
