package io.jenkins.plugins.containerrollout.core.deploy.docker;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.containerrollout.core.ProgressSink;
import io.jenkins.plugins.containerrollout.core.deploy.DeployRequest;
import io.jenkins.plugins.containerrollout.core.deploy.RolloutStrategy;
import io.jenkins.plugins.containerrollout.core.health.ProbeSettings;
import io.jenkins.plugins.containerrollout.core.record.Outcome;
import io.jenkins.plugins.containerrollout.core.record.RolloutRecord;
import io.jenkins.plugins.containerrollout.core.record.TimelineEvent;
import org.junit.Test;

/** An image with a HEALTHCHECK is gated by the engine's health status, not by the HTTP probe. */
public class EngineHealthcheckEngineTest extends EngineTestBase {
    @Test
    public void healthcheckImageIsGatedByEngineHealthAndRolledBackWhenUnhealthy() throws Exception {
        int base = DeployFixture.portBase(app, 3);
        // a probe path that would never answer 2xx: only the engine's verdict can make these replicas ready
        ProbeSettings unusedProbe = DeployFixture.probe().withPath("/no-such-path");
        DeployRequest good = new DeployRequest(host, app, DeployFixture.spec(DeployFixture.healthchecked("1", true)),
                2, base, RolloutStrategy.rolling("1", "0").withProgressDeadlineSeconds(30), unusedProbe, 10, null, null);

        RolloutRecord first = deployer.deploy(good, ProgressSink.NONE);
        assertEquals(first.message(), Outcome.SUCCEEDED, first.outcome());
        assertTrue(first.eventsOf(TimelineEvent.Type.READY).stream().allMatch(e -> e.detail().equals("HEALTHCHECK healthy")));

        RolloutRecord bad = deployer.deploy(good.withSpec(DeployFixture.spec(
                DeployFixture.healthchecked("3", false))), System.out::println);
        assertEquals(bad.message(), Outcome.ROLLED_BACK, bad.outcome());
        assertTrue(bad.message(), bad.message().contains("HEALTHCHECK unhealthy"));
        assertEquals(2, deployer.status(app).readyReplicas());
    }
}
