import io.jenkins.plugins.containerrollout.testing.Spread;
import io.jenkins.plugins.containerrollout.testing.TestBed;
import io.jenkins.plugins.containerrollout.testing.TestImages;
import io.jenkins.plugins.containerrollout.testing.TimedProcess;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import javax.tools.ToolProvider;

/**
 * How long a CLI call takes from the shell, process start included, side by side in one run: a hello-world JVM (the
 * floor of any Java CLI on this machine), {@code docker ps} (the native tool), and {@code --help} and
 * {@code status --app X} of our CLI, each once as {@code java -jar target/container-rollout-cli.jar} and once through
 * {@code bin/container-rollout} (its AppCDS archive made by an untimed first call into a fresh cache directory); and a
 * build of a 100 MB context (sent whole, no cache) by {@code docker build} and by our CLI both ways. The order of the
 * sides rotates from run to run. Prints two Markdown tables on stdout: fewest / median / most milliseconds, the ratio
 * of the medians to the hello-world JVM (to {@code docker build} for the builds), and the goals (#17) met or not.
 *
 * <p>Usage: {@code java -cp target/container-rollout-cli.jar:target/test-classes bench/CliStartBench.java [runs]}
 * (bench/run cli does this)
 */
public class CliStartBench {
    /** The goals of #17: a side's median at most this many hello-world JVM medians. */
    private static final Map<String, Double> GOALS = Map.of("bin/container-rollout --help", 2.0,
            "bin/container-rollout status --app X", 4.0);

    /** A command to time; {@code image} is one it builds, removed after each run (untimed), or null. */
    record Side(String name, List<String> command, String image) {
        Side(String name, List<String> command) {
            this(name, command, null);
        }
    }

