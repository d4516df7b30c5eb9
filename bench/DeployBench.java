import com.github.dockerjava.api.DockerClient;
import io.jenkins.plugins.containerrollout.core.ProgressSink;
import io.jenkins.plugins.containerrollout.core.deploy.AppLabels;
import io.jenkins.plugins.containerrollout.core.deploy.DeployRequest;
import io.jenkins.plugins.containerrollout.core.deploy.ReplicaSpec;
import io.jenkins.plugins.containerrollout.core.deploy.Replacement;
import io.jenkins.plugins.containerrollout.core.deploy.RolloutStrategy;
import io.jenkins.plugins.containerrollout.core.deploy.docker.DockerDeployer;
import io.jenkins.plugins.containerrollout.core.engine.DockerClientFactory;
import io.jenkins.plugins.containerrollout.core.engine.DockerHost;
import io.jenkins.plugins.containerrollout.core.health.ProbeSettings;
import io.jenkins.plugins.containerrollout.core.record.Outcome;
import io.jenkins.plugins.containerrollout.core.record.RolloutRecord;
import io.jenkins.plugins.containerrollout.core.record.TimelineEvent;
import io.jenkins.plugins.containerrollout.testing.EngineFloor;
import io.jenkins.plugins.containerrollout.testing.Spread;
import io.jenkins.plugins.containerrollout.testing.TestBed;
import io.jenkins.plugins.containerrollout.testing.TestImages;
import io.jenkins.plugins.containerrollout.testing.TimedUpdate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * containerDeploy's rolling update against what the engine physically allows, on the same engine, image, replica
 * count and health settings; the two replacement policies against each other; and the time to restore after a bad
 * deploy. Every measurement runs once per run, in an order that rotates from run to run, so that load on the machine
 * does not always fall on the same one. Prints a Markdown table on stdout: fewest / median / most milliseconds, the
 * median of the per-run ratios, and "within noise" where the two ranges overlap ({@link Spread}).
 * <ul>
 *   <li>floor: ceil(replicas / parallelism) x (one container's create + start + readiness, measured through the
 *       engine API and polled at the probe interval, as any tool using these health settings must);</li>
 *   <li>replacement floor: ceil(replicas / parallelism) x one bare batch (parallelism starts while as many replicas
 *       are killed, until the new ones answer);</li>
 *   <li>MTTR: a deploy of an image whose health check fails, from the deploy call to the previous revision
 *       restored, against the health failure window (failureThreshold x interval) + 2 s.</li>
 * </ul>
 *
 * <p>Usage: {@code java -cp target/container-rollout-cli.jar:target/test-classes bench/DeployBench.java [runs]
 * [parallelism]} (bench/run does this)
 */
public class DeployBench {
    private static final int REPLICAS = 10;
    /**
     * The loopback ports this benchmark may use: 35500-35799 of the benchmarks' 35000-36999 on the shared test bed
     * (ScaleBench takes 35800-35999).
     */
    private static final int APP_PORTS = 35500;
    private static final int FLOOR_PORT = 35700;
    /** The stop grace of the app in the stop-policy comparison: busybox httpd as PID 1 ignores SIGTERM, so all of it. */
    private static final int GRACE_SECONDS = 1;
    /** State entries written each way per run: each takes milliseconds, so a few per run give a spread. */
    private static final int RECORDS_PER_RUN = 4;
    private static final ProbeSettings PROBE = new ProbeSettings("/cgi-bin/health", Duration.ofMillis(100),
            Duration.ofSeconds(2), 1, 3, Duration.ofSeconds(30));

