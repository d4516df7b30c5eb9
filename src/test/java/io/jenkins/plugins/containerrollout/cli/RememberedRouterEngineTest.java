package io.jenkins.plugins.containerrollout.cli;

import static io.jenkins.plugins.containerrollout.cli.CliApps.args;
import static io.jenkins.plugins.containerrollout.cli.CliApps.json;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.containerrollout.testing.Haproxy;
import io.jenkins.plugins.containerrollout.testing.Loopback;
import io.jenkins.plugins.containerrollout.testing.TestBed;
import java.util.ArrayList;
import java.util.List;
import org.junit.After;
import org.junit.Test;

/**
 * The router an application was deployed behind is remembered with it in the engine: a later {@code deploy} or
 * {@code rollback} without {@code --router ...} keeps a real HAProxy's frontend on the serving replicas, and refuses
 * (changing nothing) when that router cannot be reached any more. The backend is not named after the app, so the
 * backend is remembered too; {@code status} names it. Ports 34000-34999.
 */
public class RememberedRouterEngineTest {
    private final String app = TestBed.unique("cli-rr");
    private final String backend = "front_" + app.replace('-', '_');
    /**
     * Two colours of two replicas from the base (or a rolling update's two replicas, two surge ones and two still
     * stopping), then two frontends: eight ports that are free now.
     */
    private final int base = CliApps.portBase(app, 8);
    private final int frontend = base + 6;

    @After
    public void removeApp() {
        CliApps.cleanup(app);
    }

    @Test
    public void aRollbackWithoutRouterOptionsSwitchesTheRememberedRouterBack() throws Exception {
        try (Haproxy haproxy = Haproxy.start(backend, frontend, 4)) {
            assertEquals(0, deploy("1.0", "blue-green", router(haproxy)).exit());
            assertEquals(0, deploy("2.0", "blue-green", router(haproxy)).exit());
            assertEquals("2.0", Loopback.version(frontend));

            CliRun rollback = rollback();

            for (int i = 0; i < 4; i++) {
                assertEquals("every request after the rollback", "1.0", Loopback.version(frontend));
            }
            assertEquals(rollback.err(), 0, rollback.exit());
            assertTrue(rollback.err(), rollback.err().contains("recorded with the app"));
        }
    }

    @Test
    public void aDeployWithoutRouterOptionsKeepsTheRememberedRouterOnTheNewReplicas() throws Exception {
        try (Haproxy haproxy = Haproxy.start(backend, frontend, 4)) {
            assertEquals(0, deploy("1.0", "rolling", router(haproxy)).exit());

            // the new replicas start on the two free slots, then the old ones (the routed ports) stop
            CliRun second = deploy("2.0", "rolling", "--max-surge", "2", "--max-unavailable", "0");

            for (int i = 0; i < 4; i++) {
                assertEquals("every request after the deploy: " + second.err(), "2.0", Loopback.version(frontend));
            }
            assertEquals(second.err(), 0, second.exit());
        }
    }

    @Test
    public void statusShowsTheRouterRecordedWithTheApp() throws Exception {
        try (Haproxy haproxy = Haproxy.start(backend, frontend, 4)) {
            assertEquals(0, deploy("1.0", "rolling", router(haproxy)).exit());

            JsonNode status = json(CliRun.of(CliApps.env(), "", "status", "--app", app));

            // no --router-frontend-port was given, so the description names no frontend
            assertEquals(status.toString(), "haproxy at " + haproxy.adminSocket().toAbsolutePath() + " (backend " + backend
                    + ")", status.get("router").asText());
        }
    }

    @Test
    public void anUnreachableRememberedRouterIsRefusedNamingTheOptionsAndNothingChanges() throws Exception {
        try (Haproxy haproxy = Haproxy.start(backend, frontend, 4)) {
            assertEquals(0, deploy("1.0", "blue-green", router(haproxy)).exit());
            assertEquals(0, deploy("2.0", "blue-green", router(haproxy)).exit());
        }

        CliRun rollback = rollback();

        assertNotEquals(rollback.err(), 0, rollback.exit());
        String why = CliApps.lastErrLine(rollback);
        assertTrue(why, why.contains("--router haproxy --router-socket") && why.contains("--router-backend " + backend));
        assertTrue(why, why.contains("router: haproxy(socket: "));
        JsonNode after = json(CliRun.of(CliApps.env(), "", "status", "--app", app));
        assertEquals(List.of(2, "COMPLETE"), List.of(after.get("stableRevision").asInt(), after.get("phase").asText()));
        List<Integer> running = new ArrayList<>();
        for (JsonNode replica : after.get("replicas")) {
            // revision 1's replicas may still be stopping: the deploy returned once they were told to stop
            if (replica.get("running").asBoolean()
                    && !replica.get("detail").asText().equals("stopping: replaced by revision 2")) {
                assertEquals("only revision 2 runs: " + after, 2, replica.get("revision").asInt());
                assertEquals("revision 2 still serves", "2.0", Loopback.version(replica.get("port").asInt()));
                running.add(replica.get("port").asInt());
            }
        }
        assertEquals("both replicas of revision 2 run: " + after, 2, running.size());
    }

    @Test
    public void otherRouterOptionsReplaceTheRememberedRouterAndSaySo() throws Exception {
        int otherFrontend = base + 7;
        try (Haproxy first = Haproxy.start(backend, frontend, 4); Haproxy other = Haproxy.start(app, otherFrontend, 4)) {
            assertEquals(0, deploy("1.0", "blue-green", router(first)).exit());

            CliRun moved = deploy("2.0", "blue-green", "--router", "haproxy", "--router-socket",
                    other.adminSocket().toString());

            assertEquals(moved.err(), 0, moved.exit());
            assertTrue(moved.err(), moved.err().contains("replaces the router recorded"));
            assertEquals("2.0", Loopback.version(otherFrontend));
            assertEquals(0, rollback().exit());
            assertEquals("the rollback follows the router given last", "1.0", Loopback.version(otherFrontend));
        }
    }

    private String[] router(Haproxy haproxy) {
        return new String[] {"--router", "haproxy", "--router-socket", haproxy.adminSocket().toString(),
            "--router-backend", backend};
    }

    private CliRun deploy(String version, String strategy, String... router) {
        return CliRun.of(CliApps.env(), "", args(args(new String[] {"deploy", "--app", app, "--image",
            CliApps.image(version, true), "--replicas", "2", "--port-base", String.valueOf(base), "--strategy",
            strategy}, CliApps.fast()), strategy.equals("blue-green") ? args(router, "--scale-down-delay", "0") : router));
    }

    /** {@code rollback --to-revision 1}, no router option. */
    private CliRun rollback() {
        return CliRun.of(CliApps.env(), "", "rollback", "--app", app, "--to-revision", "1", "--probe-interval", "200",
                "--probe-timeout", "2000", "--startup-timeout", "20");
    }
}
