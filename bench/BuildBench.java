import io.jenkins.plugins.containerrollout.core.ProgressSink;
import io.jenkins.plugins.containerrollout.core.build.BuildRequest;
import io.jenkins.plugins.containerrollout.core.build.BuildResult;
import io.jenkins.plugins.containerrollout.core.build.ImageBuilder;
import io.jenkins.plugins.containerrollout.core.engine.DockerHost;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * containerBuild against the docker CLI on the same contexts and the same engine, runs interleaved.
 * Three ways per run: our core's build call in this (warm) JVM, the docker CLI ({@code DOCKER_BUILDKIT=0}), and our
 * CLI as a fresh process (which adds JVM start). Prints a Markdown table on stdout.
 *
 * <p>Usage: {@code java -cp target/container-rollout-cli.jar bench/BuildBench.java [runs]} (bench/run does this)
 */
public class BuildBench {
    /** The CLI process's heap limit, well below the largest context. */
    static final int CLI_HEAP_MB = 16;
    private static final Pattern SENT = Pattern.compile("Sending build context to Docker daemon\\s+([0-9.]+)([kMG]?B)");

    record Scenario(String name, Path context, boolean noCache) { }

    record Sample(long millis, long contextBytes, long peakHeapBytes) { }

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
        table.append("| scenario | docker CLI median | core in-process median | ratio | CLI process (-Xmx" + CLI_HEAP_MB
                + "m) median | ratio | context bytes (docker / ours) | peak heap in-process |\n");
        table.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Scenario s : scenarios) {
            List<Sample> docker = new ArrayList<>();
            List<Sample> core = new ArrayList<>();
            List<Sample> cli = new ArrayList<>();
            // The heap is sampled in a run of its own, untimed (it also warms this scenario's code paths): a sampler
            // thread polling every 2 ms takes CPU from the engine on a small machine, so it stays out of timed runs.
            long peakHeap = inProcess(builder, host, s, "bench-heap:" + Math.abs(s.name().hashCode()), true)
                    .peakHeapBytes();
            for (int r = 0; r < runs; r++) {
                String tag = "bench-" + s.name().hashCode() + ":" + r;
                core.add(inProcess(builder, host, s, tag + "c", false));
                docker.add(dockerCli(s, tag + "d"));
                cli.add(cliProcess(cliJar, s, tag + "p"));
                System.err.printf("%s run %d: docker %d ms, core %d ms, cli %d ms%n", s.name(), r + 1,
                        docker.get(r).millis(), core.get(r).millis(), cli.get(r).millis());
            }
            long d = median(docker), c = median(core), p = median(cli);
            table.append(String.format("| %s | %d ms | %d ms | %.2f× | %d ms | %.2f× | %s / %s | %s |%n", s.name(), d, c,
                    (double) c / d, p, (double) p / d, human(docker.get(0).contextBytes()), human(core.get(0).contextBytes()),
                    human(peakHeap)));
        }
        System.out.print(table);
        cleanup(root);
    }

    private static BuildRequest request(DockerHost host, Scenario s, String tag) {
        return new BuildRequest(host, s.context().toString(), null, List.of(tag), Map.of(), null, Map.of(),
                s.noCache(), false, false, null, null, Duration.ofMinutes(10));
    }

    private static Sample inProcess(ImageBuilder builder, DockerHost host, Scenario s, String tag, boolean sampleHeap)
            throws Exception {
        System.gc();
        long base = usedHeap();
        // Sampled rather than read from pool peaks: G1's eden peak is not reliable after a reset.
        java.util.concurrent.atomic.AtomicLong peak = new java.util.concurrent.atomic.AtomicLong(base);
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(usedHeap(), Math::max);
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        sampler.setDaemon(true);
        if (sampleHeap) {
            sampler.start();
        }
        long t0 = System.nanoTime();
        BuildResult result = builder.build(request(host, s, tag), ProgressSink.NONE);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        sampler.interrupt();
        if (sampleHeap) {
            sampler.join();
        }
        removeImage(tag);
        lastLabels = result.labels();
        return new Sample(millis, result.contextBytes(), Math.max(peak.get() - base, 0));
    }

    /** Labels our build added last time (the OCI ones): the docker CLI gets the same, so both do the same steps. */
    private static Map<String, String> lastLabels = Map.of();

    private static long usedHeap() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getUsage().getUsed()).sum();
    }

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
        return new Sample(millis, bytes, 0);
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
        return new Sample(millis, 0, 0);
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

    private static long median(List<Sample> samples) {
        long[] v = samples.stream().mapToLong(Sample::millis).sorted().toArray();
        return v[v.length / 2];
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
