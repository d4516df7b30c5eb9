package io.jenkins.plugins.containerrollout.cli;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.Map;
import org.junit.Test;

/**
 * Bad command lines of the rollout commands: exit 2 with one line naming the option and the fix, before any engine is
 * contacted (the engine named here does not exist, so reaching it would be exit 1 instead).
 */
public class UsageTest {
    private static final String NOWHERE = "tcp://127.0.0.1:1";

    @Test
    public void deployWithoutAnImageNamesTheMissingOption() {
        assertUsage("deploy: missing --image IMAGE", "deploy", "--app", "web", "--port-base", "34000");
    }

    @Test
    public void aBareDigestAsImageShowsTheRepositoryForm() {
        String digest = "sha256:" + "a".repeat(64);
        assertUsage("deploy: --image: '" + digest + "' is a bare digest, which the engine would read as a local image id;"
                + " give the repository with it, e.g. '127.0.0.1:5000/web@" + digest + "' (containerBuild returns it as"
                + " imageRef), or a tag", "deploy", "--app", "web", "--image", digest, "--port-base", "34000");
    }

    @Test
    public void canaryOptionsWithoutCanaryAreAUsageError() {
        assertUsage("deploy: --canary-steps applies to --strategy canary only",
                "deploy", "--app", "web", "--image", "x:1", "--port-base", "34000", "--canary-steps", "10:5");
    }

    @Test
    public void badCanaryStepsNameTheFormat() {
        assertUsage("deploy: --canary-steps: 'ten:5' is not weight:pause; use e.g. '10:30,50:30' or "
                + "'10:manual,50:30' (percent:seconds, or percent:manual)",
                "deploy", "--app", "web", "--image", "x:1", "--port-base", "34000", "--strategy", "canary",
                "--canary-steps", "ten:5");
    }

    @Test
    public void aBadSurgeAmountNamesTheOption() {
        assertUsage("deploy: --max-surge: 'lots' is not a count or a percentage; use e.g. '1' or '25%'",
                "deploy", "--app", "web", "--image", "x:1", "--port-base", "34000", "--max-surge", "lots");
    }

    @Test
    public void anInvalidAppNameIsAUsageError() {
        assertUsage("status: --app: 'Web.Shop' is not a valid application name; use lower-case letters, digits, '-' and"
                + " '_' (at most 63), e.g. 'web-shop'", "status", "--app", "Web.Shop");
    }

    @Test
    public void aPortBaseWithoutRoomIsAUsageError() {
        assertUsage("deploy: --port-base: 65535 leaves no room for 4 replica ports (replicas + maxSurge + maxSurge still"
                + " stopping); use a value from 1024 to 65532", "deploy", "--app", "web", "--image", "x:1", "--port-base",
                "65535", "--replicas", "2", "--max-surge", "1");
        assertUsage("deploy: --port-base: 65535 leaves no room for 3 replica ports (replicas + maxSurge); use a value from"
                + " 1024 to 65533", "deploy", "--app", "web", "--image", "x:1", "--port-base", "65535", "--replicas", "2",
                "--max-surge", "1", "--replacement", "stopComplete");
    }

    @Test
    public void anEngineAddressThatIsNoneIsAUsageError() {
        assertUsage("history: --docker-host: not a Docker host address: nonsense (expected unix:///path or tcp://host:port)",
                "history", "--app", "web", "--docker-host", "nonsense");
    }

    @Test
    public void verifyWithoutAnyCheckSaysWhichChecksExist() {
        assertUsage("verify: no check given; use --http, --success-rate, --health, --exec, --smoke-image or --checks",
                "verify", "--app", "web", "--endpoint", "http://127.0.0.1:34999");
    }

    @Test
    public void successRateSettingsNeedTheCheck() {
        assertUsage("verify: --requests needs --success-rate", "verify", "--app", "web", "--http", "{endpoint}/",
                "--requests", "10");
    }

    @Test
    public void anUnknownOnFailureActionIsAUsageError() {
        assertUsage("verify: onFailure 'retry' is not one of rollback, fail, unstable", "verify", "--app", "web",
                "--http", "{endpoint}/", "--on-failure", "retry");
    }

    @Test
    public void onlyHaproxyIsARouter() {
        assertUsage("deploy: --router: unknown router 'nginx'; the supported router is haproxy", "deploy", "--app", "web",
                "--image", "x:1", "--port-base", "34000", "--router", "nginx");
    }

    @Test
    public void aReportTitleWithoutAReportIsAUsageError() {
        assertUsage("rollback: --report-title needs --report", "rollback", "--app", "web", "--report-title", "t");
    }

    @Test
    public void reportNeedsAnExistingRunFile() {
        assertUsage("report: --run-file: /nonexistent/run.jsonl does not exist; commands create it with --run-file (or"
                + " $CONTAINER_ROLLOUT_RUN_FILE)", "report", "--run-file", "/nonexistent/run.jsonl", "--out", "x.html");
    }

    @Test
    public void memoryTakesDockerSuffixes() throws UsageException {
        assertEquals(256L << 20, DeployCommand.bytes("256m"));
        assertEquals(1L << 30, DeployCommand.bytes("1G"));
        assertEquals(1000, DeployCommand.bytes("1000"));
        assertUsage("deploy: --memory wants bytes or a number with k, m or g (e.g. 256m), not \"lots\"", "deploy",
                "--app", "web", "--image", "x:1", "--port-base", "34000", "--memory", "lots");
    }

    @Test
    public void deployHelpDocumentsTheReportOptions() {
        String help = CliRun.of("deploy", "--help").out();
        assertTrue(help, help.startsWith("usage: container-rollout deploy --app NAME --image IMAGE --port-base PORT [options]"));
        for (String option : new String[] {"--strategy KIND", "--max-surge N|P%", "--no-auto-rollback", "--env K=V",
            "--router haproxy", "--run-file FILE", "--report FILE.html", "--progress-deadline SECONDS"}) {
            assertTrue(option, help.contains(option));
        }
    }

    /** Exit 2, nothing on stdout, and exactly one line on stderr: the message and the hint to --help. */
    @Test
    public void aStacksRouterTakesNoOneAppsBackendOrFrontend() {
        assertUsage("deploy: --router-backend: names one app's backend or frontend; a stack's router gives each service"
                + " the backend named after its app (PROJECT-SERVICE): remove --router-backend", "deploy", "--compose",
                "compose.yaml", "--project", "shop", "--router", "haproxy", "--router-socket", "/run/h.sock",
                "--router-backend", "web");
    }

    private static void assertUsage(String message, String... args) {
        Map<String, String> env = Map.of("DOCKER_HOST", NOWHERE);
        CliRun run = CliRun.of(env, "", args);
        assertEquals(run.err(), 2, run.exit());
        assertEquals("", run.out());
        assertEquals("container-rollout " + message + " (try 'container-rollout " + args[0] + " --help')\n", run.err());
    }
}
