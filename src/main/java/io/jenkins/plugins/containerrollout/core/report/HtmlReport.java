package io.jenkins.plugins.containerrollout.core.report;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Renders a {@link DeliveryReport} as one self-contained HTML file: inline CSS and SVG, no script, no external asset,
 * so it opens offline, prints, and passes Jenkins' Content-Security-Policy. The page also carries its own CSP
 * ({@code default-src 'none'}) so a copy opened from disk cannot run anything either.
 *
 * <p>Usage: {@code HtmlReport.write(DeliveryReport.of("shop-web #42", entries), Path.of("target/report.html"));}
 */
public final class HtmlReport {
    /** Sent as a {@code <meta>} policy: styles inline only, images only as data URLs, nothing else. */
    static final String PAGE_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

    private HtmlReport() {
    }

    /** The whole page as a string. */
    public static String render(DeliveryReport report) {
        StringWriter out = new StringWriter(64 * 1024);
        try {
            render(report, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not throw
        }
        return out.toString();
    }

    /** Streams the page section by section, so a huge run never needs the whole page in memory twice. */
    public static void render(DeliveryReport report, Writer out) throws IOException {
        RunOutline outline = RunOutline.of(report);
        List<String> headings = new ArrayList<>();
        for (int i = 0; i < report.entries().size(); i++) {
            headings.add(heading(report.entries().get(i), outline.checkedRevision(i)));
        }
        StringBuilder chunk = new StringBuilder(16 * 1024);
        chunk.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"").append(PAGE_POLICY).append("\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<meta name=\"color-scheme\" content=\"light\">")
                .append("<title>").append(Html.text(report.title()))
                .append(report.outcome().map(o -> " \u2013 " + o.name().toLowerCase().replace('_', ' ')).orElse(""))
                .append("</title><style>").append(ReportStyle.CSS).append("</style></head><body><main>");
        ReportHeader.render(chunk, report, outline, headings);
        flush(chunk, out);
        StackGroups stacks = StackGroups.of(report.entries());
        for (int i = 0; i < report.entries().size(); i++) {
            StackGroups.Group g = stacks.startingAt(i);
            if (g == null) {
                entry(chunk, report, outline, headings, i, out);
                continue;
            }
            // one stack command's app rollouts: one heading, one lane group per service in the order they ran
            StackGroups.open(chunk, g);
            for (Map.Entry<String, List<Integer>> lane : g.lanes().entrySet()) {
                StackGroups.openLane(chunk, lane.getKey());
                for (int j : lane.getValue()) {
                    entry(chunk, report, outline, headings, j, out);
                }
                StackGroups.close(chunk, true);
            }
            StackGroups.close(chunk, false);
            i = g.last();
        }
        if (report.entries().isEmpty()) {
            chunk.append("<p class=\"note\">This run recorded no build, rollout or test results.</p>");
        }
        chunk.append("</main><footer>container-rollout report \u00b7 ")
                .append(Html.text(Format.instant(report.generatedAtMillis()))).append("</footer></body></html>\n");
        flush(chunk, out);
    }

    /** One entry's section, folded when it succeeded before the failure. */
    private static void entry(StringBuilder chunk, DeliveryReport report, RunOutline outline, List<String> headings,
            int i, Writer out) throws IOException {
        ReportEntry e = report.entries().get(i);
        String id = "e" + i;
        // successful entries before the failure fold (their heading and outcome stay), so it is on the first screen
        boolean folded = outline.folded(i);
        chunk.append("<section class=\"entry ").append(kind(e)).append("\" aria-labelledby=\"").append(id)
                .append("\"><details class=\"entry-body\"").append(folded ? "" : " open").append("><summary><h2 id=\"")
                .append(id).append("\">").append(Html.text(headings.get(i))).append("</h2>")
                .append(folded ? badge(e) : "").append("</summary>");
        // Java 17: no pattern switch yet; ReportEntry is sealed, so these four are all there is
        if (e instanceof ReportEntry.Build b) {
            BuildSection.render(chunk, b.result());
        } else if (e instanceof ReportEntry.Rollout r) {
            RolloutSection.render(chunk, r.record(), id);
        } else if (e instanceof ReportEntry.Tests t) {
            TestResultsSection.render(chunk, t.report());
        } else if (e instanceof ReportEntry.Verification v) {
            VerificationSection.render(chunk, v.result(), outline.checkedRevision(i));
        }
        chunk.append("</details></section>");
        flush(chunk, out);
    }

    /** Writes the page as UTF-8, creating parent directories. */
    public static void write(DeliveryReport report, Path file) throws IOException {
        if (file.toAbsolutePath().getParent() != null) {
            Files.createDirectories(file.toAbsolutePath().getParent());
        }
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            render(report, out);
        }
    }

    /** The entry's heading; a verification's names the revision it checked unless its own name already does. */
    private static String heading(ReportEntry e, int checkedRevision) {
        if (e instanceof ReportEntry.Rollout r) {
            return r.title() + ": revision " + Format.revisions(r.record());
        }
        String kind = e instanceof ReportEntry.Build ? "Build" : e instanceof ReportEntry.Verification ? "Verification"
                : "Tests";
        String revision = e instanceof ReportEntry.Verification && checkedRevision > 0
                && !e.title().endsWith("revision " + checkedRevision) ? "revision " + checkedRevision : "";
        String title = e.title().isEmpty() ? revision : revision.isEmpty() ? e.title() : e.title() + " \u00b7 " + revision;
        return kind + (title.isEmpty() ? "" : ": " + title);
    }

    /** A folded entry's outcome, beside its heading. */
    private static String badge(ReportEntry e) {
        if (e instanceof ReportEntry.Rollout r) {
            return Badge.of(r.record().outcome());
        }
        if (e instanceof ReportEntry.Verification v) {
            return Badge.verification(v.result().passed());
        }
        return e instanceof ReportEntry.Tests t ? Badge.tests(t.report().successful()) : "";
    }

    private static String kind(ReportEntry e) {
        return e instanceof ReportEntry.Build ? "build" : e instanceof ReportEntry.Rollout ? "rollout"
                : e instanceof ReportEntry.Verification ? "verification" : "tests";
    }

    private static void flush(StringBuilder chunk, Writer out) throws IOException {
        out.append(chunk);
        chunk.setLength(0);
    }
}
