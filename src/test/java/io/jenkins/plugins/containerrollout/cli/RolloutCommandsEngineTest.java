package io.jenkins.plugins.containerrollout.cli;

import static io.jenkins.plugins.containerrollout.cli.CliApps.args;
import static io.jenkins.plugins.containerrollout.cli.CliApps.json;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.containerrollout.testing.TestBed;
import org.junit.After;
import org.junit.Test;

/** deploy, status, history and rollback in-process against the real engine (ports 34000-34999). */
public class RolloutCommandsEngineTest {
    private final String app = TestBed.unique("cli");
    private final int base = CliApps.portBase(app, 3);

    @After
    public void removeApp() {
        CliApps.cleanup(app);
    }

    @Test
    public void aRollingDeployPrintsItsRecordAndStatusAndHistoryShowWhatServes() {
        CliRun deploy = deploy("1.0", true);

        assertEquals(deploy.err(), 0, deploy.exit());
        assertEquals(deploy.out(), 1, deploy.out().lines().count());
        JsonNode record = json(deploy);
        assertEquals("SUCCEEDED", record.get("outcome").asText());
        assertEquals("DEPLOY", record.get("operation").asText());
        assertEquals("rolling", record.get("strategy").asText());
        assertEquals(1, record.get("toRevision").asInt());
        assertTrue(deploy.err(), deploy.err().contains("deploying revision 1"));

        JsonNode status = json(run("status", "--app", app));
        assertEquals("COMPLETE", status.get("phase").asText());
        assertEquals(2, status.get("readyReplicas").asInt());
        for (JsonNode port : status.get("servingPorts")) {
            assertEquals("1.0", CliApps.version(port.asInt()));
        }

        JsonNode history = json(run("history", "--app", app));
        assertEquals(app, history.get("app").asText());
        assertEquals(1, history.get("revisions").size());
        assertTrue(history.get("revisions").get(0).get("current").asBoolean());
        assertEquals("commit-1.0", history.get("revisions").get(0).get("commit").asText());
    }

    @Test
    public void rollbackAfterASecondDeployRestoresTheFirstRevision() {
        assertEquals(0, deploy("1.0", true).exit());
        assertEquals(0, deploy("2.0", true).exit());

        CliRun rollback = run(args(new String[] {"rollback", "--app", app, "--max-surge", "1", "--max-unavailable", "0"},
                "--probe-interval", "200"));

        assertEquals(rollback.err(), 0, rollback.exit());
        JsonNode record = json(rollback);
        assertEquals("ROLLBACK", record.get("operation").asText());
        assertEquals(2, record.get("fromRevision").asInt());
        assertEquals(1, record.get("servingRevision").asInt());
        JsonNode revisions = json(run("history", "--app", app)).get("revisions");
        assertEquals(2, revisions.size());
        assertTrue(revisions.get(0).get("current").asBoolean());
        assertFalse(revisions.get(1).get("current").asBoolean());
        for (JsonNode port : json(run("status", "--app", app)).get("servingPorts")) {
            assertEquals("1.0", CliApps.version(port.asInt()));
        }
    }

    @Test
    public void aDeployThatRollsBackExitsOneAndStillPrintsItsRecord() {
        assertEquals(0, deploy("1.0", true).exit());

        CliRun broken = deploy("2.0", false);

        assertEquals(1, broken.exit());
        JsonNode record = json(broken);
        assertEquals("ROLLED_BACK", record.get("outcome").asText());
        assertEquals(1, record.get("servingRevision").asInt());
        String last = CliApps.lastErrLine(broken);
        assertTrue(last, last.startsWith("container-rollout deploy: deploy of " + app + " rolled back: "));
        assertEquals(1, json(run("status", "--app", app)).get("stableRevision").asInt());
    }

    @Test
    public void rollingBackToARevisionThatIsNotKeptFailsWithOneLine() {
        assertEquals(0, deploy("1.0", true).exit());

        CliRun rollback = run("rollback", "--app", app, "--to-revision", "7");

        assertEquals(1, rollback.exit());
        assertEquals("", rollback.out());
        assertEquals("container-rollout rollback: toRevision: revision 7 of app '" + app + "' is not kept"
                + " (current: 1; kept revisions: 1)\n",
                rollback.err());
    }

    private CliRun deploy(String version, boolean healthy) {
        return run(args(new String[] {"deploy", "--app", app, "--image", CliApps.image(version, healthy),
            "--replicas", "2", "--port-base", String.valueOf(base), "--strategy", "rolling", "--max-surge", "1",
            "--max-unavailable", "0", "--commit", "commit-" + version}, CliApps.fast()));
    }

    private static CliRun run(String... args) {
        return CliRun.of(CliApps.env(), "", args);
    }
}
