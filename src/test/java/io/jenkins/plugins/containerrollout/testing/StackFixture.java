package io.jenkins.plugins.containerrollout.testing;

import io.jenkins.plugins.containerrollout.core.deploy.AppLabels;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A three-service Compose project on the test bed: {@code api} (a published port), {@code web} (a published port,
 * waits until the api is healthy) and {@code worker} (no port; its image's HEALTHCHECK is its gate). Ports are free
 * loopback ports; {@link #cleanup()} removes the three apps and the stack's records.
 *
 * <p>Usage: {@code StackFixture f = new StackFixture("st"); Path file = f.write(web, api, StackFixture.worker());}
 */
public final class StackFixture {
    public final String project;
    public final int webPort;
    public final int apiPort;
    private final Path dir;

    public StackFixture(String prefix) {
        project = TestBed.unique(prefix);
        webPort = Loopback.freeBase(project + "w", 36000, 36499, 4);
        apiPort = Loopback.freeBase(project + "a", 36500, 36999, 4);
        try {
            dir = Files.createTempDirectory("stack");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The app image with a HEALTHCHECK that always passes: a worker that listens on nothing is ready when running. */
    public static String worker() {
        String base = AppImages.app("worker", true);
        return AppImages.cached("stack-worker", tag -> {
            try {
                Path ctx = Files.createTempDirectory("worker");
                Files.writeString(ctx.resolve("Dockerfile"), "FROM " + base + "\n"
                        + "HEALTHCHECK --interval=300ms --timeout=2s --retries=2 CMD [\"/bin/true\"]\n");
                return TestImages.build(ctx, tag);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Writes the compose file with these images and returns its path. */
    public Path write(String web, String api, String worker) {
        // stop_grace_period: the app images ignore SIGTERM, so each stop waits out the grace (10 s by default)
        String yaml = String.join("\n",
                "name: " + project,
                "services:",
                "  web:",
                "    image: " + web,
                "    stop_grace_period: 1s",
                "    depends_on:",
                "      api:",
                "        condition: service_healthy",
                "    ports: [\"127.0.0.1:" + webPort + ":" + webPort + "\"]",
                "    environment: {API_URL: \"http://127.0.0.1:" + apiPort + "\"}",
                "  api:",
                "    image: " + api,
                "    stop_grace_period: 1s",
                "    ports: [\"127.0.0.1:" + apiPort + ":" + apiPort + "\"]",
                "  worker:",
                "    image: " + worker,
                "    stop_grace_period: 1s",
                "    entrypoint: [\"/bin/sh\", \"-c\", \"while true; do sleep 1; done\"]",
                "    depends_on: [api]",
                "");
        try {
            return Files.writeString(dir.resolve("compose.yaml"), yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String app(String service) {
        return project + "-" + service;
    }

    /** The running replicas' container ids of a service, sorted. */
    public List<String> containerIds(String service) {
        return TestBed.docker("ps", "-q", "--no-trunc", "--filter", "label=" + AppLabels.APP + "=" + app(service),
                "--filter", "label=" + AppLabels.ROLE + "=" + AppLabels.ROLE_REPLICA).lines().sorted().toList();
    }

    /** Removes the three apps and the stack's records. */
    public void cleanup() {
        for (String s : List.of("web", "api", "worker")) {
            TestBed.removeApp(app(s));
        }
        TestBed.docker("ps", "-aq", "--filter", "label=" + AppLabels.PROJECT + "=" + project).lines()
                .forEach(id -> TestBed.dockerResult("rm", "-f", id));
    }
}
