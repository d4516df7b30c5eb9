package io.jenkins.plugins.containerrollout.core.report;

import io.jenkins.plugins.containerrollout.core.verify.junit.FailedCase;
import io.jenkins.plugins.containerrollout.core.verify.junit.JunitReport;
import java.util.Locale;
import java.util.Objects;

/**
 * Test results: the counts as tiles, then each failing case as a collapsible {@code <details>} with its message and
 * an output excerpt (the first one open). Only counts grow with the number of cases, never the page: failing cases
 * are listed up to {@link #MAX_LISTED}, excerpts cut at {@link #MAX_EXCERPT} characters.
 */
final class TestResultsSection {
    static final int MAX_LISTED = 100;
    static final int MAX_EXCERPT = 3000;
    static final int MAX_SOURCES = 20;

    private TestResultsSection() {
    }

    static void render(StringBuilder out, JunitReport t) {
        out.append("<p class=\"summary ").append(t.successful() ? "ok" : "bad").append("\">")
                .append(Html.text(t.summary())).append("</p><ul class=\"tiles\">");
        tile(out, "tests", t.tests(), "");
        tile(out, "passed", t.passed(), "ok");
        tile(out, "failed", t.failed(), t.failed() > 0 ? "bad" : "");
        tile(out, "errors", t.errors(), t.errors() > 0 ? "bad" : "");
        tile(out, "skipped", t.skipped(), "");
        tile(out, "flaky", t.flaky(), t.flaky() > 0 ? "warn" : "");
        out.append("<li><span class=\"n\">").append(Html.text(String.format(Locale.ROOT, "%.1f s", t.timeSeconds())))
                .append("</span> time</li></ul>");

        int listed = Math.min(MAX_LISTED, t.failures().size());
        if (listed > 0) {
            out.append("<h4>Failing cases</h4><div class=\"cases\">");
            for (int i = 0; i < listed; i++) {
                failure(out, t.failures().get(i), i == 0);
            }
            out.append("</div>");
        }
        int notListed = t.failures().size() - listed + t.failuresOmitted();
        if (notListed > 0) {
            out.append("<p class=\"note\">").append(notListed)
                    .append(" more failing cases are counted above but not listed.</p>");
        }
        if (!t.sources().isEmpty()) {
            out.append("<p class=\"sources\">From ");
            for (int i = 0; i < Math.min(MAX_SOURCES, t.sources().size()); i++) {
                out.append(i == 0 ? "" : ", ").append("<code>").append(Html.text(t.sources().get(i))).append("</code>");
            }
            if (t.sources().size() > MAX_SOURCES) {
                out.append(" and ").append(t.sources().size() - MAX_SOURCES).append(" more files");
            }
            out.append(".</p>");
        }
    }

    private static void tile(StringBuilder out, String label, int n, String cssClass) {
        out.append("<li class=\"").append(cssClass).append("\"><span class=\"n\">").append(n).append("</span> ")
                .append(label).append("</li>");
    }

    private static void failure(StringBuilder out, FailedCase f, boolean open) {
        // null-safe reads: cases may come back from JSON written by an older version
        String className = Objects.toString(f.className(), "");
        String name = Objects.toString(f.name(), "");
        String message = Objects.toString(f.message(), "");
        String excerpt = Objects.toString(f.excerpt(), "");
        String suite = Objects.toString(f.suite(), "");
        String kind = f.outcome() == null ? "failed" : f.outcome().name().toLowerCase(Locale.ROOT);
        out.append("<details class=\"case\"").append(open ? " open" : "").append("><summary><span class=\"tag bad\">")
                .append(kind).append("</span> <span class=\"case-name\">")
                .append(Html.text(className.isEmpty() ? name : className + "." + name)).append("</span>");
        if (!message.isEmpty()) {
            out.append(" <span class=\"case-msg\">").append(Html.text(Html.clip(message, 300))).append("</span>");
        }
        out.append("</summary>");
        Facts.open(out, "facts case-facts").add("suite", suite.equals(className) ? "" : suite).add("type", f.type())
                .add("time", String.format(Locale.ROOT, "%.3f s", f.timeSeconds())).close();
        if (!excerpt.isEmpty()) {
            out.append("<pre class=\"excerpt\">").append(Html.text(Html.clip(excerpt, MAX_EXCERPT))).append("</pre>");
        }
        out.append("</details>");
    }
}
