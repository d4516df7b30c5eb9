import io.jenkins.plugins.containerrollout.core.verify.junit.JunitParser;
import io.jenkins.plugins.containerrollout.core.verify.junit.JunitReport;
import io.jenkins.plugins.containerrollout.testing.HeapPeak;
import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The streaming JUnit parser on a 10 000-case surefire report (1 in 20 failing with a stack trace and output, 1 in 40
 * flaky, 1 in 50 skipped). Prints one Markdown table row: file size, median parse time of 21 runs after 2 s of
 * warm-up, heap bytes allocated per parse (the thread's allocation counter), and the size of the result a caller keeps
 * (serialized: 50 failing cases in detail, the rest as counts), and the peak heap of the whole parsing (warm-up and
 * timed runs; {@link HeapPeak}) against the heap limit, which bench/run sets to #17's 64 MB.
 *
 * <p>Usage: {@code java -Xmx64m -cp target/container-rollout-cli.jar:target/test-classes bench/JunitBench.java
 * [cases]}
 */
public class JunitBench {
    public static void main(String[] args) throws Exception {
        try {
            measure(args);
        } catch (OutOfMemoryError e) {
            // the table says so (bench/run writes it into the page); the trace goes to stderr
            e.printStackTrace();
            System.out.println("| cases | peak heap, under 64 MB |\n|---:|---|\n| "
                    + (args.length > 0 ? args[0] : "10000") + " | no (OutOfMemoryError under a heap limit of " + HeapPeak.mb(HeapPeak.limit()) + ") |");
        }
    }

    private static void measure(String[] args) throws Exception {
        int cases = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        Path file = Files.createTempFile("junitbench", ".xml");
        try {
            write(file, cases);
            JunitParser parser = new JunitParser();
            HeapPeak.reset(); // before the warm-up, so the timed runs are not preceded by a collection of their own
            // warm up like a long-running agent: two seconds of parsing lets the JIT compile the hot paths
            for (long end = System.nanoTime() + 2_000_000_000L; System.nanoTime() < end; ) {
                parser.parse(file);
            }
            long[] millis = new long[21];
            long allocated = 0;
            JunitReport report = null;
            com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            for (int i = 0; i < millis.length; i++) {
                long bytes = threads.getCurrentThreadAllocatedBytes();
                long start = System.nanoTime();
                report = parser.parse(file);
                millis[i] = (System.nanoTime() - start) / 1_000_000;
                allocated = threads.getCurrentThreadAllocatedBytes() - bytes;
            }
            long peak = HeapPeak.bytes();
            Arrays.sort(millis);
            String summary = report.summary();
            // what a caller keeps: the result's serialized size (the heap it holds is of the same order)
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                out.writeObject(report);
            }
            long retained = bytes.size();
            System.out.println("| cases | report size | median parse | heap allocated per parse | result kept (serialized) "
                    + "| peak heap (heap limit), under 64 MB | totals |");
            System.out.println("|---:|---:|---:|---:|---:|---:|---|");
            System.out.printf("| %,d | %.1f MB | %d ms | %.1f MB | %.0f KB | %s (%s), %s | %s |%n", cases,
                    Files.size(file) / 1e6, millis[millis.length / 2], allocated / 1e6, retained / 1e3,
                    HeapPeak.mb(peak), HeapPeak.mb(HeapPeak.limit()), HeapPeak.under(64, false), summary);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** Streams the report to disk case by case, the way surefire writes it. */
    private static void write(Path file, int cases) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites>\n");
            for (int i = 0; i < cases; i++) {
                if (i % 500 == 0) {
                    out.write((i == 0 ? "" : "</testsuite>\n") + "<testsuite name=\"com.example.Bench" + i / 500 + "Test\">\n");
                }
                String open = "  <testcase name=\"case" + i + "\" classname=\"com.example.Bench" + i / 500 + "Test\" time=\"0.002\"";
                if (i % 20 == 0) {
                    out.write(open + ">\n    <failure message=\"expected &lt;" + i + "&gt;\" type=\"java.lang.AssertionError\">"
                            + "java.lang.AssertionError: expected " + i + "\n\tat com.example.Bench.case(Bench.java:" + i + ")\n"
                            + "\tat java.base/jdk.internal.reflect.DirectMethodHandleAccessor.invoke(DirectMethodHandleAccessor.java:103)\n"
                            + "</failure>\n    <system-out><![CDATA[" + "log line\n".repeat(20) + "]]></system-out>\n  </testcase>\n");
                } else if (i % 40 == 1) {
                    out.write(open + ">\n    <flakyFailure message=\"timeout\" type=\"java.io.IOException\"><stackTrace>java.io.IOException: "
                            + "timeout</stackTrace></flakyFailure>\n  </testcase>\n");
                } else if (i % 50 == 2) {
                    out.write(open + ">\n    <skipped message=\"not on this platform\"/>\n  </testcase>\n");
                } else {
                    out.write(open + "/>\n");
                }
            }
            out.write("</testsuite>\n</testsuites>\n");
        }
    }
}
