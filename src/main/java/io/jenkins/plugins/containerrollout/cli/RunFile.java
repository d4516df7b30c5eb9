package io.jenkins.plugins.containerrollout.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.jenkins.plugins.containerrollout.core.report.ReportEntry;
import io.jenkins.plugins.containerrollout.core.report.ReportEntryJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * A delivery run kept on disk while a script runs it command by command: one {@link ReportEntry} per line as JSON
 * ({@code {"kind":"rollout","record":{...}}}), appended by each command, so nothing is rewritten and an interrupted
 * run keeps every entry it wrote. {@code report} renders the whole file as one HTML page.
 *
 * <p>Usage: {@code new RunFile(Path.of("run.jsonl")).append(List.of(new ReportEntry.Rollout(record)));}
 */
final class RunFile {
    private final Path file;

    RunFile(Path file) {
        this.file = file;
    }

    Path path() {
        return file;
    }

    /** Appends the entries, one line each; the file is created on the first append. */
    void append(List<ReportEntry> entries) throws IOException {
        StringBuilder lines = new StringBuilder();
        for (ReportEntry e : entries) {
            lines.append(ReportEntryJson.line(e)).append('\n');
        }
        if (file.toAbsolutePath().getParent() != null) {
            Files.createDirectories(file.toAbsolutePath().getParent());
        }
        // one write in append mode: commands of one run that finish together do not interleave their lines
        Files.write(file, lines.toString().getBytes(StandardCharsets.UTF_8), StandardOpenOption.CREATE,
                StandardOpenOption.APPEND, StandardOpenOption.WRITE);
    }

    /** Every entry in the file, in order; a missing file is an empty run. */
    List<ReportEntry> read() throws IOException {
        List<ReportEntry> entries = new ArrayList<>();
        if (!Files.exists(file)) {
            return entries;
        }
        int number = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            try {
                entries.add(ReportEntryJson.parse(line));
            } catch (JsonProcessingException e) {
                throw new IOException(file + " line " + number + " is not a run entry written by container-rollout ("
                        + e.getOriginalMessage() + "); start a new run file", e);
            }
        }
        return entries;
    }
}
