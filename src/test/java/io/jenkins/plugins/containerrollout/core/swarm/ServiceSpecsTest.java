package io.jenkins.plugins.containerrollout.core.swarm;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.containerrollout.core.deploy.ContainerHealthcheck;
import io.jenkins.plugins.containerrollout.core.deploy.ReplicaSpec;
import io.jenkins.plugins.containerrollout.core.deploy.RolloutStrategy;
import io.jenkins.plugins.containerrollout.core.health.ProbeSettings;
import java.time.Duration;
import java.util.List;
import org.junit.Test;

/** How our strategy and probe map onto Swarm's update policy and HEALTHCHECK, and how the history label is bounded. */
public class ServiceSpecsTest {
    private static final ProbeSettings PROBE = new ProbeSettings("/health", Duration.ofMillis(500), Duration.ofSeconds(1),
            1, 3, Duration.ofSeconds(2));

    private static SwarmRevision revision(int number, String healthPath) {
        return revision(number, healthPath, 0);
    }

    private static SwarmRevision revision(int number, String healthPath, long imageHealthWindowMillis) {
        return new SwarmRevision(number, ReplicaSpec.of("web:1"), "web:1", "sha256:1", null, List.of("httpd"), "h" + number,
                healthPath, null, null, 0, List.of(), imageHealthWindowMillis);
    }

    private static JsonNode update(RolloutStrategy strategy, int replicas) {
        return ServiceSpecs.spec("web", revision(1, "/health"), List.of(), replicas, 37000, 0, strategy, PROBE)
                .path("UpdateConfig");
    }

    @Test
    public void surgingStartsNewTasksFirstWithParallelismMaxSurge() {
        JsonNode u = update(RolloutStrategy.rolling("2", "0"), 4);
        assertEquals("start-first", u.path("Order").asText());
        assertEquals(2, u.path("Parallelism").asInt());
    }

    @Test
    public void withoutSurgeItStopsFirstWithParallelismMaxUnavailable() {
        JsonNode u = update(RolloutStrategy.rolling("0", "50%"), 4);
        assertEquals("stop-first", u.path("Order").asText());
        assertEquals(2, u.path("Parallelism").asInt());
    }

    @Test
    public void recreateReplacesEveryTaskAtOnce() {
        JsonNode u = update(RolloutStrategy.recreate(), 5);
        assertEquals("stop-first", u.path("Order").asText());
        assertEquals(5, u.path("Parallelism").asInt());
    }

    @Test
    public void aReplicasOwnHealthcheckIsTheTasksAndSetsTheMonitorWindow() {
        ContainerHealthcheck own = new ContainerHealthcheck(List.of("CMD-SHELL", "test -f /tmp/ok"), 400, 1000, 2, 3000);
        SwarmRevision rev = new SwarmRevision(1, ReplicaSpec.of("web:1").withHealthcheck(own), "web:1", "sha256:1",
                null, List.of("httpd"), "h1", "/health", null, null, 0, List.of(), 0);
        JsonNode spec = ServiceSpecs.spec("web", rev, List.of(), 2, 37000, 0, RolloutStrategy.rolling(), PROBE);
        JsonNode h = spec.path("TaskTemplate").path("ContainerSpec").path("Healthcheck");
        assertEquals("[\"CMD-SHELL\",\"test -f /tmp/ok\"]", h.path("Test").toString());
        assertEquals(400_000_000L, h.path("Interval").asLong());
        assertEquals(2, h.path("Retries").asInt());
        assertEquals("start period + interval x retries", Duration.ofMillis(3000 + 2 * 400).toNanos(),
                spec.path("UpdateConfig").path("Monitor").asLong());

        SwarmRevision off = new SwarmRevision(1, ReplicaSpec.of("web:1").withHealthcheck(ContainerHealthcheck.none()),
                "web:1", "sha256:1", null, List.of("httpd"), "h1", "/health", null, null, 0, List.of(), 5000);
        JsonNode ours = ServiceSpecs.spec("web", off, List.of(), 2, 37000, 0, RolloutStrategy.rolling(), PROBE)
                .path("TaskTemplate").path("ContainerSpec").path("Healthcheck").path("Test");
        assertTrue("disabled: our probe of the health path instead of the image's: " + ours,
                ours.toString().contains("/health"));
    }

    @Test
    public void theMonitorWindowIsTheTimeTheHealthcheckNeedsToFail() {
        assertEquals(Duration.ofMillis(2000 + 3 * 500).toNanos(), update(RolloutStrategy.rolling(), 4).path("Monitor")
                .asLong());
    }

    @Test
    public void delayIsBatchDelayPlusMinReadySeconds() {
        JsonNode u = update(RolloutStrategy.rolling().withBatchDelay(Duration.ofSeconds(1)).withMinReadySeconds(2), 4);
        assertEquals(Duration.ofSeconds(3).toNanos(), u.path("Delay").asLong());
    }

