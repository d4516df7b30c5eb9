package io.jenkins.plugins.containerrollout.cli;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.containerrollout.testing.TestBed;
import org.junit.After;
import org.junit.Test;

/**
 * Blue-green and canary refused for want of a router name the command-line options, never the Java types behind
 * them. The engine is asked first (an app may have a router recorded with its state), so these run on the test bed
 * with a fresh app that has none; nothing is deployed.
 */
public class RouterRefusalEngineTest {
    private final String app = TestBed.unique("cli-norouter");

    @After
    public void removeApp() {
        CliApps.cleanup(app);
    }

    @Test
    public void blueGreenWithoutARouterNamesTheOptionsNotTheJavaTypes() {
        CliRun run = CliRun.of("deploy", "--app", app, "--image", "web:1", "--port-base", "31000", "--strategy",
                "blue-green", "--docker-host", TestBed.host().uri());
        assertEquals(run.err(), 1, run.exit());
        assertTrue(run.err(), run.err().contains("--router haproxy --router-socket PATH"));
        assertFalse(run.err(), run.err().contains("DockerDeployer") || run.err().contains("TrafficRouter"));
        assertEquals("", TestBed.docker("ps", "-aq", "--filter", "label=io.jenkins.containerrollout.app=" + app).strip());
    }
}
