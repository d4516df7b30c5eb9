package io.jenkins.plugins.containerrollout.core.swarm;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.fail;

import io.jenkins.plugins.containerrollout.core.ProgressSink;
import io.jenkins.plugins.containerrollout.core.image.RegistryCredentials;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.containerrollout.core.deploy.AppLabels;
import io.jenkins.plugins.containerrollout.core.deploy.DeployRequest;
import io.jenkins.plugins.containerrollout.core.deploy.Ports;
import io.jenkins.plugins.containerrollout.core.deploy.ReplicaSpec;
import io.jenkins.plugins.containerrollout.core.deploy.RolloutStrategy;
import io.jenkins.plugins.containerrollout.core.engine.DockerHost;
import io.jenkins.plugins.containerrollout.core.health.ProbeSettings;
import io.jenkins.plugins.containerrollout.testing.StackFixture;
import io.jenkins.plugins.containerrollout.testing.TestBed;
import io.jenkins.plugins.containerrollout.testing.TestImages;
import java.io.IOException;
import java.io.UncheckedIOException;
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
 * The single-node swarm of the test bed ({@code scripts/testbed swarm}: a second dockerd, never the shared engine) and
 * images it can run: built on the shared engine, pushed to the open registry, pulled by the swarm from there. Public
 * for the CLI's {@code --target swarm} tests.
 */
public final class SwarmFixture {
    private SwarmFixture() {
    }

    /** Progress lines with the time, so a slow step shows in the test output. */
    static final ProgressSink SINK = line -> System.out.println(java.time.LocalTime.now() + " " + line);

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** The swarm manager; fails (never skips) when the test bed's swarm is not up. */
    public static DockerHost host() {
        String uri = System.getenv("TESTBED_SWARM_HOST");
        if (uri == null || uri.isBlank()) {
            uri = "unix:///run/container-rollout-swarm/docker.sock";
        }
        TestBed.Result r = TestBed.run(List.of("docker", "-H", uri, "info", "--format", "{{.Swarm.LocalNodeState}}"),
                Path.of("."));
        if (r.exitCode() != 0 || !r.output().trim().equals("active")) {
            fail("no active swarm manager at " + uri + " (" + r.output().trim() + "): run scripts/testbed swarm");
        }
        return new DockerHost(uri, false, null);
    }

    /** Runs the docker CLI against the swarm manager; fails the test on a non-zero exit. */
    public static String swarmCli(DockerHost host, String... args) {
        List<String> command = new ArrayList<>(List.of("docker", "-H", host.uri()));
        command.addAll(List.of(args));
        TestBed.Result r = TestBed.run(command, Path.of("."));
        if (r.exitCode() != 0) {
            throw new AssertionError(String.join(" ", command) + " exited " + r.exitCode() + ":\n" + r.output());
        }
        return r.output();
    }

    /** The service's {@code Spec} as the engine reports it ({@code docker service inspect}). */
    static JsonNode spec(DockerHost host, String service) throws IOException {
        return new ObjectMapper().readTree(swarmCli(host, "service", "inspect", service)).get(0).get("Spec");
    }

    /** Waits (bounded) until no container of {@code app} is left on the swarm node, so its ports are free again. */
    public static void awaitGone(DockerHost host, String app) throws InterruptedException {
        for (int i = 0; i < 150; i++) {
            if (swarmCli(host, "ps", "-aq", "--filter", "label=" + AppLabels.APP + "=" + app).isBlank()) {
                return;
            }
            Thread.sleep(200);
        }
        fail("containers of " + app + " still exist 30 s after its service was removed");
    }

    /**
     * {@code docker service ps} once the replaced tasks have exited (bounded): a rollout ends when they were told to
     * stop, and a CLI command started before they exit would start tasks on the ports they still hold.
     */
    static String settledTaskList(DockerHost host, String app) throws InterruptedException {
        String ps = "";
        for (int i = 0; i < 100; i++) {
            ps = swarmCli(host, "service", "ps", "--no-trunc", "--format",
                    "{{.ID}} {{.Name}} {{.DesiredState}} {{.CurrentState}}", app);
            if (!ps.contains(" Shutdown Running")) {
                return ps;
            }
            Thread.sleep(200);
        }
        return ps;
    }

    /** The test app in versions 1.0, 2.0, 3.0 and one whose health check fails, as registry references. */
    public record Images(String v1, String v2, String v3, String bad) {
    }

    private static Images images;

