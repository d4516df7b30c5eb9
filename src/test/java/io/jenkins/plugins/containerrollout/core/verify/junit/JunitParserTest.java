package io.jenkins.plugins.containerrollout.core.verify.junit;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.Test;

/** The parser on realistic reports of each dialect, written from the tools' documented formats. */
public class JunitParserTest {
    private final JunitParser parser = new JunitParser();

    static Path resource(String name) {
        return Path.of(System.getProperty("project.basedir", "."),
                "src/test/resources/io/jenkins/plugins/containerrollout/core/verify/junit", name);
    }

    @Test
    public void surefireReportCountsFlakyAsPassedAndRerunFailuresAsFailed() throws Exception {
        JunitReport r = parser.parse(resource("surefire-TEST-com.example.shop.CartTest.xml"));
        assertEquals(6, r.tests());
        assertEquals(2, r.passed());
        assertEquals(1, r.flaky());
        assertEquals(2, r.failed());
        assertEquals(1, r.errors());
        assertEquals(1, r.skipped());
        assertEquals(1.482, r.timeSeconds(), 1e-9);
        assertEquals(List.of("totalsWithTax", "loadsCatalog", "reservesStock"), r.failures().stream().map(FailedCase::name).toList());
        FailedCase tax = r.failures().get(0);
        assertEquals("com.example.shop.CartTest", tax.suite());
        assertEquals("java.lang.AssertionError", tax.type());
        assertEquals("expected:<10.70> but was:<10.00>", tax.message());
        assertTrue(tax.excerpt(), tax.excerpt().contains("CartTest.java:41"));
        assertTrue(tax.excerpt(), tax.excerpt().contains("computing tax for region=EU"));
        assertEquals(CaseOutcome.ERROR, r.failures().get(1).outcome());
        assertTrue(r.failures().get(1).excerpt().contains("catalog unreachable"));
        assertTrue(r.failures().get(2).excerpt().contains("(run 3)"));
    }

    @Test
    public void pytestReportReadsSetupErrorsAndSkips() throws Exception {
        JunitReport r = parser.parse(resource("pytest-junit.xml"));
        assertEquals(List.of(5, 2, 1, 1, 1), List.of(r.tests(), r.passed(), r.failed(), r.errors(), r.skipped()));
        FailedCase health = r.failures().get(0);
        assertEquals("tests.test_api.test_health_reports_ok", health.displayName());
        assertEquals("pytest", health.suite());
        assertTrue(health.message(), health.message().startsWith("AssertionError: assert 'degraded' == 'ok'"));
        assertTrue(health.excerpt().contains("tests/test_api.py:18"));
        assertTrue(r.failures().get(1).message().contains("Connection refused"));
    }

    @Test
    public void jestReportTakesTheMessageFromTheFailureText() throws Exception {
        JunitReport r = parser.parse(resource("jest-junit.xml"));
        assertEquals(List.of(2, 4, 2, 1, 1), List.of(r.suites(), r.tests(), r.passed(), r.failed(), r.skipped()));
        FailedCase slow = r.failures().get(0);
        assertEquals("api/health.test.js", slow.suite());
        assertEquals("Error: expect(received).toBeLessThan(expected)", slow.message());
        assertTrue(slow.excerpt().contains("Received:   912"));
    }

    @Test
    public void goJunitReportIgnoresSuiteOutputAndProperties() throws Exception {
        JunitReport r = parser.parse(resource("go-junit-report.xml"));
        assertEquals(List.of(2, 5, 3, 1, 0, 1), List.of(r.suites(), r.tests(), r.passed(), r.failed(), r.errors(), r.skipped()));
        FailedCase latency = r.failures().get(0);
        assertEquals("example.com/shop/api.TestHealth/latency", latency.displayName());
        assertEquals("Failed", latency.message());
        assertTrue(latency.excerpt().contains("latency 150ms exceeds 100ms"));
        assertFalse(latency.excerpt().contains("ok  \texample.com"));
    }

    @Test
    public void nestedSuitesCountEachCaseOnce() throws Exception {
        JunitReport r = parser.parse(resource("nested-suites.xml"));
        assertEquals(List.of(3, 3, 2, 1), List.of(r.suites(), r.tests(), r.passed(), r.failed()));
        assertEquals("Integration", r.failures().get(0).suite());
    }

    @Test
    public void malformedReportNamesFileAndLine() {
        Path file = resource("malformed.xml");
        JunitReportException e = assertThrows(JunitReportException.class, () -> parser.parse(file));
        assertEquals(6, e.line());
        assertTrue(e.getMessage(), e.getMessage().startsWith(file + " line 6: malformed JUnit XML: "));
    }

    @Test
    public void missingReportIsAnErrorNotAnEmptyResult() {
        Path file = resource("no-such-report.xml");
        JunitReportException e = assertThrows(JunitReportException.class, () -> parser.parse(file));
        assertEquals(file + ": JUnit report not found", e.getMessage());
    }

    @Test
    public void emptyFileIsMalformed() throws Exception {
        Path file = Files.createTempFile("empty", ".xml");
        try {
            JunitReportException e = assertThrows(JunitReportException.class, () -> parser.parse(file));
            assertTrue(e.getMessage(), e.getMessage().contains("malformed JUnit XML"));
        } finally {
            Files.delete(file);
        }
    }

    @Test
    public void otherXmlIsRejectedByItsRootElement() {
        JunitReportException e = assertThrows(JunitReportException.class, () -> parser.parse(resource("not-junit.xml")));
        assertEquals(2, e.line());
        assertTrue(e.getMessage(), e.getMessage().contains("root element <coverage>"));
    }

    @Test
    public void externalEntitiesAreRefused() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE t [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<testsuite><testcase name=\"a\"><failure>&x;</failure></testcase></testsuite>";
        assertThrows(JunitReportException.class, () -> parser.parse(stream(xxe), "xxe.xml"));
    }

    @Test
    public void hugeOutputIsCutToTheCaseLimit() throws Exception {
        String out = "x".repeat(100_000);
        JunitReport r = parser.parse(stream("<testsuite><testcase name=\"a\"><failure message=\"m\">" + out
                + "</failure><system-out>" + out + "</system-out></testcase></testsuite>"), "big.xml");
        String excerpt = r.failures().get(0).excerpt();
        assertTrue(excerpt.length() <= JunitParser.CASE_TEXT_LIMIT + 20);
        assertTrue(excerpt.endsWith("[truncated]"));
    }

    @Test
    public void tenThousandCasesAreCountedWithOnlyTheCappedFailuresKept() throws Exception {
        JunitReport r = parser.parse(new GeneratedReport(10_000, 7, 3).stream(), "generated.xml");
        assertEquals(10_000, r.tests());
        assertEquals(10_000 / 7 + 1, r.failed());
        assertEquals(10_000 - r.failed() - r.skipped(), r.passed());
        assertEquals(JunitParser.DEFAULT_MAX_FAILURES, r.failures().size());
        assertEquals(r.failed() - JunitParser.DEFAULT_MAX_FAILURES, r.failuresOmitted());
        assertEquals(3, r.suites());
    }

    @Test
    public void mergedReportsAddUp() throws Exception {
        JunitReport all = JunitReport.EMPTY.merge(parser.parse(resource("jest-junit.xml")))
                .merge(parser.parse(resource("go-junit-report.xml")));
        assertEquals(9, all.tests());
        assertEquals(2, all.failed());
        assertEquals(2, all.sources().size());
        assertEquals("9 tests: 5 passed, 2 failed, 0 errors, 2 skipped", all.summary());
    }

    private static InputStream stream(String xml) {
        return new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8));
    }
}
