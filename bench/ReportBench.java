import io.jenkins.plugins.containerrollout.core.report.DeliveryReport;
import io.jenkins.plugins.containerrollout.core.report.HtmlReport;
import io.jenkins.plugins.containerrollout.core.report.LargeRun;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Rendering time and size of the HTML report for a large run: a rolling update of 50 replicas (100 lanes: every old
 * replica stopped, every new one created, started, probed and made ready) and a test run of 10 000 cases that all
 * failed with a 3 KB excerpt – the worst case for the page size, since only failing cases are listed. The target is
 * under 300 ms and under 2 MB. Prints a Markdown header and one table row: the first (cold) render, the median of 5
 * renders after 5 warm-up renders, and the page size in UTF-8 bytes.
 *
 * <p>Usage (after {@code mvn -B -ntp -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * -Dmdep.includeScope=runtime}):
 * {@code java -cp target/classes:target/test-classes:$(cat target/cp.txt) bench/ReportBench.java [replicas] [cases]}
 */
public class ReportBench {
    public static void main(String[] args) {
        int replicas = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        int cases = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        DeliveryReport report = LargeRun.report(replicas, cases);

        long start = System.nanoTime();
        String page = HtmlReport.render(report);
        double cold = (System.nanoTime() - start) / 1e6;
        // the JIT's first compilations happen in these; a Jenkins controller renders reports all day
        for (int i = 0; i < 5; i++) {
            HtmlReport.render(report);
        }
        double[] millis = new double[5];
        for (int i = 0; i < millis.length; i++) {
            start = System.nanoTime();
            page = HtmlReport.render(report);
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        int bytes = page.getBytes(StandardCharsets.UTF_8).length;
        System.out.println("| replicas | test cases (all failing) | first render | median of 5 | page size |");
        System.out.println("|---:|---:|---:|---:|---:|");
        System.out.printf("| %d | %,d | %.0f ms | %.1f ms | %,d bytes (%.2f MB) |%n", replicas, cases, cold,
                millis[millis.length / 2], bytes, bytes / (1024.0 * 1024.0));
    }
}