    /** One timed measurement of a run; it adds its milliseconds to its own list. */
    @FunctionalInterface
    interface Measurement {
        void run() throws Exception;
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int parallelism = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        String tag = "deploybench-" + ProcessHandle.current().pid();
        Path root = Files.createTempDirectory("deploybench");
        List<String> images = List.of(TestImages.app(root.resolve("1"), tag + ":1", "1", true),
                TestImages.app(root.resolve("2"), tag + ":2", "2", true),
                TestImages.app(root.resolve("bad"), tag + ":bad", "bad", false));
        DockerHost host = DockerHost.resolve(null, System.getenv());
        DockerClient docker = DockerClientFactory.DEFAULT.create(host);
        EngineFloor engine = new EngineFloor(docker, PROBE);
        RolloutStrategy.Rolling rolling = RolloutStrategy.rolling(String.valueOf(parallelism), "0");
        List<Long> floors = new ArrayList<>(), batches = new ArrayList<>(), ours = new ArrayList<>(),
                oursComplete = new ArrayList<>(), mttrs = new ArrayList<>(), restores = new ArrayList<>(),
                graceStarted = new ArrayList<>(), graceComplete = new ArrayList<>(), oursJit = new ArrayList<>(),
                bares = new ArrayList<>(), pipelined = new ArrayList<>(),
                recordContainers = new ArrayList<>(), recordVolumes = new ArrayList<>();
        RolloutStrategy complete = rolling.withReplacement(Replacement.STOP_COMPLETE);
        try (DockerDeployer deployer = new DockerDeployer(host)) {
            // warm the JVM as a long-running agent is warm
            TimedUpdate.warmUp(deployer, request(host, tag + "-roll", images.get(0), rolling, 0), images.get(1));
            List<Measurement> measurements = List.of(
                    () -> floors.add(engine.startAndReady(images.get(1), tag + "-floor", FLOOR_PORT)),
                    () -> batches.add(engine.replacementBatch(images.get(0), images.get(1), tag + "-batch",
                            parallelism, FLOOR_PORT)),
                    () -> bares.add(engine.rollingUpdate(images.get(0), images.get(1), tag + "-bare", REPLICAS,
                            parallelism, FLOOR_PORT, false)),
                    () -> pipelined.add(engine.rollingUpdate(images.get(0), images.get(1), tag + "-ahead", REPLICAS,
                            parallelism, FLOOR_PORT, true)),
                    () -> {
                        TimedUpdate.Timed timed = TimedUpdate.measure(deployer,
                                request(host, tag + "-roll", images.get(0), rolling, 0), images.get(1));
                        ours.add(timed.millis());
                        oursJit.add(timed.compileMillis());
                    },
                    () -> oursComplete.add(oneRolling(deployer, host, tag, images, complete, 0)),
                    () -> {
                        long[] mttr = badDeploy(deployer, host, tag, images, rolling);
                        mttrs.add(mttr[0]);
                        restores.add(mttr[1]);
                    },
                    () -> graceStarted.add(oneRolling(deployer, host, tag, images, rolling, GRACE_SECONDS)),
                    () -> graceComplete.add(oneRolling(deployer, host, tag, images, complete, GRACE_SECONDS)),
                    () -> {
                        // a state entry's labels, written both ways, the order alternating within the run
                        Map<String, String> labels = Map.of(AppLabels.APP, tag + "-rec", AppLabels.ROLE,
                                AppLabels.ROLE_STATE, AppLabels.PHASE, "COMPLETE", AppLabels.SEQ, "1");
                        for (int i = 0; i < RECORDS_PER_RUN; i++) {
                            boolean volumeFirst = i % 2 == 0;
                            for (boolean volume : List.of(volumeFirst, !volumeFirst)) {
                                long ms = engine.labelledRecord(volume, images.get(0), tag + "-rec.state" + i,
                                        labels);
                                (volume ? recordVolumes : recordContainers).add(ms);
                            }
                        }
                    });
            for (int r = 0; r < runs; r++) {
                for (int k = 0; k < measurements.size(); k++) {
                    measurements.get((k + r) % measurements.size()).run(); // run 2 starts where run 1 did second
                }
                System.err.printf("run %d: one replica start+ready %d ms, replacement batch %d ms, bare update %d ms "
                        + "(creating ahead %d ms), ours %d ms (stopComplete %d ms), MTTR %d ms (failure to restored %d ms), with a %d s stop: "
                        + "%d ms / %d ms%n", r + 1, floors.get(r), batches.get(r), bares.get(r), pipelined.get(r), ours.get(r),
                        oursComplete.get(r),
                        mttrs.get(r), restores.get(r), GRACE_SECONDS, graceStarted.get(r), graceComplete.get(r));
            }
        } finally {
            DockerClientFactory.closeQuietly(docker);
            for (String image : images) {
                TestBed.dockerResult("rmi", "-f", image);
            }
        }
        System.out.print(table(runs, parallelism, floors, batches, ours, oursComplete, mttrs, restores, graceStarted,
                graceComplete, oursJit, bares, pipelined, recordContainers, recordVolumes));
    }

