package io.jenkins.plugins.containerrollout.cli;

import io.jenkins.plugins.containerrollout.core.record.Outcome;
import io.jenkins.plugins.containerrollout.core.report.DeliveryReport;
import io.jenkins.plugins.containerrollout.core.report.HtmlReport;
import io.jenkins.plugins.containerrollout.core.report.ReportEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code container-rollout report}: renders a run file (what {@code build}, {@code deploy}, {@code verify} and
 * {@code rollback} appended with {@code --run-file}) as one self-contained HTML page, and prints where it went.
 *
 * <p>Usage: {@code container-rollout report --run-file run.jsonl --out report.html --title "shop-web #42"}
 */
public final class ReportCommand implements Command {
    private static final Options OPTIONS = new Options(
            Option.value("--run-file", "FILE", "the run file the commands appended to").mandatory(),
            Option.value("--out", "FILE.html", "where to write the page").mandatory(),
            Option.value("--title", "TEXT", "page title (default: Delivery report)"),
            Option.value("--note", "TEXT", "a banner line above everything else"));

    @Override
    public String name() {
        return "report";
    }

    @Override
    public String summary() {
        return "Render a run file (see --run-file on build, deploy, verify, rollback) as one HTML report.";
    }

    @Override
    public Options options() {
        return OPTIONS;
    }

    @Override
    public Object run(ParsedOptions o, Terminal terminal) throws Exception {
        RunFile runFile = new RunFile(Path.of(o.value("--run-file")));
        if (!Files.isRegularFile(runFile.path())) {
            throw new UsageException("--run-file: " + runFile.path() + " does not exist; commands create it with"
                    + " --run-file (or $" + RunReport.RUN_FILE_ENV + ")");
        }
        Path out = Path.of(o.value("--out"));
        if (Files.isDirectory(out)) {
            throw new UsageException("--out: " + out + " is a directory; give a file name such as report.html");
        }
        List<ReportEntry> entries = runFile.read();
        DeliveryReport report = DeliveryReport.of(o.value("--title"), entries).withNote(o.value("--note"));
        HtmlReport.write(report, out);
        terminal.err().println("wrote " + out + ": " + entries.size() + " entries");
        return new Written(out.toAbsolutePath().toString(), entries.size(), report.outcome().orElse(null),
                report.changeFailed());
    }

    /**
     * What {@code report} prints.
     *
     * @param report       the page written, absolute
     * @param entries      entries rendered
     * @param outcome      the headline outcome (the last rollout's), or null when nothing was rolled out
     * @param changeFailed whether the run counts as a failed change (a rollback, a failed rollout or verification)
     */
    public record Written(String report, int entries, Outcome outcome, boolean changeFailed) {
    }
}