    /** The build sides: the 100 MB context sent whole, no cache, as the build section's largest scenario. */
    private static final String DOCKER_BUILD = "docker build";

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Path root = Files.createTempDirectory("clistartbench");
        Path jar = Path.of("target/container-rollout-cli.jar").toAbsolutePath();
        String launcher = Path.of("bin/container-rollout").toAbsolutePath().toString();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path hello = hello(root.resolve("hello"));
        String app = "clistartbench-" + ProcessHandle.current().pid();
        String image = TestImages.app(root.resolve("image"), app + ":1", "1.0", true);
        Path context = wholeContext(root.resolve("context"));
        Map<String, String> env = Map.of("XDG_CACHE_HOME", root.resolve("cache").toString(), "JAVA_HOME",
                System.getProperty("java.home"));
        try {
            TimedProcess.millis(env, List.of(java, "-jar", jar.toString(), "deploy", "--app", app, "--image", image,
                    "--port-base", String.valueOf(freePort()), "--health-path", "/cgi-bin/health"));
            List<Side> sides = List.of(
                    new Side("hello-world JVM", List.of(java, "-cp", hello.toString(), "Hello")),
                    new Side("docker ps", List.of("docker", "ps")),
                    new Side("java -jar … --help", List.of(java, "-jar", jar.toString(), "--help")),
                    new Side("bin/container-rollout --help", List.of(launcher, "--help")),
                    new Side("java -jar … status --app X", List.of(java, "-jar", jar.toString(), "status", "--app", app)),
                    new Side("bin/container-rollout status --app X", List.of(launcher, "status", "--app", app)),
                    // the OCI label our build adds to an image of a context outside Git: the same LABEL step both sides
                    new Side(DOCKER_BUILD, List.of("docker", "build", "--no-cache", "--label",
                            "org.opencontainers.image.created=" + Instant.now().truncatedTo(ChronoUnit.SECONDS), "-t",
                            app + "-docker:b", context.toString()), app + "-docker:b"),
                    new Side("java -jar … build", List.of(java, "-jar", jar.toString(), "build", "--no-cache", "--context",
                            context.toString(), "--tag", app + "-jar:b"), app + "-jar:b"),
                    new Side("bin/container-rollout build", List.of(launcher, "build", "--no-cache", "--context",
                            context.toString(), "--tag", app + "-launcher:b"), app + "-launcher:b"));
            // untimed: the page cache warm for every side, and the launcher's first call makes its archive
            for (Side side : sides) {
                timed(env, side);
            }
            Map<String, List<Long>> samples = new LinkedHashMap<>();
            sides.forEach(s -> samples.put(s.name(), new ArrayList<>()));
            for (int r = 0; r < runs; r++) {
                StringBuilder line = new StringBuilder("run " + (r + 1) + ":");
                for (int k = 0; k < sides.size(); k++) {
                    Side side = sides.get((k + r) % sides.size());
                    long millis = timed(env, side);
                    samples.get(side.name()).add(millis);
                    line.append(" | ").append(side.name()).append(' ').append(millis).append(" ms");
                }
                System.err.println(line);
            }
            System.out.print(table(samples));
            System.out.println();
            System.out.print(buildTable(samples));
        } finally {
            TestBed.removeApp(app);
            TestBed.dockerResult("rmi", "-f", image);
            delete(root);
        }
    }

    /** One row per command; the launcher's rows also say how they compare with the same command as java -jar. */
    private static String table(Map<String, List<Long>> samples) {
        Spread floor = Spread.of(samples.get("hello-world JVM"));
        StringBuilder table = new StringBuilder("| command | fewest / median / most | × hello-world JVM | vs `java -jar` |"
                + " goal |\n|---|---:|---:|---|---|\n");
        samples.forEach((name, times) -> {
            if (name.endsWith("build")) {
                return;
            }
            Spread s = Spread.of(times);
            Double goal = GOALS.get(name);
            String verdict = goal == null ? "" : String.format(Locale.ROOT, "≤ %.0f×: %s", goal,
                    s.median() <= goal * floor.median() ? "**met**" : "**not met**");
            List<Long> jar = samples.get(name.replace("bin/container-rollout", "java -jar …"));
            String versusJar = name.startsWith("bin/") ? s.against(Spread.of(jar)) : "";
            table.append(String.format(Locale.ROOT, "| `%s` | %s | %.1f× | %s | %s |%n", name, s.cell(),
                    (double) s.median() / floor.median(), versusJar, verdict));
        });
        return table.toString();
    }

    /** The builds against docker build (#17: ≤ 1.25× with the process start). */
    private static String buildTable(Map<String, List<Long>> samples) {
        Spread docker = Spread.of(samples.get(DOCKER_BUILD));
        StringBuilder table = new StringBuilder("| 100 MB context, no cache | fewest / median / most | × docker build |"
                + " vs docker build | goal |\n|---|---:|---:|---|---|\n");
        samples.forEach((name, times) -> {
            if (!name.endsWith("build")) {
                return;
            }
            Spread s = Spread.of(times);
            double ratio = (double) s.median() / docker.median();
            String goal = name.startsWith("bin/") ? "≤ 1.25×: " + (ratio <= 1.25 ? "**met**" : "**not met**") : "";
            table.append(String.format(Locale.ROOT, "| `%s` | %s | %.2f× | %s | %s |%n", name, s.cell(), ratio,
                    name.equals(DOCKER_BUILD) ? "" : s.against(docker), goal));
        });
        return table.toString();
    }

    /** Runs a side, then removes the image it built (untimed). */
    private static long timed(Map<String, String> env, Side side) throws IOException, InterruptedException {
        long millis = TimedProcess.millis(env, side.command());
        if (side.image() != null) {
            TestBed.dockerResult("rmi", "-f", side.image());
        }
        return millis;
    }

    /** Busybox and 100 files of 1 MB of random bytes, all copied into the image. */
    private static Path wholeContext(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("assets"));
        Files.copy(TestImages.BUSYBOX, dir.resolve("busybox"));
        Random random = new Random(42);
        byte[] block = new byte[1 << 20];
        for (int i = 0; i < 100; i++) {
            random.nextBytes(block);
            Files.write(dir.resolve("assets/blob-" + i + ".bin"), block);
        }
        Files.writeString(dir.resolve("Dockerfile"), "FROM scratch\nCOPY . /ctx/\n");
        return dir;
    }

    /** A class that prints one line: what every JVM process pays before any CLI code runs. */
    private static Path hello(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path source = dir.resolve("Hello.java");
        Files.writeString(source, "public class Hello { public static void main(String[] a) { System.out.println(\"hello\"); } }\n");
        if (ToolProvider.getSystemJavaCompiler().run(null, null, null, source.toString()) != 0) {
            throw new IllegalStateException("javac failed on " + source);
        }
        return dir;
    }

    /** Runs {@code command} to its end, output discarded, and returns its wall time; it must succeed. */
    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void delete(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> p.toFile().delete());
        }
    }
}
