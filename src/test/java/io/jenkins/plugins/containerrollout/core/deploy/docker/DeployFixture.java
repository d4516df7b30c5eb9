package io.jenkins.plugins.containerrollout.core.deploy.docker;

import io.jenkins.plugins.containerrollout.core.deploy.AppLabels;
import io.jenkins.plugins.containerrollout.core.deploy.DeployRequest;
import io.jenkins.plugins.containerrollout.core.deploy.ReplicaSpec;
import io.jenkins.plugins.containerrollout.testing.AppImages;
import io.jenkins.plugins.containerrollout.testing.Loopback;
import io.jenkins.plugins.containerrollout.testing.TestBed;
import io.jenkins.plugins.containerrollout.testing.TestImages;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import io.jenkins.plugins.containerrollout.core.health.ProbeSettings;

/**
 * What the deploy tests share: the app images (built once per JVM, removed when it exits), a port range per test
 * that nothing else listens on, fast probes, and plain loopback HTTP.
 */
final class DeployFixture {
    private DeployFixture() {
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** The app image serving {@code version}; healthy or not. */
    static String image(String version, boolean healthy) {
        return AppImages.app(version, healthy);
    }

    /**
     * The app image plus a HEALTHCHECK that asks its own health endpoint every 300 ms: the engine's listing then says
     * which replicas are ready, and the deployer gates on that verdict instead of its HTTP probe.
     */
    static String healthchecked(String version, boolean healthy) {
        String base = image(version, healthy);
        return AppImages.cached("hc-" + version + (healthy ? "" : "-unhealthy"), tag -> {
            try {
                Path dir = Files.createTempDirectory("dep-hc");
                Files.writeString(dir.resolve("Dockerfile"), String.join("\n", "FROM " + base,
                        "HEALTHCHECK --interval=300ms --timeout=2s --retries=2 CMD wget -q -O /dev/null"
                                + " http://127.0.0.1:$PORT/cgi-bin/health || exit 1", ""));
                return TestImages.build(dir, tag);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /**
     * Deploys version 1, the start of a routed test: on failure {@code stage} (its router and deployer) is closed and
     * the test fails saying why.
     */
    static void deployFirst(DockerDeployer deployer, DeployRequest v1, AutoCloseable stage) throws Exception {
        io.jenkins.plugins.containerrollout.core.record.RolloutRecord first = deployer.deploy(v1,
                io.jenkins.plugins.containerrollout.core.ProgressSink.NONE);
        if (first.outcome() != io.jenkins.plugins.containerrollout.core.record.Outcome.SUCCEEDED) {
            stage.close();
            throw new AssertionError("deploying version 1 failed: " + first.message());
        }
    }

    /** A replica spec that stops at once (busybox httpd ignores SIGTERM as PID 1). */
    static ReplicaSpec spec(String image) {
        return ReplicaSpec.of(image).withStopTimeoutSeconds(0);
    }

    /** Probe the fixture's health endpoint every 200 ms; three failed probes fail a replica (slack for a loaded machine). */
    static ProbeSettings probe() {
        return new ProbeSettings("/cgi-bin/health", Duration.ofMillis(200), Duration.ofSeconds(2), 1, 3,
                Duration.ofSeconds(20));
    }

    /** A port base in 20000-29999 derived from the app name, with {@code span} free ports. */
    static int portBase(String app, int span) {
        return portBase(app, span, 20000, 29999);
    }

    /** A port base in {@code low..high} derived from the app name, with {@code span} free ports. */
    static int portBase(String app, int span, int low, int high) {
        int size = high - low + 1;
        int start = low + Math.floorMod(app.hashCode(), size / 20) * 20;
        for (int attempt = 0; attempt < size / 20; attempt++) {
            int base = low + Math.floorMod(start - low + attempt * 20, size - 20);
            boolean free = true;
            for (int p = base; p < base + span && free; p++) {
                free = Loopback.free(p);
            }
            if (free) {
                return base;
            }
        }
        throw new AssertionError("no " + span + " free ports in " + low + "-" + high);
    }

    /** Status and body of {@code GET http://127.0.0.1:port/path}, or null when nothing answers. */
    static HttpResponse<String> get(int port, String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** The version a port serves, or null. */
    static String version(int port) {
        return Loopback.version(port);
    }

    /** Removes everything the app left in the engine, whatever state the test left it in. */
    static void cleanup(String app) {
        TestBed.removeApp(app);
    }

    /** Names of every container of the app (any role, any state). */
    static String containers(String app) {
        return TestBed.docker("ps", "-a", "--format", "{{.Names}} {{.State}}", "--filter",
                "label=" + AppLabels.APP + "=" + app).trim();
    }
}
