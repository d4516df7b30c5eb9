package io.jenkins.plugins.containerrollout.cli;

import static org.junit.Assert.assertEquals;

import io.jenkins.plugins.containerrollout.testing.TestBed;
import java.util.List;
import org.junit.After;
import org.junit.Test;

/**
 * {@code deploy} returns (its JVM exits) while the replicas it replaced are still in their grace period, and the
 * engine still ends them: SIGKILL at the end of {@code --stop-timeout} (exit 137; the fixture's httpd ignores
 * SIGTERM), with no process of ours waiting on the stop. Docker Engine carries a stop request through when its
 * client hangs up (measured on the test bed's Engine 20.10 with curl's {@code --max-time}).
 */
public class LastStopsAfterExitEngineTest {
    private static final int GRACE = 10;
    private final String app = TestBed.unique("cli-stops");
    private final int base = CliApps.portBase(app, 6);

    @After
    public void cleanup() {
        CliApps.cleanup(app);
    }

    private CliRun deploy(String version) {
        return CliProcess.run(CliApps.env(), "deploy", "--app", app, "--image", CliApps.image(version, true),
                "--replicas", "2", "--port-base", String.valueOf(base), "--max-surge", "2", "--max-unavailable", "0",
                "--health-path", "/cgi-bin/health", "--probe-interval", "200", "--startup-timeout", "20",
                "--stop-timeout", String.valueOf(GRACE));
    }

    @Test
    public void theReplacedReplicasEndAfterTheirGraceWithNoProcessWaiting() throws Exception {
        CliRun first = deploy("1");
        assertEquals(first.err(), 0, first.exit());

        long start = System.currentTimeMillis();
        CliRun second = deploy("2");
        long took = System.currentTimeMillis() - start;

        assertEquals(second.err(), 0, second.exit());
        // what shows it did not wait: the replicas it replaced still run (a JVM's start on a loaded machine varies)
        assertEquals("revision 1 still in its grace when the process had gone, after " + took + " ms", 2,
                revisionOne("-q").size());
        long deadline = start + (GRACE + 10) * 1000L;
        while (!revisionOne("-q").isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.sleep(250);
        }
        assertEquals("ended by the engine with SIGKILL after the grace", List.of("137", "137"),
                revisionOne("-a", "--format", "{{.Status}}").stream()
                        .map(s -> s.replaceAll("^Exited \\((\\d+)\\).*", "$1")).toList());
    }

    /** Lines of {@code docker ps} for revision 1's replicas. */
    private List<String> revisionOne(String... options) {
        String[] args = new String[options.length + 3];
        args[0] = "ps";
        System.arraycopy(options, 0, args, 1, options.length);
        args[options.length + 1] = "--filter";
        args[options.length + 2] = "name=" + app + ".r1.s";
        return TestBed.docker(args).lines().filter(l -> !l.isBlank()).toList();
    }
}
