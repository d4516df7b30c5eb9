import io.jenkins.plugins.containerrollout.core.ProgressSink;
import io.jenkins.plugins.containerrollout.core.engine.DockerHost;
import io.jenkins.plugins.containerrollout.core.image.BuildRequest;
import io.jenkins.plugins.containerrollout.core.image.BuildResult;
import io.jenkins.plugins.containerrollout.core.image.ImageBuilder;
import io.jenkins.plugins.containerrollout.testing.Spread;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * containerBuild against the docker CLI on the same contexts and the same engine, runs interleaved.
 * Three ways per run: our core's build call in this (warm) JVM, the docker CLI ({@code DOCKER_BUILDKIT=0}), and our
 * CLI as a fresh process (which adds JVM start). The order of the three rotates from run to run, so that neither side
 * always builds on the cache state or the load the other left. Prints a Markdown table on stdout: fewest / median /
 * most milliseconds per side, the ratio of the medians, and "within noise" when the ranges overlap ({@link Spread}).
 * Memory is not sampled here (a heap sampler reads G1 regions in 2 MiB steps and takes CPU from the engine); the CLI
 * process runs with a {@value #CLI_HEAP_MB} MB heap, which the 100 MB context can only get through streamed.
 *
 * <p>Usage: {@code java -cp target/container-rollout-cli.jar:target/test-classes bench/BuildBench.java [runs]}
 * (bench/run does this)
 */
public class BuildBench {
    /** The CLI process's heap limit, well below the largest context. */
    static final int CLI_HEAP_MB = 16;
    private static final Pattern SENT = Pattern.compile("Sending build context to Docker daemon\\s+([0-9.]+)([kMG]?B)");

    record Scenario(String name, Path context, boolean noCache) { }

    record Sample(long millis, long contextBytes) { }

    /** One of the three ways to build, run under a tag of its own. */
    @FunctionalInterface
    interface Side {
        Sample build(String tag) throws Exception;
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Path root = Files.createTempDirectory("buildbench");
        Path cliJar = Path.of("target/container-rollout-cli.jar").toAbsolutePath();
        List<Scenario> scenarios = List.of(
                new Scenario("small app", smallApp(root.resolve("small")), true),
                new Scenario("200 MB context, .dockerignore keeps ~1 MB", ignoredContext(root.resolve("ignored")), true),
                new Scenario("100 MB context sent whole", wholeContext(root.resolve("whole")), true),
                new Scenario("warm-cache rebuild (small app)", root.resolve("small"), false));
        DockerHost host = DockerHost.resolve(null, System.getenv());
        ImageBuilder builder = new ImageBuilder(host);
        // Warm the JVM the way a long-running Jenkins agent is warm.
        for (int i = 0; i < 2; i++) {
            removeImage(builder.build(request(host, scenarios.get(0), "bench-warmup:" + i), ProgressSink.NONE).tags().get(0));
        }
        StringBuilder table = new StringBuilder();
        table.append("| scenario | docker CLI (ms) | core in-process (ms) | ratio | in-process vs docker | CLI process (-Xmx"
                + CLI_HEAP_MB + "m) (ms) | ratio | context bytes (docker / ours) |\n");
        table.append("|---|---:|---:|---:|---|---:|---:|---:|\n");
        for (Scenario s : scenarios) {
            // an untimed build first: this scenario's code paths warm, and the warm-cache scenario's cache filled
            inProcess(builder, host, s, "bench-warm:" + Math.abs(s.name().hashCode()));
            List<String> names = List.of("docker", "core", "cli");
            List<Side> sides = List.of(tag -> dockerCli(s, tag), tag -> inProcess(builder, host, s, tag),
                    tag -> cliProcess(cliJar, s, tag));
            Map<String, List<Sample>> samples = new LinkedHashMap<>();
            names.forEach(n -> samples.put(n, new ArrayList<>()));
            for (int r = 0; r < runs; r++) {
                StringBuilder line = new StringBuilder(s.name() + " run " + (r + 1) + ":");
                for (int k = 0; k < sides.size(); k++) {
                    int side = (k + r) % sides.size(); // run 1: docker, core, cli; run 2: core, cli, docker; ...
                    Sample sample = sides.get(side).build("bench-" + Math.abs(s.name().hashCode()) + ":" + r + names.get(side));
                    samples.get(names.get(side)).add(sample);
                    line.append(' ').append(names.get(side)).append(' ').append(sample.millis()).append(" ms");
                }
                System.err.println(line);
            }
            Spread d = spread(samples.get("docker")), c = spread(samples.get("core")), p = spread(samples.get("cli"));
            table.append(String.format(Locale.ROOT, "| %s | %s | %s | %.2f× | %s | %s | %.2f× | %s / %s |%n", s.name(),
                    d.cell(), c.cell(), (double) c.median() / d.median(), c.against(d), p.cell(),
                    (double) p.median() / d.median(), human(samples.get("docker").get(0).contextBytes()),
                    human(samples.get("core").get(0).contextBytes())));
        }
        System.out.print(table);
        cleanup(root);
    }

    private static BuildRequest request(DockerHost host, Scenario s, String tag) {
        return new BuildRequest(host, s.context().toString(), null, List.of(tag), Map.of(), null, Map.of(),
                s.noCache(), false, false, null, null, Duration.ofMinutes(10));
    }

    private static Sample inProcess(ImageBuilder builder, DockerHost host, Scenario s, String tag) throws Exception {
        long t0 = System.nanoTime();
        BuildResult result = builder.build(request(host, s, tag), ProgressSink.NONE);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        removeImage(tag);
        lastLabels = result.labels();
        return new Sample(millis, result.contextBytes());
    }

    /** Labels our build added last time (the OCI ones): the docker CLI gets the same, so both do the same steps. */
    private static Map<String, String> lastLabels = Map.of();

    private static Sample dockerCli(Scenario s, String tag) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("docker", "build", "-t", tag));
        // the OCI labels our build adds, with a fresh creation time as ours has: the same LABEL steps on both sides
        lastLabels.forEach((k, v) -> cmd.addAll(List.of("--label",
                k + "=" + (k.endsWith(".created") ? java.time.Instant.now().toString() : v))));
        if (s.noCache()) {
            cmd.add("--no-cache");
        }
        cmd.add(".");
        long t0 = System.nanoTime();
        String out = run(cmd, s.context());
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        removeImage(tag);
        Matcher m = SENT.matcher(out);
        long bytes = m.find() ? parseSize(m.group(1), m.group(2)) : -1;
        return new Sample(millis, bytes);
    }

    private static Sample cliProcess(Path jar, Scenario s, String tag) throws Exception {
        // a 16 MB heap: the 100 MB context can only get through it streamed, never buffered whole
        List<String> cmd = new ArrayList<>(List.of("java", "-Xmx" + CLI_HEAP_MB + "m", "-jar", jar.toString(), "build",
                "--context", ".", "--tag", tag));
        if (s.noCache()) {
            cmd.add("--no-cache");
        }
        long t0 = System.nanoTime();
        run(cmd, s.context());
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        removeImage(tag);
        return new Sample(millis, 0);
    }

    private static String run(List<String> cmd, Path dir) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().put("DOCKER_BUILDKIT", "0");
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException(cmd + " failed:\n" + new String(out, StandardCharsets.UTF_8));
        }
        return new String(out, StandardCharsets.UTF_8);
    }

    private static void removeImage(String tag) throws IOException, InterruptedException {
        new ProcessBuilder("docker", "rmi", "-f", tag).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(1, TimeUnit.MINUTES);
    }

    private static Path smallApp(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("www"));
        Files.copy(Path.of("/bin/busybox"), dir.resolve("busybox"));
        Files.writeString(dir.resolve("www/index.html"), "hello\n");
        Files.writeString(dir.resolve("Dockerfile"), "FROM scratch\nCOPY busybox /bin/busybox\nCOPY www /www\n"
                + "ENTRYPOINT [\"/bin/busybox\", \"httpd\", \"-f\", \"-p\", \"127.0.0.1:18080\", \"-h\", \"/www\"]\n");
        return dir;
    }

    private static Path ignoredContext(Path dir) throws IOException {
        smallApp(dir);
        randomFiles(dir.resolve("node_modules"), 200, 1 << 20);
        Files.writeString(dir.resolve(".dockerignore"), "node_modules\n");
        return dir;
    }

    private static Path wholeContext(Path dir) throws IOException {
        smallApp(dir);
        randomFiles(dir.resolve("assets"), 100, 1 << 20);
        Files.writeString(dir.resolve("Dockerfile"), "FROM scratch\nCOPY . /ctx/\n");
        return dir;
    }

    private static void randomFiles(Path dir, int count, int size) throws IOException {
        Files.createDirectories(dir);
        Random random = new Random(42);
        byte[] buf = new byte[size];
        for (int i = 0; i < count; i++) {
            random.nextBytes(buf);
            try (OutputStream out = Files.newOutputStream(dir.resolve("blob-" + i + ".bin"))) {
                out.write(buf);
            }
        }
    }

    private static Spread spread(List<Sample> samples) {
        return Spread.of(samples.stream().map(Sample::millis).toList());
    }

    private static long parseSize(String number, String unit) {
        double n = Double.parseDouble(number);
        // The docker CLI prints decimal units (go-units HumanSize: kB = 1000 B).
        Map<String, Double> units = new LinkedHashMap<>(Map.of("B", 1.0, "kB", 1e3, "MB", 1e6, "GB", 1e9));
        return Math.round(n * units.getOrDefault(unit, 1.0));
    }

    private static String human(long bytes) {
        if (bytes < 0) {
            return "n/a";
        }
        return bytes >= 1_000_000 ? String.format("%.1f MB", bytes / 1e6) : String.format("%.1f kB", bytes / 1e3);
    }

    private static void cleanup(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> p.toFile().delete());
        }
    }

}
