package io.jenkins.plugins.containerrollout.core.image;

import io.jenkins.plugins.containerrollout.core.ProgressSink;
import io.jenkins.plugins.containerrollout.core.engine.DockerHost;
import io.jenkins.plugins.containerrollout.testing.TestBed;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/** Shared set-up of the ImageBuilder tests: scratch contexts with busybox, requests, a recording sink, clean-up. */
final class ImageBuilderFixtures {
    private ImageBuilderFixtures() {
    }

    /** A context holding busybox and a Dockerfile made of {@code lines}. */
    static Path context(String... lines) throws IOException {
        Path dir = Files.createTempDirectory("bld-ctx");
        Files.copy(Path.of("/bin/busybox"), dir.resolve("busybox"), StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(dir.resolve("Dockerfile"), String.join("\n", lines) + "\n");
        return dir;
    }

    /** A request with nothing but a context and tags; tests change what they need with {@link Req}. */
    static Req request(Path context, String... tags) {
        return new Req(TestBed.host(), context.toString(), List.of(tags));
    }

    /** A mutable stand-in for BuildRequest's long constructor, so each test states only what it cares about. */
    static final class Req {
        DockerHost host;
        String context;
        String dockerfile;
        List<String> tags;
        Map<String, String> buildArgs = Map.of();
        String target;
        Map<String, String> labels = Map.of();
        boolean pull;
        boolean push;
        String version;
        RegistryCredentials credentials;
        Duration timeout = Duration.ofMinutes(5);

        Req(DockerHost host, String context, List<String> tags) {
            this.host = host;
            this.context = context;
            this.tags = tags;
        }

        BuildRequest build() {
            return new BuildRequest(host, context, dockerfile, tags, buildArgs, target, labels, false, pull, push, version,
                    credentials, timeout);
        }
    }

    /** Records every progress line. */
    static final class Lines implements ProgressSink {
        final List<String> lines = new CopyOnWriteArrayList<>();

        @Override
        public void line(String line) {
            lines.add(line);
        }

        String all() {
            return String.join("\n", lines);
        }
    }

    /** Removes images (ignoring ones that were never built) and a context directory. */
    static void cleanUp(Path context, String... tags) throws IOException {
        List<String> args = new ArrayList<>(List.of("rmi", "-f"));
        args.addAll(List.of(tags));
        TestBed.dockerResult(args.toArray(String[]::new));
        if (context != null && Files.exists(context)) {
            try (Stream<Path> files = Files.walk(context)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
