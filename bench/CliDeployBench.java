import io.jenkins.plugins.containerrollout.testing.Spread;
import io.jenkins.plugins.containerrollout.testing.TestBed;
import io.jenkins.plugins.containerrollout.testing.TestImages;
import io.jenkins.plugins.containerrollout.testing.TimedProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A rolling update through the CLI, process start included: {@code bin/container-rollout deploy} as it runs a
 * rollout (the JVM's default compilers) against the same call with the C1 compiler alone
 * ({@code CONTAINER_ROLLOUT_JAVA_OPTS=-XX:TieredStopAtLevel=1}, what the launcher gives the read-only commands). The
 * question it answers: whether the CPU C2 spends compiling a fresh process's code, on a small machine whose engine
 * needs that CPU for its starts and kills, makes a CLI rollout slower. Per run and side: the app deployed at its first
 * image (untimed), the update to the second timed, the app removed; the order of the sides alternates from run to
 * run. Prints a Markdown table: fewest / median / most milliseconds, the median of the per-run ratios, and "within
 * noise" where the two ranges overlap.
 *
 * <p>Usage: {@code java -cp target/container-rollout-cli.jar:target/test-classes bench/CliDeployBench.java [runs]}
 * (bench/run cli-deploy does this)
 */
public class CliDeployBench {
    private static final int REPLICAS = 10;
    /**
     * The loopback ports this benchmark uses: 35600-35613, inside DeployBench's 35500-35799 where that one uses none
     * (its app takes 35500-35513, its floor 35700-35719); bench/run runs one benchmark at a time.
     */
    private static final int PORT_BASE = 35600;

    record Side(String name, Map<String, String> env) {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Path root = Files.createTempDirectory("clideploybench");
        String tag = "clideploybench-" + ProcessHandle.current().pid();
        List<String> images = List.of(TestImages.app(root.resolve("1"), tag + ":1", "1", true),
                TestImages.app(root.resolve("2"), tag + ":2", "2", true));
        String launcher = Path.of("bin/container-rollout").toAbsolutePath().toString();
        Map<String, String> base = Map.of("XDG_CACHE_HOME", root.resolve("cache").toString(), "JAVA_HOME",
                System.getProperty("java.home"));
        List<Side> sides = List.of(new Side("the same with the C1 compiler alone (`-XX:TieredStopAtLevel=1`)",
                with(base, "CONTAINER_ROLLOUT_JAVA_OPTS", "-XX:TieredStopAtLevel=1")),
                new Side("`bin/container-rollout deploy` (the JVM's default compilers)", base));
        List<List<Long>> samples = List.of(new ArrayList<>(), new ArrayList<>());
        try {
            for (Side side : sides) {
                update(launcher, side, tag, images); // untimed: the launcher's first deploy makes its archive
            }
            for (int r = 0; r < runs; r++) {
                for (int k = 0; k < sides.size(); k++) {
                    int s = (k + r) % sides.size();
                    samples.get(s).add(update(launcher, sides.get(s), tag, images));
                }
                System.err.printf("run %d: %s %d ms, %s %d ms%n", r + 1, sides.get(0).name(), samples.get(0).get(r),
                        sides.get(1).name(), samples.get(1).get(r));
            }
        } finally {
            TestBed.removeApp(tag);
            images.forEach(image -> TestBed.dockerResult("rmi", "-f", image));
        }
        Spread c1 = Spread.of(samples.get(0)), defaults = Spread.of(samples.get(1));
        System.out.printf(Locale.ROOT, "Rolling update of %d replicas (maxSurge 2, maxUnavailable 0, stop timeout 0) "
                + "through the CLI, the process's start to its exit; %d runs, the order of the two sides alternating.%n%n"
                + "| CLI deploy | fewest / median / most | ratio | difference |%n|---|---:|---:|---|%n"
                + "| %s | %s | 1.00x | |%n| %s | %s | %.2fx | %s |%n", REPLICAS, runs, sides.get(1).name(),
                defaults.cell(), sides.get(0).name(), c1.cell(), Spread.medianRatio(samples.get(0), samples.get(1), 1),
                c1.against(defaults));
    }

    /** Deploys the first image (untimed), times the update to the second, removes the app. */
    private static long update(String launcher, Side side, String app, List<String> images) throws Exception {
        try {
            TimedProcess.millis(side.env(), deploy(launcher, app, images.get(0)));
            return TimedProcess.millis(side.env(), deploy(launcher, app, images.get(1)));
        } finally {
            TestBed.removeApp(app);
        }
    }

    private static List<String> deploy(String launcher, String app, String image) {
        return List.of(launcher, "deploy", "--app", app, "--image", image, "--replicas", String.valueOf(REPLICAS),
                "--port-base", String.valueOf(PORT_BASE), "--max-surge", "2", "--max-unavailable", "0",
                "--stop-timeout", "0", "--health-path", "/cgi-bin/health");
    }

    private static Map<String, String> with(Map<String, String> env, String key, String value) {
        Map<String, String> more = new HashMap<>(env);
        more.put(key, value);
        return more;
    }
}
