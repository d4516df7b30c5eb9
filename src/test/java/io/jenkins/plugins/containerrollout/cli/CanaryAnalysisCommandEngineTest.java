package io.jenkins.plugins.containerrollout.cli;

import static io.jenkins.plugins.containerrollout.cli.CliApps.args;
import static io.jenkins.plugins.containerrollout.cli.CliApps.json;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.containerrollout.testing.Haproxy;
import io.jenkins.plugins.containerrollout.testing.TestBed;
import java.util.ArrayList;
import java.util.List;
import org.junit.After;
import org.junit.Test;

/**
 * {@code deploy --strategy canary --analysis ...} reaches the core's canary on a real engine behind a real HAProxy:
 * with no client traffic, a router window asking for 1000 canary requests is inconclusive, and
 * {@code --analysis-inconclusive} decides what follows (the rollout record's analysis windows show it).
 */
public class CanaryAnalysisCommandEngineTest {
    private final String app = TestBed.unique("cli-canary-an");
    /** Two stable replicas, one canary, a spare slot, then the frontend. */
    private final int base = CliApps.portBase(app, 5);
    private final int frontend = base + 4;

    @After
    public void removeApp() {
        CliApps.cleanup(app);
    }

    @Test
    public void anInconclusiveRouterWindowFailsOrFallsBackAsTheOptionSays() throws Exception {
        try (Haproxy haproxy = Haproxy.start(app, frontend, 4)) {
            String[] router = {"--router", "haproxy", "--router-socket", haproxy.adminSocket().toString(),
                "--router-frontend-port", String.valueOf(frontend)};
            CliRun first = deploy("1.0", router);
            assertEquals(first.err(), 0, first.exit());

            CliRun failed = deploy("2.0", args(router, "--analysis-inconclusive", "fail"));
            JsonNode record = json(failed);
            assertEquals(failed.err(), 1, failed.exit());
            assertEquals("ROLLED_BACK", record.get("outcome").asText());
            assertEquals(List.of("ROUTER:INCONCLUSIVE"), windows(record));

            CliRun fellBack = deploy("3.0", args(router, "--analysis-inconclusive", "synthetic"));
            assertEquals(fellBack.err(), 0, fellBack.exit());
            assertEquals(List.of("ROUTER:INCONCLUSIVE", "SYNTHETIC:PASS"), windows(json(fellBack)));
        }
    }

    /** Each analysis window as {@code SOURCE:VERDICT}. */
    private static List<String> windows(JsonNode record) {
        List<String> windows = new ArrayList<>();
        JsonNode analysis = record.get("analysis");
        assertTrue("the record keeps the windows: " + record, analysis != null && analysis.isArray());
        for (JsonNode w : analysis) {
            windows.add(w.get("source").asText() + ":" + w.get("verdict").asText());
        }
        return windows;
    }

    private CliRun deploy(String version, String[] router) {
        return CliRun.of(CliApps.env(), "", args(args(new String[] {"deploy", "--app", app, "--image",
            CliApps.image(version, true), "--replicas", "2", "--port-base", String.valueOf(base), "--strategy",
            "canary", "--canary-steps", "50:1", "--analysis", "router", "--analysis-min-requests", "1000",
            "--analysis-extra-pauses", "0", "--analysis-requests", "5"}, CliApps.fast()), router));
    }
}
