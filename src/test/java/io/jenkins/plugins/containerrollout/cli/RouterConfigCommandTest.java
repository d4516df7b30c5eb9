package io.jenkins.plugins.containerrollout.cli;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.containerrollout.testing.TestBed;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.Test;

/** {@code router-config}: the HAProxy configuration a user starts before a blue-green or canary deploy. */
public class RouterConfigCommandTest {
    @Test
    public void writesAConfigurationHaproxyAccepts() throws Exception {
        Path dir = Files.createTempDirectory("router-config");
        Path cfg = dir.resolve("web.cfg");
        CliRun run = CliRun.of("router-config", "--app", "web", "--frontend-port", "34990",
                "--admin-socket", dir.resolve("admin.sock").toString(), "--out", cfg.toString());
        assertEquals(run.err(), 0, run.exit());
        assertTrue(run.out(), run.out().contains("\"frontend\":\"http://127.0.0.1:34990\""));
        TestBed.Result check = TestBed.run(List.of("/usr/sbin/haproxy", "-c", "-f", cfg.toString()), dir);
        assertEquals(check.output(), 0, check.exitCode());
        assertTrue(Files.readString(cfg).contains("backend web"));
    }

    @Test
    public void aPortOutOfRangeIsAUsageError() throws Exception {
        Path dir = Files.createTempDirectory("router-config");
        CliRun run = CliRun.of("router-config", "--app", "web", "--frontend-port", "70000",
                "--admin-socket", dir.resolve("a.sock").toString(), "--out", dir.resolve("x.cfg").toString());
        assertEquals(2, run.exit());
        assertTrue(run.err(), run.err().contains("--frontend-port: 70000 is not a port"));
    }
}
