import io.jenkins.plugins.containerrollout.core.ProgressSink;
import io.jenkins.plugins.containerrollout.core.deploy.DeployRequest;
import io.jenkins.plugins.containerrollout.core.deploy.ReplicaSpec;
import io.jenkins.plugins.containerrollout.core.deploy.RolloutStrategy;
import io.jenkins.plugins.containerrollout.core.engine.DockerHost;
import io.jenkins.plugins.containerrollout.core.health.ProbeSettings;
import io.jenkins.plugins.containerrollout.core.record.Outcome;
import io.jenkins.plugins.containerrollout.core.record.RolloutRecord;
import io.jenkins.plugins.containerrollout.core.swarm.SwarmDeployer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The same rolling update of a Swarm service through {@code SwarmDeployer.deploy} and through
 * {@code docker service update} (which waits for convergence by default), with equal settings: both start from a
 * service our deployer created at v1 (so the update and rollback configs are the same), both change the image to v2
 * (pinned by digest), the port bank and the revision labels. Pairs run interleaved, alternating which goes first.
 * Prints a Markdown table on stdout.
 *
 * <p>Usage: {@code java -cp target/container-rollout-cli.jar bench/SwarmBench.java [runs]} (bench/run swarm does this)
 */
public class SwarmBench {
    private static final int REPLICAS = 4;
    private static final int PORT_BASE = 38000;
    private static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        String uri = System.getenv().getOrDefault("TESTBED_SWARM_HOST", "unix:///run/container-rollout-swarm/docker.sock");
        DockerHost host = new DockerHost(uri, false, null);
        String registry = System.getenv().getOrDefault("TESTBED_REGISTRY", "127.0.0.1:5000");
        String repo = registry + "/swarm-bench-" + ProcessHandle.current().pid();
        String v1 = pushedApp(repo + ":1", "1.0");
        String v2 = pushedApp(repo + ":2", "2.0");
        String app = "swarm-bench-" + ProcessHandle.current().pid();
        List<Long> ours = new ArrayList<>();
        List<Long> cli = new ArrayList<>();
        JsonNode ourSpec = null;
        try (SwarmDeployer swarm = new SwarmDeployer(host, null)) {
            warmUp(swarm, host, app, v1, v2);
            for (int r = 0; r < runs; r++) {
                boolean oursFirst = r % 2 == 0 || ourSpec == null;
                for (int turn = 0; turn < 2; turn++) {
                    if ((turn == 0) == oursFirst) {
                        swarm.deploy(request(host, app, v1), ProgressSink.NONE);
                        long t0 = System.nanoTime();
                        RolloutRecord rec = swarm.deploy(request(host, app, v2), ProgressSink.NONE);
                        ours.add((System.nanoTime() - t0) / 1_000_000);
                        if (rec.outcome() != Outcome.SUCCEEDED) {
                            throw new IllegalStateException("our update did not succeed: " + rec.message());
                        }
                        ourSpec = JSON.readTree(docker(uri, "service", "inspect", app)).get(0).get("Spec");
                    } else {
                        swarm.deploy(request(host, app, v1), ProgressSink.NONE);
                        List<String> update = cliUpdate(ourSpec, app);
                        long t0 = System.nanoTime();
                        docker(uri, update.toArray(String[]::new));
                        cli.add((System.nanoTime() - t0) / 1_000_000);
                    }
                    swarm.remove(app);
                    awaitGone(uri, app);
                }
            }
        } finally {
            docker(null, "rmi", v1, v2);
            String pulled = docker(uri, "images", "-q", repo).trim();
            if (!pulled.isEmpty()) {
                List<String> rmi = new ArrayList<>(List.of("rmi", "-f"));
                rmi.addAll(List.of(pulled.split("\\s+")));
                docker(uri, rmi.toArray(String[]::new));
            }
        }
        long o = median(ours);
        long c = median(cli);
        System.out.println("| change (" + REPLICAS + " tasks, start-first, parallelism 1, HEALTHCHECK every 300 ms) "
                + "| docker service update median | SwarmDeployer.deploy median | ratio |");
        System.out.println("|---|---:|---:|---:|");
        System.out.printf("| image v1 → v2, %d runs | %d ms | %d ms | %.2f× |%n", runs, c, o, (double) o / c);
        System.out.println();
        System.out.println("Both end when the update is done: ours when Swarm reports `completed` and every new task runs "
                + "(healthy) with the old ones told to stop; the CLI by its own convergence check plus the monitor window "
                + "(1.6 s here). All samples (ms): docker " + cli + "; ours " + ours + ".");
    }

    /** One untimed pair, so the JVM and the swarm node (image layers, task allocator) are warm. */
    private static void warmUp(SwarmDeployer swarm, DockerHost host, String app, String v1, String v2) throws Exception {
        swarm.deploy(request(host, app, v1), ProgressSink.NONE);
        swarm.deploy(request(host, app, v2), ProgressSink.NONE);
        swarm.remove(app);
        awaitGone(host.uri(), app);
    }

    private static DeployRequest request(DockerHost host, String app, String image) {
        ProbeSettings probe = new ProbeSettings("/cgi-bin/health", Duration.ofMillis(300), Duration.ofSeconds(1), 1, 2,
                Duration.ofSeconds(1));
        return new DeployRequest(host, app, ReplicaSpec.of(image).withStopTimeoutSeconds(1), REPLICAS, PORT_BASE,
                RolloutStrategy.rolling("1", "0").withProgressDeadlineSeconds(120), probe, 10, null, null);
    }

    /** {@code docker service update} making the change our deployer made: image, port bank, labels. */
    private static List<String> cliUpdate(JsonNode ourSpec, String app) {
        JsonNode c = ourSpec.path("TaskTemplate").path("ContainerSpec");
        List<String> cmd = new ArrayList<>(List.of("service", "update", "--quiet", "--image", c.path("Image").asText(),
                "--env-add", "ROLLOUT_PORT_BANK=1"));
        c.path("Labels").fields().forEachRemaining(e -> cmd.addAll(List.of("--container-label-add",
                e.getKey() + "=" + e.getValue().asText())));
        ourSpec.path("Labels").fields().forEachRemaining(e -> cmd.addAll(List.of("--label-add",
                e.getKey() + "=" + e.getValue().asText())));
        cmd.add(app);
        return cmd;
    }

    private static void awaitGone(String uri, String app) throws Exception {
        for (int i = 0; i < 150; i++) {
            if (docker(uri, "ps", "-aq", "--filter", "label=io.jenkins.containerrollout.app=" + app).isBlank()) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("containers of " + app + " did not go away");
    }

    /** Builds the busybox app image on the shared engine and pushes it; returns its digest reference. */
    private static String pushedApp(String tag, String version) throws Exception {
        Path dir = Files.createTempDirectory("swarm-bench");
        Files.createDirectories(dir.resolve("www/cgi-bin"));
        Files.copy(Path.of("/bin/busybox"), dir.resolve("busybox"));
        Files.writeString(dir.resolve("www/version"), version + "\n");
        Path health = dir.resolve("www/cgi-bin/health");
        Files.writeString(health, "#!/bin/sh\nprintf 'Content-Type: text/plain\\r\\n\\r\\nok\\n'\n");
        Files.setPosixFilePermissions(health, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(dir.resolve("Dockerfile"), String.join("\n", "FROM scratch", "COPY busybox /bin/busybox",
                "RUN [\"/bin/busybox\", \"--install\", \"-s\", \"/bin\"]", "COPY www /www",
                "ENTRYPOINT [\"/bin/sh\", \"-c\", \"exec httpd -f -p 127.0.0.1:${PORT:-18080} -h /www\"]", ""));
        docker(null, "build", "-q", "-t", tag, dir.toString());
        docker(null, "push", "-q", tag);
        new ProcessBuilder("rm", "-rf", dir.toString()).start().waitFor();
        return tag;
    }

    /** Runs the docker CLI ({@code -H uri} when given); fails on a non-zero exit except for {@code rm}/{@code rmi}. */
    private static String docker(String uri, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("docker"));
        if (uri != null) {
            cmd.addAll(List.of("-H", uri));
        }
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("DOCKER_BUILDKIT", "0");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException("timed out: " + cmd);
        }
        if (p.exitValue() != 0 && !args[0].startsWith("rm")) {
            throw new IllegalStateException(cmd + " exited " + p.exitValue() + ": " + out);
        }
        return out;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.get(sorted.size() / 2);
    }
}
