package io.jenkins.plugins.containerrollout.cli;

import io.jenkins.plugins.containerrollout.core.report.DeliveryReport;
import io.jenkins.plugins.containerrollout.core.report.HtmlReport;
import io.jenkins.plugins.containerrollout.core.report.ReportEntry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The report options of the commands that change something ({@code build}, {@code deploy}, {@code rollback},
 * {@code verify}). {@code --run-file} appends the command's entries to a run file (default
 * {@code $CONTAINER_ROLLOUT_RUN_FILE}, so a script sets it once); {@code --report} writes an HTML page: of the whole
 * run when there is a run file, else of this command alone. {@code container-rollout report} renders a run file
 * later. The files are checked before the command touches the engine, and written after its JSON is printed.
 *
 * <p>Usage: {@code RunReport.from(options, terminal).ifPresent(r -> r.save(result.entries()));}
 */
final class RunReport {
    /** Where a script names its run file once for every command. */
    static final String RUN_FILE_ENV = "CONTAINER_ROLLOUT_RUN_FILE";

    static final Option[] OPTIONS = {
        Option.value("--run-file", "FILE", "append what this command did to a run file, one JSON line per entry"
                + " (default: $" + RUN_FILE_ENV + "); render it with 'report'"),
        Option.value("--report", "FILE.html", "write an HTML report: the whole run with a run file, else this command"),
        Option.value("--report-title", "TEXT", "title of the HTML report (default: Delivery report)"),
    };

    private final RunFile runFile;
    private final Path html;
    private final String title;

    private RunReport(RunFile runFile, Path html, String title) {
        this.runFile = runFile;
        this.html = html;
        this.title = title;
    }

    /**
     * The report the options ask for, checked now: an existing run file must be readable as one, and the HTML target
     * must not be a directory. Null when neither is asked for.
     */
    static RunReport from(ParsedOptions o, Terminal terminal) throws UsageException {
        String runFile = o.value("--run-file");
        if (runFile == null || runFile.isBlank()) {
            runFile = terminal.env().get(RUN_FILE_ENV);
        }
        String report = o.value("--report");
        if ((runFile == null || runFile.isBlank()) && report == null) {
            o.requireWith("--report", "--report-title");
            return null;
        }
        RunFile run = runFile == null || runFile.isBlank() ? null : new RunFile(Path.of(runFile));
        if (run != null) {
            try {
                run.read();
            } catch (IOException e) {
                throw new UsageException("--run-file: " + e.getMessage());
            }
        }
        Path html = report == null ? null : Path.of(report);
        if (html != null && Files.isDirectory(html)) {
            throw new UsageException("--report: " + report + " is a directory; give a file name such as report.html");
        }
        return new RunReport(run, html, o.value("--report-title"));
    }

    /**
     * Adds {@code entries} to the run file (a promoted or aborted rollout in place of its paused entry) and writes
     * the HTML page, as the options asked.
     */
    void save(List<ReportEntry> entries) throws IOException {
        List<ReportEntry> page = entries;
        if (runFile != null) {
            runFile.add(entries);
            page = runFile.read();
        }
        if (html != null) {
            HtmlReport.write(DeliveryReport.of(title, page), html);
        }
    }
}