    @Test
    public void autoRollbackOffPausesTheUpdateInstead() {
        assertEquals("rollback", update(RolloutStrategy.rolling(), 4).path("FailureAction").asText());
        assertEquals("pause", update(RolloutStrategy.rolling().withAutoRollback(false), 4).path("FailureAction").asText());
    }

    @Test
    public void neighbouringBanksNeverShareAPort() {
        assertEquals(37000, ServiceSpecs.port(37000, 0, 1));
        assertEquals(37001, ServiceSpecs.port(37000, 1, 1));
        assertEquals(37002, ServiceSpecs.port(37000, 0, 2));
        assertEquals(37007, ServiceSpecs.lastPort(37000, 4));
    }

    @Test
    public void portIsInTheTaskEnvironmentLookedUpFromTheSlotsServiceLabel() {
        JsonNode spec = ServiceSpecs.spec("web", revision(1, "/health"), List.of(), 3, 37000, 1, RolloutStrategy.rolling(),
                PROBE);
        JsonNode c = spec.path("TaskTemplate").path("ContainerSpec");
        assertEquals("the process runs as the image would run it, with no shell in front", "[\"httpd\"]",
                c.path("Command").toString());
        assertTrue(c.path("Args").isMissingNode());
        assertTrue(c.path("Env").toString(), c.path("Env").toString().contains(
                "\"PORT={{index .Service.Labels (print \\\"io.jenkins.containerrollout.slot-port.\\\" .Task.Slot)}}\""));
        JsonNode labels = spec.path("Labels");
        assertEquals("37001", labels.path("io.jenkins.containerrollout.slot-port.1").asText());
        assertEquals("37003", labels.path("io.jenkins.containerrollout.slot-port.2").asText());
        assertEquals("37005", labels.path("io.jenkins.containerrollout.slot-port.3").asText());
        assertTrue(labels.path("io.jenkins.containerrollout.slot-port.4").isMissingNode());
    }

    @Test
    public void ourHealthcheckProbesThePortFromTheEnvironment() {
        JsonNode h = ServiceSpecs.spec("web", revision(1, "/health"), List.of(), 1, 37000, 0, RolloutStrategy.rolling(),
                PROBE).path("TaskTemplate").path("ContainerSpec").path("Healthcheck");
        assertEquals("[\"CMD-SHELL\",\"wget -q -O /dev/null \\\"http://127.0.0.1:$PORT/health\\\" || exit 1\"]",
                h.path("Test").toString());
    }

    @Test
    public void anImagesOwnHealthcheckIsKeptAndSetsTheMonitorWindow() {
        JsonNode spec = ServiceSpecs.spec("web", revision(1, "/health", 7000), List.of(), 2, 37000, 0,
                RolloutStrategy.rolling(), PROBE);
        assertTrue(spec.path("TaskTemplate").path("ContainerSpec").path("Healthcheck").isMissingNode());
        assertEquals(Duration.ofSeconds(7).toNanos(), spec.path("UpdateConfig").path("Monitor").asLong());
    }

    @Test
    public void theHealthWindowOfAnImageUsesDockersDefaultsForUnsetFields() throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper json = SwarmApi.JSON;
        assertEquals(0, ResolvedImage.healthWindowMillis(json.readTree("{}")));
        assertEquals(0, ResolvedImage.healthWindowMillis(json.readTree("{\"Test\":[\"NONE\"]}")));
        assertEquals(90_000, ResolvedImage.healthWindowMillis(json.readTree("{\"Test\":[\"CMD\",\"/app\"]}")));
        assertEquals(2_000 + 3 * 1_000, ResolvedImage.healthWindowMillis(json.readTree(
                "{\"Test\":[\"CMD\",\"/app\"],\"Interval\":1000000000,\"Retries\":3,\"StartPeriod\":2000000000}")));
    }

    @Test
    public void aHealthPathThatWouldBreakTheShellCommandIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ServiceSpecs.spec("web",
                revision(1, "/h\"; rm -rf /"), List.of(), 1, 37000, 0, RolloutStrategy.rolling(), PROBE));
        assertEquals("healthPath: '/h\"; rm -rf /' cannot go into the task's HEALTHCHECK; use a path without quotes, '$',"
                + " backticks, backslashes or spaces", e.getMessage());
    }

    @Test
    public void theHistoryKeepsTheNewestRevisionsUpToTheLimit() {
        List<SwarmRevision> history = List.of(revision(1, "/"), revision(2, "/"), revision(3, "/"));
        List<Integer> kept = SwarmRevision.keep(history, revision(4, "/"), -1, 2).stream().map(SwarmRevision::number)
                .toList();
        assertEquals(List.of(3, 4), kept);
    }

    @Test
    public void aRevisionRoundTripsThroughItsLabel() {
        SwarmRevision r = revision(3, "/health");
        assertEquals(r, SwarmRevision.fromJson(r.toJson()));
        assertEquals(List.of(r), SwarmRevision.historyFromJson(SwarmRevision.historyJson(List.of(r))));
    }
}
