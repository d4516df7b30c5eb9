package io.jenkins.plugins.containerrollout.cli;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.containerrollout.core.report.ReportEntry;
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
    /** The kind of each line, as Jackson mix-ins: the core's report types stay free of any file format. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
    @JsonSubTypes({
            @JsonSubTypes.Type(value = ReportEntry.Build.class, name = "build"),
            @JsonSubTypes.Type(value = ReportEntry.Rollout.class, name = "rollout"),
            @JsonSubTypes.Type(value = ReportEntry.Verification.class, name = "verification"),
            @JsonSubTypes.Type(value = ReportEntry.Tests.class, name = "tests")})
    private interface EntryKinds {
    }

    private static final ObjectMapper JSON = new ObjectMapper().addMixIn(ReportEntry.class, EntryKinds.class);

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
            lines.append(JSON.writerFor(ReportEntry.class).writeValueAsString(e)).append('\n');
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
                entries.add(JSON.readValue(line, ReportEntry.class));
            } catch (JsonProcessingException e) {
                throw new IOException(file + " line " + number + " is not a run entry written by container-rollout ("
                        + e.getOriginalMessage() + "); start a new run file", e);
            }
        }
        return entries;
    }
}
