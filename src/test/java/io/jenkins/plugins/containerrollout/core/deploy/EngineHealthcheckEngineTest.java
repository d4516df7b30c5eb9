package io.jenkins.plugins.containerrollout.core.deploy;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.containerrollout.core.ProgressSink;
import io.jenkins.plugins.containerrollout.core.health.ProbeSettings;
import io.jenkins.plugins.containerrollout.core.record.Outcome;
import io.jenkins.plugins.containerrollout.core.record.RolloutRecord;
import io.jenkins.plugins.containerrollout.core.record.TimelineEvent;
import io.jenkins.plugins.containerrollout.testing.TestBed;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.After;
import org.junit.Test;

/** An image with a HEALTHCHECK is gated by the engine's health status, not by the HTTP probe. */
public class EngineHealthcheckEngineTest extends EngineTestBase {
    private final String tag = app + "-hc";

    @After
    public void removeImages() {
        DeployFixture.cleanup(app); // before the images: revision records still use them
        TestBed.dockerResult("rmi", "-f", tag + ":ok", tag + ":bad");
    }

    /** The app image plus a HEALTHCHECK that asks its own health endpoint. */
    private String withHealthcheck(String base, String suffix) throws Exception {
        Path dir = Files.createTempDirectory("dep-hc");
        Files.writeString(dir.resolve("Dockerfile"), String.join("\n",
                "FROM " + base,
                "HEALTHCHECK --interval=300ms --timeout=2s --retries=2 CMD wget -q -O /dev/null http://127.0.0.1:$PORT/cgi-bin/health || exit 1",
                ""));
        TestBed.Result r = TestBed.run(List.of("docker", "build", "-q", "-t", tag + ":" + suffix, "."), dir);
        assertEquals(r.output(), 0, r.exitCode());
        return tag + ":" + suffix;
    }

    @Test
    public void healthcheckImageIsGatedByEngineHealthAndRolledBackWhenUnhealthy() throws Exception {
        int base = DeployFixture.portBase(app, 3);
        // a probe path that would never answer 2xx: only the engine's verdict can make these replicas ready
        ProbeSettings unusedProbe = DeployFixture.probe().withPath("/no-such-path");
        DeployRequest good = new DeployRequest(host, app, DeployFixture.spec(withHealthcheck(DeployFixture.image("1", true), "ok")),
                2, base, RolloutStrategy.rolling("1", "0").withProgressDeadlineSeconds(30), unusedProbe, 10, null, null);

        RolloutRecord first = deployer.deploy(good, ProgressSink.NONE);
        assertEquals(first.message(), Outcome.SUCCEEDED, first.outcome());
        assertTrue(first.eventsOf(TimelineEvent.Type.READY).stream().allMatch(e -> e.detail().equals("HEALTHCHECK healthy")));

        RolloutRecord bad = deployer.deploy(good.withSpec(DeployFixture.spec(
                withHealthcheck(DeployFixture.image("3", false), "bad"))), System.out::println);
        assertEquals(bad.message(), Outcome.ROLLED_BACK, bad.outcome());
        assertTrue(bad.message(), bad.message().contains("HEALTHCHECK unhealthy"));
        assertEquals(2, deployer.status(app).readyReplicas());
    }
}
