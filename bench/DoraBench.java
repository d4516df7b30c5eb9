import io.jenkins.plugins.containerrollout.core.metrics.BuildFacts;
import io.jenkins.plugins.containerrollout.core.metrics.DoraMetrics;
import io.jenkins.plugins.containerrollout.core.metrics.JobHistory;
import io.jenkins.plugins.containerrollout.core.metrics.RolloutFact;
import io.jenkins.plugins.containerrollout.core.report.TrendChart;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * What the job page computes from the builds' summaries: per-build trend points, DORA metrics per application and the
 * three SVG trend charts, for a history of 1 000 builds (three apps; each build builds an image, deploys one app,
 * verifies it with tests; one in eight verifications fails and is followed by a rollback). Only summaries are read,
 * never an entries file. The target is under 200 ms. Prints a Markdown header and one table row: the first (cold)
 * run, the median of 11 runs after 5 warm-up runs, and the SVG bytes.
 *
 * <p>Usage (after {@code mvn -B -ntp -q package -DskipTests}):
 * {@code java -cp target/container-rollout-cli.jar bench/DoraBench.java [builds]}
 */
public class DoraBench {
    private static final String[] APPS = {"shop-web", "orders", "search"};
    static long sink;

    public static void main(String[] args) {
        int builds = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
        List<BuildFacts> history = history(builds);

        long start = System.nanoTime();
        int bytes = pageParts(history);
        double cold = (System.nanoTime() - start) / 1e6;
        for (int i = 0; i < 5; i++) {
            pageParts(history);
        }
        double[] warm = new double[11];
        for (int i = 0; i < warm.length; i++) {
            long t = System.nanoTime();
            pageParts(history);
            warm[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(warm);
        System.out.println("| builds | summaries | cold (ms) | warm median (ms) | SVG bytes |");
        System.out.println("|---:|---:|---:|---:|---:|");
        int summaries = history.stream().mapToInt(b -> b.facts().size()).sum();
        System.out.printf("| %d | %d | %.1f | %.1f | %d |%n", builds, summaries, cold, warm[warm.length / 2], bytes);
    }

    /** Everything the job page needs: history → trends + DORA → three charts. */
    private static int pageParts(List<BuildFacts> history) {
        JobHistory h = JobHistory.of(history, history.get(history.size() - 1).timeMillis() + 3_600_000);
        int bytes = TrendChart.duration("Rollout duration", h.trends()).length()
                + TrendChart.outcomes("Rollout outcomes", h.trends()).length()
                + TrendChart.tests("Tests", h.trends()).length();
        for (DoraMetrics m : h.dora()) {
            sink += m.deploys(); // use the metrics, so no JIT can drop their computation
        }
        return bytes;
    }

    /** A deterministic history: a build every 3 hours. */
    private static List<BuildFacts> history(int builds) {
        Random random = new Random(42);
        List<BuildFacts> out = new ArrayList<>(builds);
        long t = 1_795_617_125_000L - builds * 3L * 3_600_000;
        for (int n = 1; n <= builds; n++, t += 3 * 3_600_000L) {
            String app = APPS[n % APPS.length];
            boolean fails = random.nextInt(8) == 0;
            long commit = t - 600_000 - random.nextInt(7_200_000);
            long deployMillis = 4_000 + random.nextInt(20_000);
            List<RolloutFact> facts = new ArrayList<>();
            facts.add(new RolloutFact("build", "", "built", t, 30_000, commit, false, false, 0, 0));
            facts.add(new RolloutFact(RolloutFact.DEPLOY, app, "succeeded", t + 30_000, deployMillis, commit, fails, !fails, 0, 0));
            facts.add(new RolloutFact("verification", app, fails ? "failed" : "passed", t + 60_000, 20_000, 0, fails, false,
                    200 - (fails ? 3 : 0), fails ? 3 : 0));
            if (fails) {
                facts.add(new RolloutFact(RolloutFact.ROLLBACK, app, "succeeded", t + 90_000, 6_000, 0, false, false, 0, 0));
            }
            out.add(new BuildFacts(n, t, facts));
        }
        return out;
    }
}
