package io.jenkins.plugins.containerrollout.cli;

import static io.jenkins.plugins.containerrollout.cli.CliApps.args;
import static io.jenkins.plugins.containerrollout.cli.CliApps.json;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.containerrollout.testing.Cleanup;
import io.jenkins.plugins.containerrollout.testing.Loopback;
import io.jenkins.plugins.containerrollout.testing.TestBed;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.After;
import org.junit.Test;

/**
 * Blue-green without auto-promotion, set up from the command line alone: {@code router-config --preview-port} writes
 * the HAProxy configuration a real HAProxy runs, {@code deploy --no-auto-promote --router-preview-port} holds with the
 * new colour on the preview address only, and {@code promote} from another JVM switches production to it.
 */
public class PreviewCommandsEngineTest {
    private final String app = TestBed.unique("cli-preview");
    /** Two colours of two replicas, then the frontend and the preview. */
    private final int base = CliApps.portBase(app, 6);
    private final int frontend = base + 4;
    private final int preview = base + 5;
    private Path dir;
    private Process haproxy;

    @After
    public void cleanUp() throws Exception {
        CliApps.cleanup(app);
        if (haproxy != null) {
            Cleanup.stopDaemon(haproxy, dir, 5);
        }
    }

    @Test
    public void theNewColourServesOnThePreviewOnlyUntilPromoted() throws Exception {
        Path socket = startHaproxy();
        String[] router = {"--router", "haproxy", "--router-socket", socket.toString(), "--router-frontend-port",
            String.valueOf(frontend), "--router-preview-port", String.valueOf(preview)};
        CliRun first = deploy("1.0", router);
        assertEquals(first.err(), 0, first.exit());

        CliRun paused = deploy("2.0", args(router, "--no-auto-promote"));

        assertEquals(paused.err(), 0, paused.exit());
        JsonNode record = json(paused);
        assertEquals("PAUSED", record.get("outcome").asText());
        assertEquals("http://127.0.0.1:" + preview, record.get("pause").get("previewUrl").asText());
        assertTrue(paused.err(), paused.err().contains("preview: http://127.0.0.1:" + preview));
        for (int i = 0; i < 8; i++) {
            assertEquals("production, request " + i, "1.0", Loopback.version(frontend));
            assertEquals("preview, request " + i, "2.0", Loopback.version(preview));
        }

        CliRun promoted = CliProcess.run(CliApps.env(), "promote", "--app", app);

        assertEquals(promoted.err(), 0, promoted.exit());
        assertEquals("SUCCEEDED", json(promoted).get("outcome").asText());
        for (int i = 0; i < 8; i++) {
            assertEquals("production after promote, request " + i, "2.0", Loopback.version(frontend));
        }
    }

    /** Writes the configuration with {@code router-config --preview-port}, starts HAProxy on it; its admin socket. */
    private Path startHaproxy() throws Exception {
        dir = Files.createTempDirectory("cli-preview");
        Path socket = dir.resolve("admin.sock");
        Path cfg = dir.resolve("haproxy.cfg");
        CliRun config = CliRun.of("router-config", "--app", app, "--frontend-port", String.valueOf(frontend),
                "--preview-port", String.valueOf(preview), "--slots", "4", "--admin-socket", socket.toString(),
                "--out", cfg.toString());
        assertEquals(config.err(), 0, config.exit());
        haproxy = new ProcessBuilder("/usr/sbin/haproxy", "-db", "-f", cfg.toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("haproxy.log").toFile()).start();
        long until = System.currentTimeMillis() + 10_000;
        while (!Files.exists(socket) && haproxy.isAlive() && System.currentTimeMillis() < until) {
            Thread.sleep(50);
        }
        assertTrue("haproxy did not start: " + Files.readString(dir.resolve("haproxy.log")), Files.exists(socket));
        return socket;
    }

    private CliRun deploy(String version, String[] more) {
        return CliRun.of(CliApps.env(), "", args(args(new String[] {"deploy", "--app", app, "--image",
            CliApps.image(version, true), "--replicas", "2", "--port-base", String.valueOf(base), "--strategy",
            "blue-green", "--scale-down-delay", "0"}, CliApps.fast()), more));
    }
}
