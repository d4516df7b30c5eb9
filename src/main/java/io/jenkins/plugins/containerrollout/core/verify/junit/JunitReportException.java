package io.jenkins.plugins.containerrollout.core.verify.junit;

import java.io.IOException;

/**
 * A JUnit report that is missing, unreadable or not well-formed; the message names the file and, for XML errors, the
 * line, so a broken report is never mistaken for an empty one.
 *
 * <p>Usage: {@code catch (JunitReportException e) { log(e.getMessage()); }} — e.g.
 * {@code "reports/TEST-app.xml line 12: malformed JUnit XML: ..."}
 */
public class JunitReportException extends IOException {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final int line;

    public JunitReportException(String source, int line, String message, Throwable cause) {
        super(source + (line > 0 ? " line " + line : "") + ": " + message, cause);
        this.source = source;
        this.line = line;
    }

    /** The report's file name or path as the caller named it. */
    public String source() {
        return source;
    }

    /** The 1-based line of the XML error, or 0 when the problem is not tied to a line (missing file). */
    public int line() {
        return line;
    }
}
