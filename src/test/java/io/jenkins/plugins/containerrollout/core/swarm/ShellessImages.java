package io.jenkins.plugins.containerrollout.core.swarm;

import io.jenkins.plugins.containerrollout.testing.TestBed;
import io.jenkins.plugins.containerrollout.testing.TestImages;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Images with no {@code /bin/sh}, as distroless images are: {@code FROM scratch} with the static busybox at
 * {@code /bin/busybox} only (no applet links). The process is {@code /bin/busybox sh -c 'exec /bin/busybox httpd -p
 * 127.0.0.1:$PORT'}, so it reads {@code PORT} from its own environment, and serves the static files {@code /version}
 * ("noshell") and {@code /health} ("ok"). One of them has a HEALTHCHECK that probes {@code /health} on {@code $PORT}
 * the same way; neither serves {@code /cgi-bin/health}, the path the swarm tests' probe asks for. Built on the shared
 * engine and pushed to the open registry; removed from both engines when the test JVM ends.
 */
final class ShellessImages {
    private ShellessImages() {
    }

    static final String VERSION = "noshell";

    private static String withHealthcheck;
    private static String withoutHealthcheck;

    /** The image whose own HEALTHCHECK probes {@code http://127.0.0.1:$PORT/health}. */
    static synchronized String withHealthcheck() {
        if (withHealthcheck == null) {
            withHealthcheck = pushed("healthcheck", List.of(
                    "HEALTHCHECK --interval=1s --timeout=2s --retries=3 CMD [\"/bin/busybox\", \"sh\", \"-c\", "
                            + "\"/bin/busybox wget -q -O /dev/null http://127.0.0.1:$PORT/health\"]"));
        }
        return withHealthcheck;
    }

    /** The same process with no HEALTHCHECK. */
    static synchronized String withoutHealthcheck() {
        if (withoutHealthcheck == null) {
            withoutHealthcheck = pushed("plain", List.of());
        }
        return withoutHealthcheck;
    }

    private static String pushed(String variant, List<String> extra) {
        String ref = TestBed.registry() + "/" + TestBed.unique("noshell-" + variant) + ":1";
        Path dir = null;
        try {
            dir = Files.createTempDirectory("noshell");
            Files.createDirectories(dir.resolve("www"));
            Files.copy(TestImages.BUSYBOX, dir.resolve("busybox"));
            Files.writeString(dir.resolve("www/version"), VERSION + "\n");
            Files.writeString(dir.resolve("www/health"), "ok\n");
            List<String> lines = new ArrayList<>(List.of("FROM scratch", "COPY busybox /bin/busybox", "COPY www /www",
                    "ENTRYPOINT [\"/bin/busybox\", \"sh\", \"-c\", "
                            + "\"exec /bin/busybox httpd -f -p 127.0.0.1:$PORT -h /www\"]"));
            lines.addAll(extra);
            Files.writeString(dir.resolve("Dockerfile"), String.join("\n", lines) + "\n");
            TestImages.build(dir, ref);
            TestBed.docker("push", "-q", ref);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (dir != null) {
                TestBed.run(List.of("rm", "-rf", dir.toString()), Path.of("/"));
            }
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            TestBed.dockerResult("rmi", "-f", ref);
            // the swarm node pulled it by digest, so it goes by its repository's image ids
            String swarm = SwarmFixture.host().uri();
            String ids = TestBed.run(List.of("docker", "-H", swarm, "images", "-q", ref.substring(0, ref.lastIndexOf(':'))),
                    Path.of(".")).output().trim();
            if (!ids.isEmpty()) {
                List<String> rmi = new ArrayList<>(List.of("docker", "-H", swarm, "rmi", "-f"));
                rmi.addAll(List.of(ids.split("\\s+")));
                TestBed.run(rmi, Path.of("."));
            }
        }));
        return ref;
    }
}
