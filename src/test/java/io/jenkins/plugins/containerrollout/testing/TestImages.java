package io.jenkins.plugins.containerrollout.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * Test images built {@code FROM scratch} with Debian's static busybox (no public registry is reachable here).
 * The app image serves, on {@code 127.0.0.1:$PORT} (default 18080) with the host network:
 * <ul>
 *   <li>{@code /version} — the version text given at build time;</li>
 *   <li>{@code /cgi-bin/health} — 200 "ok", or 500 when built with {@code healthy=false};</li>
 *   <li>{@code /index.html} — "hello from VERSION";</li>
 *   <li>{@code /cgi-bin/slow} — "slow VERSION" after one second (a request a replica must finish before it stops).</li>
 * </ul>
 *
 * <p>Usage: {@code TestImages.app(Files.createTempDirectory("ctx"), "app-x:1", "1.0", true)}
 */
public final class TestImages {
    private TestImages() {
    }

    /** Static busybox from busybox-static. */
    public static final Path BUSYBOX = Path.of("/bin/busybox");

    /** Writes the app context into {@code dir} (Dockerfile included) and returns it. */
    public static Path appContext(Path dir, String version, boolean healthy) {
        try {
            Files.createDirectories(dir.resolve("www/cgi-bin"));
            Files.copy(BUSYBOX, dir.resolve("busybox"), StandardCopyOption.REPLACE_EXISTING);
            Files.writeString(dir.resolve("www/version"), version + "\n");
            Files.writeString(dir.resolve("www/index.html"), "hello from " + version + "\n");
            Path health = dir.resolve("www/cgi-bin/health");
            Files.writeString(health, healthy
                    ? "#!/bin/sh\nprintf 'Content-Type: text/plain\\r\\n\\r\\nok\\n'\n"
                    : "#!/bin/sh\nprintf 'Status: 500 Internal Server Error\\r\\nContent-Type: text/plain\\r\\n\\r\\nunhealthy\\n'\n");
            Files.setPosixFilePermissions(health, PosixFilePermissions.fromString("rwxr-xr-x"));
            Path slow = dir.resolve("www/cgi-bin/slow");
            Files.writeString(slow, "#!/bin/sh\nsleep 1\nprintf 'Content-Type: text/plain\\r\\n\\r\\nslow " + version
                    + "\\n'\n");
            Files.setPosixFilePermissions(slow, PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.writeString(dir.resolve("Dockerfile"), String.join("\n",
                    "FROM scratch",
                    "COPY busybox /bin/busybox",
                    "RUN [\"/bin/busybox\", \"--install\", \"-s\", \"/bin\"]",
                    "COPY www /www",
                    "ENTRYPOINT [\"/bin/sh\", \"-c\", \"exec httpd -f -p 127.0.0.1:${PORT:-18080} -h /www\"]",
                    ""));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Builds the app image with the docker CLI under {@code tag} and returns the tag. */
    public static String app(Path dir, String tag, String version, boolean healthy) {
        appContext(dir, version, healthy);
        return build(dir, tag);
    }

    /**
     * Builds the app image under {@code tag} with one extra file holding the tag, so its image id is its own: a build
     * of the same files anywhere on this shared engine would share the id, and {@code docker rmi -f ID} would remove
     * every tag of it, other tests' included. Use it for an image a test removes by id.
     */
    public static String uniqueApp(Path dir, String tag, String version) {
        appContext(dir, version, true);
        try {
            Files.writeString(dir.resolve("www/built-as"), tag + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return build(dir, tag);
    }

    /** Builds the context in {@code dir} with the docker CLI under {@code tag} and returns the tag; fails the test if it cannot. */
    public static String build(Path dir, String tag) {
        TestBed.Result r = TestBed.run(List.of("docker", "build", "-q", "-t", tag, "."), dir);
        if (r.exitCode() != 0) {
            throw new AssertionError("building test image " + tag + " failed:\n" + r.output());
        }
        return tag;
    }
}
