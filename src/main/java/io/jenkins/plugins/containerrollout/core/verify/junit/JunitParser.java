package io.jenkins.plugins.containerrollout.core.verify.junit;

import io.jenkins.plugins.containerrollout.core.RequestException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads JUnit XML reports with StAX, one event at a time, in every common dialect: Maven surefire/failsafe (with
 * {@code flakyFailure}/{@code rerunFailure}), pytest {@code --junitxml}, jest-junit and go-junit-report; roots
 * {@code <testsuites>} or {@code <testsuite>}, suites nested at any depth. Counts come from the cases themselves, not
 * from the suites' attributes (nested suites would count twice, and tools disagree on what {@code tests} includes).
 * DTDs and external entities are refused.
 *
 * <p>Usage: {@code JunitReport report = new JunitParser().parse(Path.of("target/surefire-reports/TEST-a.xml"));}
 */
public final class JunitParser {
    /** Failing cases kept in detail per report unless told otherwise; the rest are counted. */
    public static final int DEFAULT_MAX_FAILURES = 50;
    /** Characters of failure text and output kept per failing case. */
    public static final int CASE_TEXT_LIMIT = 4096;

    private static final XMLInputFactory FACTORY = newFactory();

    private final int maxFailures;

    /** A parser keeping {@link #DEFAULT_MAX_FAILURES} failures in detail. */
    public JunitParser() {
        this(DEFAULT_MAX_FAILURES);
    }

    /** @param maxFailures how many failing cases to keep in detail (at least 0) */
    public JunitParser(int maxFailures) {
        if (maxFailures < 0) {
            throw new RequestException("maxFailures must be 0 or more, was " + maxFailures);
        }
        this.maxFailures = maxFailures;
    }

