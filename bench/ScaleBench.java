import com.github.dockerjava.api.DockerClient;
import io.jenkins.plugins.containerrollout.core.deploy.DeployRequest;
import io.jenkins.plugins.containerrollout.core.deploy.ReplicaSpec;
import io.jenkins.plugins.containerrollout.core.deploy.RolloutStrategy;
import io.jenkins.plugins.containerrollout.core.deploy.docker.DockerDeployer;
import io.jenkins.plugins.containerrollout.core.engine.DockerClientFactory;
import io.jenkins.plugins.containerrollout.core.engine.DockerHost;
import io.jenkins.plugins.containerrollout.core.health.ProbeSettings;
import io.jenkins.plugins.containerrollout.testing.EngineFloor;
import io.jenkins.plugins.containerrollout.testing.HeapPeak;
import io.jenkins.plugins.containerrollout.testing.Loopback;
import io.jenkins.plugins.containerrollout.testing.Spread;
import io.jenkins.plugins.containerrollout.testing.TestBed;
import io.jenkins.plugins.containerrollout.testing.TestImages;
import io.jenkins.plugins.containerrollout.testing.TimedUpdate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;

/**
 * How containerDeploy's rolling update grows with the replica count (#17: per-replica cost at 50 replicas within 1.2x
 * of that at 10), and the heap it takes at 50 (#17: under 64 MB). At 10, 25 and 50 replicas, maxSurge 25% /
 * maxUnavailable 0, our update through {@link DockerDeployer} in-process is compared with the engine's replacement
 * floor at the same size: ceil(replicas / surge) x one bare batch of {@code surge} starts while as many replicas are
 * killed ({@link EngineFloor}). Showing the floor's own growth beside ours tells whether a growth is ours or the
 * engine's. Every measurement runs once per run, in an order that rotates from run to run, as in DeployBench.
 *
 * <p>Memory: run under {@code -Xmx64m} (bench/run does); the peak heap of each size's deploy and update is the sum of
 * the heap pools' peaks after a collection and a reset ({@link HeapPeak}). An {@link OutOfMemoryError} is reported in
 * the table, not lost.
 *
 * <p>Usage: {@code java -Xmx64m -cp target/container-rollout-cli.jar:target/test-classes bench/ScaleBench.java [runs]}
 */
public class ScaleBench {
    private static final int[] SIZES = {10, 25, 50};
    private static final int HEAP_CAP_MB = 64;
    private static final double GROWTH_LIMIT = 1.20;
    /** The loopback ports this benchmark may use: DeployBench takes 35500-35799, the rest of 35000-36999 is tests'. */
    private static final int APP_PORTS_FROM = 35800, APP_PORTS_TO = 35899, FLOOR_PORTS_FROM = 35900,
            FLOOR_PORTS_TO = 35999;
    private static final RolloutStrategy ROLLING = RolloutStrategy.rolling("25%", "0");
    private static final ProbeSettings PROBE = new ProbeSettings("/cgi-bin/health", Duration.ofMillis(100),
            Duration.ofSeconds(2), 1, 3, Duration.ofSeconds(30));
    /** Where an OutOfMemoryError happened first, in whichever thread: null while none did. */
    private static final AtomicReference<String> RAN_OUT = new AtomicReference<>();

    /** One timed measurement of a run. */
    @FunctionalInterface
    interface Measurement {
        void run(int run) throws Exception;
    }

    /** One replica count: its surge, its samples (one per run) and the largest heap peak of its deploys. */
    static final class Size {
        final int replicas, surge, batches;
        final List<Long> ours = new ArrayList<>(), batch = new ArrayList<>();
        long peakHeap;

        Size(int replicas) {
            this.replicas = replicas;
            this.surge = ROLLING.surge(replicas);
            this.batches = (int) Math.ceil(replicas / (double) surge);
        }

