package io.jenkins.plugins.containerrollout.cli;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.containerrollout.testing.TestBed;
import io.jenkins.plugins.containerrollout.testing.TestImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.Test;

/**
 * The packaged CLI ({@code target/container-rollout-cli.jar}) run as a real process. An integration test (failsafe,
 * after {@code package}), so it always runs against the jar this build just made, never a stale one.
 */
public class CliJarIT {
    @Test
    public void theJarBuildsAnImageAndPrintsJson() throws Exception {
        Path ctx = TestImages.appContext(Files.createTempDirectory("bld-jar"), "1.0", true);
        String tag = TestBed.unique("bld-jar") + ":1";
        try {
            TestBed.Result help = jar(ctx, "--help");
            assertEquals(help.output(), 0, help.exitCode());
            TestBed.Result usage = jar(ctx, "build");
            assertEquals(usage.output(), 2, usage.exitCode());
            // the build runs in the context directory: --context . is resolved against the working directory
            TestBed.Result build = jar(ctx, "build", "--context", ".", "--tag", tag, "--docker-host", TestBed.host().uri());
            assertEquals(build.output(), 0, build.exitCode());
            String json = build.output().lines().filter(l -> l.startsWith("{")).reduce((a, b) -> b).orElseThrow();
            assertEquals(TestBed.docker("inspect", "--format", "{{.Id}}", tag).trim(),
                    new ObjectMapper().readTree(json).get("imageId").asText());
            assertTrue(build.output(), build.output().contains("Successfully built"));
        } finally {
            TestBed.dockerResult("rmi", "-f", tag);
            TestBed.run(List.of("rm", "-rf", ctx.toString()), Path.of("/"));
        }
    }

    @Test
    public void theJarDeploysAndRendersTheRunReport() throws Exception {
        Path dir = Files.createTempDirectory("dep-jar");
        String app = TestBed.unique("cli-jar");
        String base = String.valueOf(CliApps.portBase(app, 2));
        String host = TestBed.host().uri();
        try {
            TestBed.Result deploy = jar(dir, CliApps.args(new String[] {"deploy", "--app", app, "--image",
                CliApps.image("1.0", true), "--port-base", base, "--docker-host", host, "--run-file", "run.jsonl"},
                CliApps.fast()));
            assertEquals(deploy.output(), 0, deploy.exitCode());
            // the quick status (QuickStatus): neither docker-java's client nor Jackson's data binding is loaded
            TestBed.Result status = CliJar.runWith(dir, List.of("-Xlog:class+load=info:file=classes.txt"), "status",
                    "--app", app, "--docker-host", host);
            assertTrue(status.output(), status.output().contains("\"readyReplicas\":1"));
            String loaded = Files.readString(dir.resolve("classes.txt"));
            assertTrue("status read the app's containers", loaded.contains(".QuickStatus "));
            assertFalse("docker-java's client", loaded.contains("com.github.dockerjava.core."));
            assertFalse("Jackson's data binding", loaded.contains("com.fasterxml.jackson.databind."));
            TestBed.Result report = jar(dir, "report", "--run-file", "run.jsonl", "--out", "report.html");
            assertEquals(report.output(), 0, report.exitCode());
            assertTrue(Files.readString(dir.resolve("report.html")).contains("Rollout of " + app));
        } finally {
            CliApps.cleanup(app);
            TestBed.run(List.of("rm", "-rf", dir.toString()), Path.of("/"));
        }
    }

    @Test
    public void aRevisionThreeBackIsRestoredByAnotherProcessAfterTheDeployingOnesExited() throws Exception {
        // Every deploy is its own JVM that exits; only the engine remembers the revisions.
        Path dir = Files.createTempDirectory("rb-jar");
        String app = TestBed.unique("cli-jar-rb");
        int base = CliApps.portBase(app, 2);
        String host = TestBed.host().uri();
        try {
            for (String version : List.of("1.0", "2.0", "3.0", "4.0")) {
                TestBed.Result deploy = jar(dir, CliApps.args(new String[] {"deploy", "--app", app, "--image",
                    CliApps.image(version, true), "--port-base", String.valueOf(base), "--docker-host", host},
                    CliApps.fast()));
                assertEquals(deploy.output(), 0, deploy.exitCode());
            }
            assertEquals("4.0", servingVersion(base));

            TestBed.Result rollback = jar(dir, "rollback", "--app", app, "--to-revision", "1", "--docker-host", host,
                    "--probe-interval", "200", "--startup-timeout", "20");

            assertEquals(rollback.output(), 0, rollback.exitCode());
            String json = rollback.output().lines().filter(l -> l.startsWith("{")).reduce((a, b) -> b).orElseThrow();
            assertEquals(1, new ObjectMapper().readTree(json).get("servingRevision").asInt());
            assertEquals("1.0", servingVersion(base));
        } finally {
            CliApps.cleanup(app);
            TestBed.run(List.of("rm", "-rf", dir.toString()), Path.of("/"));
        }
    }

    /** One replica with a surge of one alternates between the two ports of its range. */
    private static String servingVersion(int base) {
        String first = CliApps.version(base);
        return first != null ? first : CliApps.version(base + 1);
    }

    private static TestBed.Result jar(Path dir, String... args) {
        return CliJar.run(dir, args);
    }
}