    private static String table(int runs, int parallelism, List<Long> floors, List<Long> batches, List<Long> ours,
            List<Long> oursComplete, List<Long> mttrs, List<Long> restores, List<Long> graceStarted,
            List<Long> graceComplete, List<Long> oursJit, List<Long> bares, List<Long> pipelined,
            List<Long> recordContainers, List<Long> recordVolumes) {
        int batchCount = (int) Math.ceil(REPLICAS / (double) parallelism);
        Spread one = Spread.of(floors), batch = Spread.of(batches), our = Spread.of(ours), mttr = Spread.of(mttrs);
        Spread floor = one.times(batchCount), batchFloor = batch.times(batchCount);
        // ratios per run (each run measured both sides under about the same load), then their median
        double toFloor = Spread.medianRatio(ours, floors, batchCount),
                toBatchFloor = Spread.medianRatio(ours, batches, batchCount);
        long window = PROBE.failureThreshold() * PROBE.interval().toMillis();
        Spread budget = new Spread(window + 2000, window + 2000, window + 2000);
        StringBuilder t = new StringBuilder();
        t.append(String.format(Locale.ROOT, "Rolling update of %d replicas, maxSurge %d / maxUnavailable 0 (parallelism "
                + "%d), probe every %d ms, %d failures fail a replica; %d runs, each measurement once per run, their order "
                + "rotating from run to run. Times are fewest / median / most of the runs; ratios are the median of the "
                + "per-run ratios; \"within noise\" where the two ranges overlap.%n%n", REPLICAS, parallelism,
                parallelism, PROBE.interval().toMillis(), PROBE.failureThreshold(), runs));
        t.append("| measure | ms | compared with | its ms | ratio | difference | target | met |\n"
                + "|---|---:|---|---:|---:|---|---:|---|\n");
        row(t, "one replica create+start+ready (engine API)", one, null, null, 0, null);
        row(t, "our rolling update", our, String.format(Locale.ROOT, "physical floor ceil(%d/%d) x one replica",
                REPLICAS, parallelism), floor, toFloor, 1.10);
        row(t, String.format(Locale.ROOT, "one replacement batch: %d starts while %d replicas are killed, until ready "
                + "(engine API)", parallelism, parallelism), batch, null, null, 0, null);
        row(t, "our rolling update", our, String.format(Locale.ROOT, "replacement floor ceil(%d/%d) x one batch",
                REPLICAS, parallelism), batchFloor, toBatchFloor, 1.15); // #17 goal 2
        row(t, String.format(Locale.ROOT, "bare rolling update: batches of %d created, started, ready, then %d old "
                + "killed (engine API)", parallelism, parallelism), Spread.of(bares), null, null, 0, null);
        row(t, "our rolling update", our, "bare rolling update", Spread.of(bares), Spread.medianRatio(ours, bares, 1),
                null);
        Spread ahead = Spread.of(pipelined);
        row(t, String.format(Locale.ROOT, "bare rolling update creating ahead: the same, the next batch's %d containers "
                + "created while one starts (as ours)", parallelism), ahead, String.format(Locale.ROOT, "replacement "
                + "floor ceil(%d/%d) x one batch", REPLICAS, parallelism), batchFloor,
                Spread.medianRatio(pipelined, batches, batchCount), null);
        row(t, "our rolling update", our, "bare rolling update creating ahead", ahead,
                Spread.medianRatio(ours, pipelined, 1), null);
        row(t, String.format(Locale.ROOT, "JIT compilation during our rolling update (the JVM warmed by %d untimed "
                + "updates)", TimedUpdate.WARM_UPS), Spread.of(oursJit), null, null, 0, null);
        row(t, "our rolling update, replacement stopComplete", Spread.of(oursComplete), "the same with stopStarted "
                + "(default)", our, Spread.medianRatio(oursComplete, ours, 1), null);
        row(t, String.format(Locale.ROOT, "our rolling update of an app whose stop takes %d s (SIGTERM ignored)",
                GRACE_SECONDS), Spread.of(graceStarted), "the same with replacement stopComplete",
                Spread.of(graceComplete), Spread.medianRatio(graceStarted, graceComplete, 1), null);
        row(t, "MTTR: bad deploy call to previous revision restored", mttr, String.format(Locale.ROOT, "health failure "
                + "window %d ms + 2 s", window), budget, (double) mttr.median() / budget.median(), 1.00);
        row(t, "time to restore: first failed replica to restored", Spread.of(restores), null, null, 0, null);
        row(t, String.format(Locale.ROOT, "a state entry written as a volume with labels (%d per run, alternating)",
                RECORDS_PER_RUN), Spread.of(recordVolumes), "as a never-started container (before)",
                Spread.of(recordContainers), Spread.medianRatio(recordVolumes, recordContainers, 1), null);
        t.append(String.format(Locale.ROOT, "%nThe physical floor counts container starts only: one container at a "
                + "time on an idle engine. A rolling update must also stop every replaced replica, and on this machine's "
                + "2 cores the engine's kills compete with its starts: the replacement floor measures that one batch "
                + "(%d starts while %d running replicas are killed, until the new ones answer) with the bare engine API, "
                + "its containers created beforehand, no records, no lock, no router. Our update adds its revision "
                + "record and lock (containers in the engine) and its state (volumes), the creation of every new "
                + "container (the next batch's while one starts), a listing after a failed probe or once a second; it "
                + "returns once the last replaced replicas are told to stop, as the bare updates end once their last "
                + "kills are issued (the engine ends them). "
                + "With replacement stopStarted (the default, as Kubernetes) a batch starts while the replicas it replaces "
                + "stop; with stopComplete it waits until they have exited. Load average during the runs: %s.%n",
                parallelism, parallelism, loadAverage()));
        return t.toString();
    }

