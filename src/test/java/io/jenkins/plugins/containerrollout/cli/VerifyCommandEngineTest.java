package io.jenkins.plugins.containerrollout.cli;

import static io.jenkins.plugins.containerrollout.cli.CliApps.args;
import static io.jenkins.plugins.containerrollout.cli.CliApps.json;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.containerrollout.testing.TestBed;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/** {@code verify} in-process against an application deployed by the CLI on the real engine (ports 34000-34999). */
public class VerifyCommandEngineTest {
    private final String app = TestBed.unique("cli-vfy");
    private final int base = CliApps.portBase(app, 3);

    @Before
    public void deployTwoRevisions() {
        for (String version : new String[] {"1.0", "2.0"}) {
            CliRun deploy = run(args(new String[] {"deploy", "--app", app, "--image", CliApps.image(version, true),
                "--replicas", "2", "--port-base", String.valueOf(base), "--max-surge", "1", "--max-unavailable", "0"},
                CliApps.fast()));
            assertEquals(deploy.err(), 0, deploy.exit());
        }
    }

    @After
    public void removeApp() {
        CliApps.cleanup(app);
    }

    @Test
    public void passingChecksOnEveryServingReplicaExitZero() {
        CliRun verify = run("verify", "--app", app, "--http", "{endpoint}/version=200", "--http", "{endpoint}/index.html",
                "--health", "--exec", "/bin/busybox test -f /www/version", "--success-rate", "{endpoint}/version",
                "--requests", "20", "--rate", "40", "--min-success", "1", "--on-failure", "rollback");

        assertEquals(verify.err(), 0, verify.exit());
        JsonNode result = json(verify);
        JsonNode verification = result.get("verification");
        assertTrue(verification.get("passed").asBoolean());
        assertEquals(5, verification.get("checksPassed").asInt());
        assertEquals(20, verification.get("checks").get(2).get("evidence").get("requests").asInt());
        assertTrue(result.get("rollback").isNull());
        JsonNode http = verification.get("checks").get(0);
        assertEquals("{endpoint}/version", http.get("name").asText());
        assertEquals(verify.out(), 2, http.get("evidence").get("targets").size());
        assertEquals(2, json(run("status", "--app", app)).get("stableRevision").asInt());
    }

    @Test
    public void aFailingCheckWithOnFailureRollbackRestoresThePreviousRevisionAndExitsOne() {
        CliRun verify = run("verify", "--app", app, "--http", "{endpoint}/nothing-here", "--on-failure", "rollback",
                "--max-surge", "1", "--max-unavailable", "0", "--probe-interval", "200");

        assertEquals(1, verify.exit());
        JsonNode result = json(verify);
        assertEquals(false, result.get("verification").get("passed").asBoolean());
        assertEquals("SUCCEEDED", result.get("rollback").get("outcome").asText());
        assertEquals(1, result.get("rollback").get("servingRevision").asInt());
        String last = CliApps.lastErrLine(verify);
        assertTrue(last, last.startsWith("container-rollout verify: verify " + app + ": FAILED"));
        assertTrue(last, last.endsWith("rolled back to revision 1"));
        JsonNode status = json(run("status", "--app", app));
        assertEquals(1, status.get("stableRevision").asInt());
        for (JsonNode port : status.get("servingPorts")) {
            assertEquals("1.0", CliApps.version(port.asInt()));
        }
    }

    @Test
    public void aFailingCheckWithoutRollbackLeavesTheAppAsItIs() {
        CliRun verify = run("verify", "--app", app, "--http", "{endpoint}/version=204");

        assertEquals(1, verify.exit());
        assertTrue(json(verify).get("rollback").isNull());
        assertEquals(2, json(run("status", "--app", app)).get("stableRevision").asInt());
    }

    @Test
    public void aSmokeTestImageRunsAgainstTheAppAndItsEnvironmentStaysSecret() {
        String secret = "token-" + TestBed.unique("s");
        CliRun verify = run("verify", "--app", app, "--smoke-image", CliApps.smokeImage(), "--reports", "/reports/*.xml",
                "--smoke-env", "EXPECT=2.0", "--smoke-env", "API_TOKEN=" + secret);

        assertEquals(verify.err(), 0, verify.exit());
        JsonNode verification = json(verify).get("verification");
        assertEquals(1, verification.get("tests").get("total").asInt());
        assertFalse(verify.out().contains(secret));
        assertFalse(verify.err().contains(secret));
    }

    private static CliRun run(String... args) {
        return CliRun.of(CliApps.env(), "", args);
    }
}
