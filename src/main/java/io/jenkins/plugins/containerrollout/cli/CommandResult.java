package io.jenkins.plugins.containerrollout.cli;

import io.jenkins.plugins.containerrollout.core.report.ReportEntry;
import java.util.List;

/**
 * What a command hands back to {@link Main}: the object printed as JSON on stdout, the report entries it adds to the
 * run (an image build, a rollout, a verification), and, when the work ran but did not succeed (a rollout rolled back,
 * a verification failed), the one line that explains the exit code 1. The JSON is printed either way, so a script
 * can read what happened.
 *
 * <p>Usage: {@code return CommandResult.of(record, List.of(new ReportEntry.Rollout(record)), failed ? record.message() : null);}
 *
 * @param output  printed as one JSON object on stdout
 * @param entries report entries, in the order they happened; empty for read-only commands
 * @param failure why the command exits with 1, or null for success
 */
public record CommandResult(Object output, List<ReportEntry> entries, String failure) {
    public CommandResult {
        entries = List.copyOf(entries);
    }

    /** A success that adds nothing to a report (status, history). */
    public static CommandResult ok(Object output) {
        return new CommandResult(output, List.of(), null);
    }

    /** A result with report entries; {@code failure} null means success. */
    public static CommandResult of(Object output, List<ReportEntry> entries, String failure) {
        return new CommandResult(output, entries, failure);
    }
}