    /** One table row; {@code other} null for a measurement compared with nothing, {@code limit} null for no target. */
    private static void row(StringBuilder t, String measure, Spread value, String comparedWith, Spread other,
            double ratio, Double limit) {
        if (other == null) {
            t.append(String.format(Locale.ROOT, "| %s | %s | | | | | | |%n", measure, value.cell()));
            return;
        }
        t.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %.2fx | %s | %s | %s |%n", measure, value.cell(),
                comparedWith, other.cell(), ratio, value.against(other),
                limit == null ? "" : String.format(Locale.ROOT, "<= %.2fx", limit),
                limit == null ? "" : ratio <= limit ? "yes" : "no"));
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException unknown) {
            return "unknown";
        }
    }

    /** Deploys v1, then times the rolling update to v2; the app is removed afterwards. */
    private static long oneRolling(DockerDeployer deployer, DockerHost host, String tag, List<String> images,
            RolloutStrategy rolling, int stopSeconds) throws InterruptedException {
        return TimedUpdate.millis(deployer, request(host, tag + "-roll", images.get(0), rolling, stopSeconds),
                images.get(1));
    }

    /** Deploys v1, then an image whose health check fails: {deploy call to restored, first failure to restored}. */
    private static long[] badDeploy(DockerDeployer deployer, DockerHost host, String tag, List<String> images,
            RolloutStrategy rolling) throws InterruptedException {
        String app = tag + "-bad";
        try {
            TimedUpdate.require(deployer.deploy(request(host, app, images.get(0), rolling, 0), ProgressSink.NONE),
                    Outcome.SUCCEEDED);
            long start = System.currentTimeMillis();
            RolloutRecord bad = deployer.deploy(request(host, app, images.get(2), rolling, 0), ProgressSink.NONE);
            TimedUpdate.require(bad, Outcome.ROLLED_BACK);
            long restored = bad.eventsOf(TimelineEvent.Type.RESTORED).get(0).atMillis();
            return new long[] {restored - start, bad.metrics().timeToRestoreMillis()};
        } finally {
            deployer.remove(app);
        }
    }

    private static DeployRequest request(DockerHost host, String app, String image, RolloutStrategy strategy,
            int stopSeconds) {
        return new DeployRequest(host, app, ReplicaSpec.of(image).withStopTimeoutSeconds(stopSeconds), REPLICAS,
                APP_PORTS, strategy, PROBE, 10, null, null);
    }
}