        boolean complete() {
            return !ours.isEmpty() && ours.size() == batch.size();
        }
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
            if (e instanceof OutOfMemoryError) {
                RAN_OUT.compareAndSet(null, "thread " + thread.getName());
            }
            e.printStackTrace();
        });
        String tag = "scalebench-" + ProcessHandle.current().pid();
        Path root = Files.createTempDirectory("scalebench");
        String v1 = TestImages.app(root.resolve("1"), tag + ":1", "1", true);
        String v2 = TestImages.app(root.resolve("2"), tag + ":2", "2", true);
        DockerHost host = DockerHost.resolve(null, System.getenv());
        DockerClient docker = DockerClientFactory.DEFAULT.create(host);
        EngineFloor engine = new EngineFloor(docker, PROBE);
        List<Size> sizes = new ArrayList<>();
        List<Measurement> measurements = new ArrayList<>();
        try (DockerDeployer deployer = new DockerDeployer(host)) {
            for (int n : SIZES) {
                Size size = new Size(n);
                sizes.add(size);
                measurements.add(run -> ours(deployer, request(host, tag + "-" + n, v1, n), v2, size, run));
                measurements.add(run -> size.batch.add(engine.replacementBatch(v1, v2, tag + "-batch" + n, size.surge,
                        Loopback.freeBase(tag + "-batch", FLOOR_PORTS_FROM, FLOOR_PORTS_TO, 2 * size.surge))));
            }
            // warm the JVM as a long-running agent is warm
            TimedUpdate.millis(deployer, request(host, tag + "-warm", v1, SIZES[0]), v2);
            for (int r = 0; r < runs; r++) {
                for (int k = 0; k < measurements.size(); k++) {
                    measurements.get((k + r) % measurements.size()).run(r); // run 2 starts where run 1 did second
                }
                StringBuilder line = new StringBuilder("run " + (r + 1) + ":");
                for (Size s : sizes) {
                    line.append(String.format(Locale.ROOT, " %d replicas ours %s ms, batch of %d %d ms;", s.replicas,
                            s.ours.size() > r ? s.ours.get(r) : "-", s.surge, s.batch.get(r)));
                }
                System.err.println(line);
            }
        } finally {
            DockerClientFactory.closeQuietly(docker);
            TestBed.dockerResult("rmi", "-f", v1);
            TestBed.dockerResult("rmi", "-f", v2);
        }
        System.out.print(ScaleTable.of(runs, sizes, RAN_OUT.get()));
    }

    /** Our update at one size, with the heap peak of its deploy and update; an OutOfMemoryError ends that size. */
    private static void ours(DockerDeployer deployer, DeployRequest first, String next, Size size, int run)
            throws InterruptedException {
        if (size.ours.size() < run) {
            return; // ran out of memory in an earlier run
        }
        try {
            HeapPeak.reset();
            size.ours.add(TimedUpdate.millis(deployer, first, next));
            size.peakHeap = Math.max(size.peakHeap, HeapPeak.bytes());
        } catch (OutOfMemoryError e) {
            RAN_OUT.compareAndSet(null, size.replicas + " replicas, run " + (run + 1));
            System.err.println("OutOfMemoryError at " + size.replicas + " replicas, run " + (run + 1) + ": " + e);
        }
    }

    private static DeployRequest request(DockerHost host, String app, String image, int replicas) {
        int base = Loopback.freeBase(app, APP_PORTS_FROM, APP_PORTS_TO, ROLLING.ports(replicas));
        return new DeployRequest(host, app, ReplicaSpec.of(image).withStopTimeoutSeconds(0), replicas, base, ROLLING,
                PROBE, 10, null, null);
    }

    /** The Markdown the benchmark prints. */
    static final class ScaleTable {
        static String of(int runs, List<Size> sizes, String ranOut) {
            StringBuilder t = new StringBuilder(String.format(Locale.ROOT, "Rolling update, maxSurge 25%% / "
                    + "maxUnavailable 0, probe every %d ms, stop timeout 0, through DockerDeployer in-process; %d runs, "
                    + "each measurement once per run, their order rotating from run to run. Times are fewest / median / "
                    + "most of the runs; ratios are the median of the per-run ratios; \"within noise\" where the two "
                    + "ranges overlap.%n%n", PROBE.interval().toMillis(), runs));
            t.append("| replicas | surge | our rolling update | one bare batch (surge starts while surge replicas are "
                    + "killed, until ready) | replacement floor ceil(replicas/surge) x one batch | ratio | difference "
                    + "| ours per replica | floor per replica | peak heap of the deploy and update |\n"
                    + "|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|\n");
            for (Size s : sizes) {
                Spread batch = Spread.of(s.batch), floor = batch.times(s.batches);
                if (!s.complete()) {
                    t.append(String.format(Locale.ROOT, "| %d | %d | OutOfMemoryError | %s | %s | | | | %.1f ms | |%n",
                            s.replicas, s.surge, batch.cell(), floor.cell(), floor.median() / (double) s.replicas));
                    continue;
                }
                Spread ours = Spread.of(s.ours);
                t.append(String.format(Locale.ROOT, "| %d | %d | %s | %s | %s | %.2fx | %s | %.1f ms | %.1f ms "
                        + "| %s |%n", s.replicas, s.surge, ours.cell(), batch.cell(), floor.cell(),
                        Spread.medianRatio(s.ours, s.batch, s.batches), ours.against(floor),
                        ours.median() / (double) s.replicas, floor.median() / (double) s.replicas,
                        HeapPeak.mb(s.peakHeap)));
            }
            growth(t, sizes);
            Size largest = sizes.get(sizes.size() - 1);
            t.append(String.format(Locale.ROOT, "%n| memory | peak heap | heap limit | under %d MB |%n"
                    + "|---|---:|---:|---|%n| deploy and update of %d replicas, the largest peak of the runs | %s | %s | %s |%n", HEAP_CAP_MB,
                    largest.replicas, largest.complete() ? HeapPeak.mb(largest.peakHeap) : "-",
                    HeapPeak.mb(HeapPeak.limit()), HeapPeak.under(HEAP_CAP_MB, ranOut != null)
                            + (ranOut == null ? "" : ": " + ranOut)));
            t.append(String.format(Locale.ROOT, "%nThe floor at each size is what the bare engine API allows for the "
                    + "same batches: ceil(replicas / surge) batches, each of surge containers created beforehand and "
                    + "started while as many running replicas are killed, polled at the probe interval until they "
                    + "answer; no records, no lock, no router. The growth rows compare the per-replica cost at each size "
                    + "with that at %d replicas, run by run: a growth of ours well above the floor's is ours to remove. "
                    + "The peak heap is the sum of the heap pools' peaks (an upper bound: the young generation counts "
                    + "as full as it got before a collection); the deploy ran under the heap limit shown.%n",
                    sizes.get(0).replicas));
            return t.toString();
        }

        /** Per-replica cost at each larger size against the smallest, ours and the floor's, per run then median. */
        private static void growth(StringBuilder t, List<Size> sizes) {
            Size first = sizes.get(0);
            t.append(String.format(Locale.ROOT, "%n| per-replica cost against %d replicas | ours | the floor's | target "
                    + "| met |%n|---|---:|---:|---:|---|%n", first.replicas));
            for (Size s : sizes.subList(1, sizes.size())) {
                boolean last = s == sizes.get(sizes.size() - 1);
                // (ours(n) / n) / (ours(first) / first): the per-run ratio with the replica counts as its factor
                double floorGrowth = perReplica(s.batch, first.batch, s.batches * first.replicas,
                        first.batches * s.replicas);
                String ours = "OutOfMemoryError", met = "no";
                if (s.complete() && first.complete()) {
                    double g = perReplica(s.ours, first.ours, first.replicas, s.replicas);
                    ours = String.format(Locale.ROOT, "%.2fx", g);
                    met = g <= GROWTH_LIMIT ? "yes" : "no";
                }
                t.append(String.format(Locale.ROOT, "| at %d replicas | %s | %.2fx | %s | %s |%n", s.replicas, ours,
                        floorGrowth, last ? String.format(Locale.ROOT, "<= %.2fx", GROWTH_LIMIT) : "",
                        last ? met : ""));
            }
        }

        /** The median over runs of {@code (a[i] x aFactor) / (b[i] x bFactor)}. */
        private static double perReplica(List<Long> a, List<Long> b, long aFactor, long bFactor) {
            List<Long> scaledA = new ArrayList<>(), scaledB = new ArrayList<>();
            for (int i = 0; i < a.size(); i++) {
                scaledA.add(a.get(i) * aFactor);
                scaledB.add(b.get(i) * bFactor);
            }
            return Spread.medianRatio(scaledA, scaledB, 1);
        }
    }
}
