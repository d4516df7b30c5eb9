package io.jenkins.plugins.containerrollout.cli;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.containerrollout.core.deploy.AppLabels;
import io.jenkins.plugins.containerrollout.core.deploy.docker.HeldLocks;
import io.jenkins.plugins.containerrollout.testing.TestBed;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.After;
import org.junit.Test;

/**
 * A deploy whose process dies mid-rollout, as a killed agent's does: the packaged CLI is killed with SIGKILL (no
 * shutdown hook, no finally block runs), and the next deploy, from another process, converges with no manual step. Its
 * lock names a process on this host that is gone, so it is taken over at once; a lock held from another host, whose
 * process cannot be looked up, blocks until it is older than the takeover time (an hour by default).
 */
public class KilledDeployIT {
    private static final int REPLICAS = 3;

    private final String app = TestBed.unique("cli-kill");
    private final String host = TestBed.host().uri();
    private final int base = CliApps.portBase(app, REPLICAS + 2);
    private final Path dir = tempDir();

    @After
    public void cleanUp() {
        CliApps.cleanup(app);
        TestBed.run(List.of("rm", "-rf", dir.toString()), Path.of("/"));
    }

    @Test
    public void aDeployKilledMidRolloutIsConvergedByTheNextDeployFromAnotherProcess() throws Exception {
        assertEquals(0, deploy("1.0").exitCode());
        // a pause between batches keeps the rollout going long enough to be killed halfway
        Process killed = CliJar.start(dir, dir.resolve("killed.log"), deployArgs("2.0", "--batch-delay", "3000"));
        awaitHalfway(killed);
        killed.destroyForcibly(); // SIGKILL on Linux
        assertTrue("the deploy died", killed.waitFor(10, TimeUnit.SECONDS));
        assertEquals("killed by signal 9: " + Files.readString(dir.resolve("killed.log")), 128 + 9, killed.exitValue());
        assertTrue("the dead process still holds the lock: " + HeldLocks.owner(app),
                HeldLocks.owner(app).contains("pid=" + killed.pid() + " "));

        TestBed.Result next = deploy("2.0");

        assertEquals(next.output(), 0, next.exitCode());
        JsonNode status = status();
        assertEquals(status.toString(), "COMPLETE", status.get("phase").asText());
        assertEquals(2, status.get("stableRevision").asInt());
        assertEquals(REPLICAS, status.get("readyReplicas").asInt());
        assertTrue("the lock is released: " + status, !status.hasNonNull("lockOwner"));
        for (JsonNode port : status.get("servingPorts")) {
            assertEquals("port " + port, "2.0", CliApps.version(port.asInt()));
        }
        assertEquals("no replica of revision 1 runs", "", running(1));
    }

    @Test
    public void aLockHeldFromAnotherHostIsTakenOverOnlyOnceItIsOlderThanAnHour() throws Exception {
        assertEquals(0, deploy("1.0").exitCode());
        String image = CliApps.image("1.0", true);
        HeldLocks.write(app, HeldLocks.onOtherHost(), System.currentTimeMillis(), image);

        TestBed.Result refused = deploy("2.0");

        assertEquals(refused.output(), 1, refused.exitCode());
        assertTrue(refused.output(), refused.output().contains("already being rolled out by " + HeldLocks.onOtherHost()));
        assertEquals("nothing changed", HeldLocks.onOtherHost(), HeldLocks.owner(app));
        assertEquals(1, status().get("stableRevision").asInt());

        TestBed.docker("rm", "-f", app + ".lock");
        HeldLocks.write(app, HeldLocks.onOtherHost(), System.currentTimeMillis() - Duration.ofMinutes(61).toMillis(),
                image);

        TestBed.Result takenOver = deploy("2.0");

        assertEquals(takenOver.output(), 0, takenOver.exitCode());
        assertEquals(2, status().get("stableRevision").asInt());
        assertEquals("the stale lock is gone with the rollout's own", "", HeldLocks.owner(app));
    }

    private String[] deployArgs(String version, String... more) {
        return CliApps.args(CliApps.args(new String[] {"deploy", "--app", app, "--image", CliApps.image(version, true),
            "--replicas", String.valueOf(REPLICAS), "--port-base", String.valueOf(base), "--docker-host", host,
            "--max-surge", "1", "--max-unavailable", "0"}, CliApps.fast()), more);
    }

    private TestBed.Result deploy(String version) {
        return CliJar.run(dir, deployArgs(version));
    }

    private JsonNode status() throws Exception {
        TestBed.Result r = CliJar.run(dir, "status", "--app", app, "--docker-host", host);
        assertEquals(r.output(), 0, r.exitCode());
        String json = r.output().lines().filter(l -> l.startsWith("{")).reduce((a, b) -> b).orElseThrow();
        return new ObjectMapper().readTree(json);
    }

    /** Names of the running replicas of {@code revision}, as the engine lists them. */
    private String running(int revision) {
        return TestBed.docker("ps", "--format", "{{.Names}}", "--filter", "label=" + AppLabels.APP + "=" + app,
                "--filter", "label=" + AppLabels.REVISION + "=" + revision,
                "--filter", "label=" + AppLabels.ROLE + "=" + AppLabels.ROLE_REPLICA).trim();
    }

    /** Until the rollout runs a replica of revision 2 while revision 1 still runs too (at most a minute). */
    private void awaitHalfway(Process deploying) throws Exception {
        long until = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < until && deploying.isAlive()) {
            if (!running(2).isEmpty() && !running(1).isEmpty()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the deploy never got halfway (alive: " + deploying.isAlive() + "): "
                + Files.readString(dir.resolve("killed.log")));
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("kill-jar");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