    /** Built and pushed once per test JVM: every class deploys the same four images. */
    public static synchronized Images images() {
        if (images == null) {
            String name = TestBed.unique("swarm-app");
            try {
                images = new Images(pushedApp(name, "1.0", true), pushedApp(name, "2.0", true),
                        pushedApp(name, "3.0", true), pushedApp(name, "bad", false));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            // the swarm node pulled them; they go when the test JVM ends (the classes share them until then)
            String repo = TestBed.registry() + "/" + name;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                String ids = TestBed.run(List.of("docker", "-H", host().uri(), "images", "-q", repo), Path.of("."))
                        .output().trim();
                if (!ids.isEmpty()) {
                    List<String> rmi = new ArrayList<>(List.of("docker", "-H", host().uri(), "rmi", "-f"));
                    rmi.addAll(List.of(ids.split("\\s+")));
                    TestBed.run(rmi, Path.of("."));
                }
            }));
        }
        return images;
    }

    /** Removes the services of a {@code StackFixture} project (once their tasks are gone) and its stack configs. */
    public static void removeStack(DockerHost host, StackFixture f) throws InterruptedException {
        for (String s : List.of("web", "api", "worker")) {
            TestBed.run(List.of("docker", "-H", host.uri(), "service", "rm", f.app(s)), Path.of("."));
        }
        for (String s : List.of("web", "api", "worker")) {
            awaitGone(host, f.app(s));
        }
        swarmCli(host, "config", "ls", "-q", "--filter", "label=" + AppLabels.PROJECT + "=" + f.project).lines()
                .forEach(id -> swarmCli(host, "config", "rm", id));
    }

    private static String worker;

    /**
     * A worker for a Compose stack's file ({@code StackFixture}): the 1.0 app with a HEALTHCHECK that always passes, as
     * a worker listens on nothing. Pushed once per test JVM into the repository of {@link #images()}, so the swarm
     * node's copy goes with them.
     */
    public static synchronized String worker() throws IOException {
        if (worker == null) {
            String v1 = images().v1();
            String ref = v1.substring(0, v1.lastIndexOf(':')) + ":worker";
            Path ctx = Files.createTempDirectory("swarm-worker");
            Files.writeString(ctx.resolve("Dockerfile"), "FROM " + v1 + "\n"
                    + "HEALTHCHECK --interval=300ms --timeout=2s --retries=2 CMD [\"/bin/true\"]\n");
            TestImages.build(ctx, ref);
            TestBed.docker("push", "-q", ref);
            TestBed.dockerResult("rmi", ref);
            TestBed.run(List.of("rm", "-rf", ctx.toString()), Path.of("/"));
            worker = ref;
        }
        return worker;
    }

    /** Builds the test app image, pushes it to the open registry and returns its registry reference. */
    static String pushedApp(String name, String version, boolean healthy) throws IOException {
        String ref = TestBed.registry() + "/" + name + ":" + version;
        Path dir = Files.createTempDirectory("swarm-img");
        try {
            TestImages.app(dir, ref, version, healthy);
            TestBed.docker("push", "-q", ref);
            return ref;
        } finally {
            TestBed.run(List.of("rm", "-rf", dir.toString()), Path.of("/"));
            TestBed.dockerResult("rmi", ref);
        }
    }

    /**
     * Pushes a local image of the shared engine with credentials in {@code X-Registry-Auth} (as docker-java would),
     * so no {@code docker login} touches anyone's {@code ~/.docker/config.json}.
     */
    static void pushWithAuth(String ref, RegistryCredentials login) {
        String name = ref.substring(0, ref.lastIndexOf(':'));
        String tag = ref.substring(ref.lastIndexOf(':') + 1);
        String auth = SwarmApi.authHeader(login, ref.substring(0, ref.indexOf('/'))).get("X-Registry-Auth");
        TestBed.Result r = TestBed.run(List.of("curl", "-sS", "--unix-socket", TestBed.host().uri().replaceFirst("^unix://", ""), "-X", "POST",
                "-H", "X-Registry-Auth: " + auth, "http://localhost/v1.41/images/" + name + "/push?tag=" + tag),
                Path.of("."));
        if (r.exitCode() != 0 || r.output().contains("\"error\"")) {
            throw new AssertionError("pushing " + ref + " failed: " + r.output().replace(login.password(), "****"));
        }
    }

    /** Fast health settings: a bad task fails within about 2 s, so an update's monitor window is short too. */
    static ProbeSettings probe() {
        return new ProbeSettings("/cgi-bin/health", Duration.ofMillis(300), Duration.ofSeconds(1), 1, 2,
                Duration.ofSeconds(1));
    }

    static DeployRequest request(DockerHost host, String app, String image, int replicas, int portBase) {
        // busybox httpd as PID 1 ignores SIGTERM: a 1 s grace keeps replaced tasks from lingering 10 s
        return new DeployRequest(host, app, ReplicaSpec.of(image).withStopTimeoutSeconds(1), replicas, portBase,
                RolloutStrategy.rolling("1", "0").withProgressDeadlineSeconds(60), probe(), 10, null, null);
    }

    /** The first {@code width} consecutive free loopback ports from {@code first}, within {@code range} ports. */
    static int freeWindow(int first, int range, int width) {
        int run = 0;
        for (int port = first; port < first + range; port++) {
            run = Ports.free(port) ? run + 1 : 0;
            if (run == width) {
                return port - width + 1;
            }
        }
        throw new AssertionError("no " + width + " free ports in " + first + "-" + (first + range - 1));
    }

    /** What {@code /version} answers on a loopback port, or the failure. */
    static String version(int port) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/version"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? r.body().trim() : "HTTP " + r.statusCode();
        } catch (IOException e) {
            return "unreachable: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /** Every serving port of {@code app} answers {@code version}, and there are {@code replicas} of them. */
    static void assertServes(SwarmDeployer swarm, String app, int replicas, String version) {
        var status = swarm.status(app);
        assertEquals(status.toString(), replicas, status.servingPorts().size());
        for (int port : status.servingPorts()) {
            assertEquals("port " + port, version, version(port));
        }
    }
}