    /** Parses one report file; a missing or malformed file fails with its name (and line). */
    public JunitReport parse(Path file) throws JunitReportException {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in, file.toString());
        } catch (NoSuchFileException e) {
            throw new JunitReportException(file.toString(), 0, "JUnit report not found", e);
        } catch (JunitReportException e) {
            throw e;
        } catch (IOException e) {
            throw new JunitReportException(file.toString(), 0, "cannot read JUnit report: " + e.getMessage(), e);
        }
    }

    /**
     * Parses one report from a stream it does not close (e.g. an entry of a tar archive).
     *
     * @param source the name to report in totals and errors
     */
    public JunitReport parse(InputStream in, String source) throws JunitReportException {
        XMLStreamReader xml = null;
        try {
            // the JDK's reader closes its input at the end of the document; a tar entry's stream must stay open
            xml = FACTORY.createXMLStreamReader(new FilterInputStream(in) {
                @Override
                public void close() {
                }
            });
            return new Pass(source, maxFailures).read(xml);
        } catch (XMLStreamException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNumber();
            throw new JunitReportException(source, Math.max(line, 0), "malformed JUnit XML: " + reason(e), e);
        } finally {
            close(xml);
        }
    }

    private static XMLInputFactory newFactory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        // reports come from images we do not control: no DTD, no entity may reach the file system or network
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, false);
        return f;
    }

    /** The parser's own words without the JDK's "ParseError at [row,col]" prefix (the line is reported separately). */
    private static String reason(XMLStreamException e) {
        String m = String.valueOf(e.getMessage());
        int i = m.indexOf("Message: ");
        return (i >= 0 ? m.substring(i + "Message: ".length()) : m).strip();
    }

    private static void close(XMLStreamReader xml) {
        if (xml != null) {
            try {
                xml.close();
            } catch (XMLStreamException ignored) {
                // closing a reader never closes the stream; nothing is lost
            }
        }
    }

    /** The state of one parse: the suite stack, the case being read, and the running totals. */
    private static final class Pass {
        private final String source;
        private final int maxFailures;
        private final Deque<String> suites = new ArrayDeque<>();
        private final List<FailedCase> failures = new ArrayList<>();
        private final BoundedText failureText = new BoundedText(CASE_TEXT_LIMIT);
        private final BoundedText outputText = new BoundedText(CASE_TEXT_LIMIT);
        private int suiteCount, tests, passed, failed, errors, skipped, flaky, omitted;
        private double time;

        // the case being read
        private boolean inCase;
        private String className, name, type, message;
        private double caseTime;
        private CaseOutcome outcome;
        private BoundedText capture;

        Pass(String source, int maxFailures) {
            this.source = source;
            this.maxFailures = maxFailures;
        }

        JunitReport read(XMLStreamReader xml) throws XMLStreamException, JunitReportException {
            boolean rootSeen = false;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String element = xml.getLocalName();
                    if (!rootSeen && !element.equals("testsuites") && !element.equals("testsuite")) {
                        throw new JunitReportException(source, xml.getLocation().getLineNumber(),
                                "not a JUnit report: root element <" + element + ">, expected <testsuites> or <testsuite>", null);
                    }
                    rootSeen = true;
                    start(element, xml);
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    end(xml.getLocalName());
                } else if (capture != null && (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA)) {
                    capture.append(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
                }
            }
            if (!rootSeen) {
                throw new JunitReportException(source, 0, "not a JUnit report: no <testsuites> or <testsuite> element", null);
            }
            return new JunitReport(List.of(source), suiteCount, tests, passed, failed, errors, skipped, flaky, time,
                    failures, omitted);
        }

        private void start(String element, XMLStreamReader xml) {
            switch (element) {
                case "testsuite" -> {
                    suiteCount++;
                    suites.push(attr(xml, "name"));
                }
                case "testcase" -> {
                    inCase = true;
                    className = attr(xml, "classname");
                    name = attr(xml, "name");
                    caseTime = seconds(attr(xml, "time"));
                    outcome = CaseOutcome.PASSED;
                    type = "";
                    message = "";
                    failureText.clear();
                    outputText.clear();
                }
                case "failure", "error", "skipped", "flakyFailure", "flakyError", "rerunFailure", "rerunError" -> {
                    if (inCase) {
                        outcome(element, xml);
                    }
                }
                case "system-out", "system-err" -> {
                    // a flaky rerun's own output is part of its failure text; the case's output is kept apart
                    if (inCase && capture == null) {
                        capture = outputText;
                    }
                }
                default -> { }
            }
        }

        private void outcome(String element, XMLStreamReader xml) {
            CaseOutcome seen = switch (element) {
                case "failure", "rerunFailure" -> CaseOutcome.FAILED;
                case "error", "rerunError" -> CaseOutcome.ERROR;
                case "skipped" -> CaseOutcome.SKIPPED;
                default -> CaseOutcome.FLAKY;
            };
            if (seen.compareTo(outcome) > 0) {
                outcome = seen;
                if (seen.isFailure() || message.isEmpty()) {
                    type = attr(xml, "type");
                    message = attr(xml, "message");
                }
            }
            if (seen.isFailure() || seen == CaseOutcome.FLAKY) {
                if (!failureText.isEmpty()) {
                    failureText.append("\n--- " + element + " ---\n");
                }
                capture = failureText;
            }
        }

        private void end(String element) {
            switch (element) {
                case "testsuite" -> suites.poll();
                case "testcase" -> endCase();
                case "failure", "error", "flakyFailure", "flakyError", "rerunFailure", "rerunError" -> capture = null;
                case "system-out", "system-err" -> {
                    if (capture == outputText) {
                        capture = null;
                    }
                }
                default -> { }
            }
        }

        private void endCase() {
            inCase = false;
            capture = null;
            tests++;
            time += caseTime;
            switch (outcome) {
                case PASSED -> passed++;
                case FLAKY -> {
                    passed++;
                    flaky++;
                }
                case SKIPPED -> skipped++;
                case FAILED -> failed++;
                case ERROR -> errors++;
            }
            if (outcome.isFailure()) {
                if (failures.size() < maxFailures) {
                    failures.add(failedCase());
                } else {
                    omitted++;
                }
            }
        }

        private FailedCase failedCase() {
            String body = failureText.toString().strip();
            String msg = message.isEmpty() ? body.lines().findFirst().orElse("").strip() : message;
            BoundedText excerpt = new BoundedText(CASE_TEXT_LIMIT);
            excerpt.append(body);
            if (!outputText.isEmpty()) {
                excerpt.append("\n--- output ---\n");
                excerpt.append(outputText.toString().strip());
            }
            return new FailedCase(suites.isEmpty() ? "" : suites.peek(), className, name, caseTime, outcome, type,
                    msg, excerpt.toString());
        }

        private static String attr(XMLStreamReader xml, String name) {
            String v = xml.getAttributeValue(null, name);
            return v == null ? "" : v;
        }

        /** Tolerates what tools write: "", "1,234.5" (old surefire with a locale), garbage → 0. */
        private static double seconds(String text) {
            try {
                return text.isEmpty() ? 0 : Double.parseDouble(text.replace(",", ""));
            } catch (NumberFormatException e) {
                return 0;
            }
        }
    }
}
