package io.jenkins.plugins.containerrollout.cli;

import static io.jenkins.plugins.containerrollout.cli.CliApps.args;
import static io.jenkins.plugins.containerrollout.cli.CliApps.json;
import static org.junit.Assert.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.containerrollout.testing.Haproxy;
import io.jenkins.plugins.containerrollout.testing.Loopback;
import io.jenkins.plugins.containerrollout.testing.TestBed;
import org.junit.After;
import org.junit.Test;

/** {@code deploy --strategy blue-green} behind a real HAProxy whose backend is not named after the app. */
public class BlueGreenCommandEngineTest {
    private final String app = TestBed.unique("cli-bg");
    private final String backend = "front_" + app.replace('-', '_');
    /** Two colours of two replicas from the base, then the frontend: five ports that are free now. */
    private final int base = CliApps.portBase(app, 5);
    private final int frontend = base + 4;

    @After
    public void removeApp() {
        CliApps.cleanup(app);
    }

    @Test
    public void blueGreenSwitchesTheNamedBackendToTheNewColour() throws Exception {
        try (Haproxy haproxy = Haproxy.start(backend, frontend, 4)) {
            String[] router = {"--router", "haproxy", "--router-socket", haproxy.adminSocket().toString(),
                "--router-backend", backend};
            assertEquals(0, deploy("1.0", router).exit());
            assertEquals("1.0", Loopback.version(frontend));

            CliRun second = deploy("2.0", router);

            assertEquals(second.err(), 0, second.exit());
            JsonNode record = json(second);
            assertEquals("the DSL's own name", "blueGreen", record.get("strategy").asText());
            assertEquals("SUCCEEDED", record.get("outcome").asText());
            for (int i = 0; i < 4; i++) {
                assertEquals("every request after the switch", "2.0", Loopback.version(frontend));
            }
        }
    }

    private CliRun deploy(String version, String[] router) {
        return CliRun.of(CliApps.env(), "", args(args(new String[] {"deploy", "--app", app, "--image",
            CliApps.image(version, true), "--replicas", "2", "--port-base", String.valueOf(base), "--strategy",
            "blue-green", "--scale-down-delay", "0"}, CliApps.fast()), router));
    }
}
