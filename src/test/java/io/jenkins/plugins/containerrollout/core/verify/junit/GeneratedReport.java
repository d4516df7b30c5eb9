package io.jenkins.plugins.containerrollout.core.verify.junit;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * A large surefire-style report built in memory: {@code cases} cases over {@code suites} suites, every
 * {@code failEvery}-th one failing with a stack trace and output, every 50th skipped. Used by tests and by
 * {@code bench/JunitBench.java}.
 */
public final class GeneratedReport {
    private final int cases;
    private final int failEvery;
    private final int suites;

    public GeneratedReport(int cases, int failEvery, int suites) {
        this.cases = cases;
        this.failEvery = failEvery;
        this.suites = suites;
    }

    /** The report as UTF-8 bytes. */
    public byte[] bytes() {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites>\n");
        int perSuite = (cases + suites - 1) / suites;
        for (int i = 0; i < cases; i++) {
            if (i % perSuite == 0) {
                xml.append(i == 0 ? "" : "</testsuite>\n").append("<testsuite name=\"suite").append(i / perSuite).append("\">\n");
            }
            xml.append("<testcase classname=\"com.example.Generated").append(i / 100).append("\" name=\"case").append(i)
                    .append("\" time=\"0.001\"");
            if (i % failEvery == 0) {
                xml.append("><failure message=\"expected ").append(i).append("\" type=\"java.lang.AssertionError\">")
                        .append("java.lang.AssertionError: expected ").append(i).append("\n\tat com.example.Generated.case(Generated.java:")
                        .append(i).append(")\n</failure><system-out>line one\nline two\n</system-out></testcase>\n");
            } else if (i % 50 == 1) {
                xml.append("><skipped message=\"not today\"/></testcase>\n");
            } else {
                xml.append("/>\n");
            }
        }
        return xml.append("</testsuite>\n</testsuites>\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The report as a fresh stream. */
    public InputStream stream() {
        return new ByteArrayInputStream(bytes());
    }
}
