package io.jenkins.plugins.containerrollout.core.verify;

import io.jenkins.plugins.containerrollout.testing.TestBed;
import io.jenkins.plugins.containerrollout.testing.TestImages;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The application side of the engine tests: the test bed's app image run as labelled replicas on free loopback ports,
 * and every container and image it made removed by {@link #close()}.
 *
 * <p>Usage: {@code try (Apps apps = new Apps()) { String base = apps.replica(app, true, null); ... }}
 */
public final class Apps implements AutoCloseable {
    static final String APP_LABEL = "io.jenkins.containerrollout.app";

    private final List<String> containers = new ArrayList<>();
    private final List<String> images = new ArrayList<>();

    /** Builds the app image (healthy or not) and returns its tag. */
    String image(boolean healthy) throws IOException {
        String tag = TestBed.unique("vfy-app") + ":1";
        images.add(TestImages.app(Files.createTempDirectory("vfy-app"), tag, "1.0", healthy));
        return tag;
    }

    /**
     * Starts one replica of {@code app} and waits until it answers; returns its base URL.
     *
     * @param healthCmd a HEALTHCHECK command for {@code docker run --health-cmd}, or null for none
     */
    String replica(String image, String app, String healthCmd, int port) throws InterruptedException {
        String name = TestBed.unique("vfy");
        List<String> args = new ArrayList<>(List.of("run", "-d", "--name", name, "--network", "host", "-e", "PORT=" + port,
                "--label", APP_LABEL + "=" + app));
        if (healthCmd != null) {
            args.addAll(List.of("--health-cmd", healthCmd.replace("$PORT", String.valueOf(port)), "--health-interval", "1s",
                    "--health-retries", "2", "--health-timeout", "2s"));
        }
        args.add(image);
        containers.add(name);
        TestBed.docker(args.toArray(String[]::new));
        String base = "http://127.0.0.1:" + port;
        awaitUp(base);
        return base;
    }

    /** Creates a replica of {@code app} that never runs, like an older revision kept stopped for rollback. */
    void stopped(String image, String app) {
        String name = TestBed.unique("vfy");
        containers.add(name);
        TestBed.docker("create", "--name", name, "--network", "host", "--label", APP_LABEL + "=" + app, image);
    }

    /** Builds a {@code FROM scratch} busybox image from a context directory holding a Dockerfile. */
    String build(Path context) {
        String tag = TestImages.build(context, TestBed.unique("vfy-img") + ":1");
        images.add(tag);
        return tag;
    }

    private static void awaitUp(String base) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        for (int i = 0; i < 100; i++) {
            try {
                http.send(HttpRequest.newBuilder(URI.create(base + "/version")).timeout(Duration.ofSeconds(1)).build(),
                        HttpResponse.BodyHandlers.discarding());
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new AssertionError(base + " did not come up");
    }

    @Override
    public void close() {
        for (String c : containers) {
            TestBed.dockerResult("rm", "-f", c);
        }
        for (String i : images) {
            TestBed.dockerResult("rmi", "-f", i);
        }
    }
}
