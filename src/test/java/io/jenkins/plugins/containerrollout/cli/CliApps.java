package io.jenkins.plugins.containerrollout.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.containerrollout.testing.AppImages;
import io.jenkins.plugins.containerrollout.testing.Loopback;
import io.jenkins.plugins.containerrollout.testing.TestBed;
import io.jenkins.plugins.containerrollout.testing.TestImages;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;

/**
 * What the CLI's engine tests share: the app images (built once per JVM, removed when it exits), free port bases in
 * 34000-34999, the options that make rollouts fast on a shared machine, and cleanup of an app's containers.
 */
final class CliApps {
    private static final ObjectMapper JSON = new ObjectMapper();

    private CliApps() {
    }

    /** The app image serving {@code version} on /version; its /cgi-bin/health fails unless {@code healthy}. */
    static String image(String version, boolean healthy) {
        return AppImages.app(version, healthy);
    }

    /**
     * A smoke-test image: one JUnit case that passes when {@code $TARGET_URL/version} answers {@code $EXPECT}, written
     * to {@code /reports/TEST-smoke.xml}; the exit code follows the case.
     */
    static String smokeImage() {
        return AppImages.cached("cli-smoke", tag -> {
            try {
                Path dir = Files.createTempDirectory("cli-smoke");
                Files.copy(TestImages.BUSYBOX, dir.resolve("busybox"), StandardCopyOption.REPLACE_EXISTING);
                Files.writeString(dir.resolve("smoke.sh"), String.join("\n",
                        "mkdir -p /reports",
                        "got=$(wget -q -O - \"$TARGET_URL/version\")",
                        "if [ \"$got\" = \"$EXPECT\" ]; then result='/>'; code=0;"
                                + " else result='><failure message=\"wrong version\"/></testcase>'; code=1; fi",
                        "echo \"<testsuite name=\\\"smoke\\\" tests=\\\"1\\\"><testcase classname=\\\"smoke\\\""
                                + " name=\\\"version\\\"$result</testsuite>\" > /reports/TEST-smoke.xml",
                        "exit $code", ""));
                Files.writeString(dir.resolve("Dockerfile"), String.join("\n", "FROM scratch",
                        "COPY busybox /bin/busybox", "RUN [\"/bin/busybox\", \"--install\", \"-s\", \"/bin\"]",
                        "COPY smoke.sh /smoke.sh", "ENTRYPOINT [\"/bin/sh\", \"/smoke.sh\"]", ""));
                return TestImages.build(dir, tag);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Only the test bed's engine from this JVM's environment. */
    static Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("DOCKER_HOST", TestBed.host().uri());
        return env;
    }

    /** Probes every 200 ms on the fixture's health path, and replicas that stop at once (httpd ignores SIGTERM). */
    static String[] fast() {
        return new String[] {"--health-path", "/cgi-bin/health", "--probe-interval", "200", "--probe-timeout", "2000",
            "--startup-timeout", "20", "--stop-timeout", "0"};
    }

    /** A base in 34000-34999 with {@code span} free loopback ports. */
    static int portBase(String app, int span) {
        return Loopback.freeBase(app, 34000, 34999, span);
    }

    /** The version a port serves, or null. */
    static String version(int port) {
        return Loopback.version(port);
    }

    static JsonNode json(CliRun run) {
        try {
            return JSON.readTree(run.out());
        } catch (IOException e) {
            throw new AssertionError("stdout is not JSON: " + run.out() + "\nstderr: " + run.err(), e);
        }
    }

    /** The last line on stderr: where the CLI names the cause of exit 1 or 2. */
    static String lastErrLine(CliRun run) {
        return run.err().lines().reduce((a, b) -> b).orElse("");
    }

    /** Removes every container of the app, whatever state the test left it in. */
    static void cleanup(String app) {
        TestBed.removeApp(app);
    }

    /** {@code args} then {@code more}. */
    static String[] args(String[] args, String... more) {
        String[] out = new String[args.length + more.length];
        System.arraycopy(args, 0, out, 0, args.length);
        System.arraycopy(more, 0, out, args.length, more.length);
        return out;
    }
}
