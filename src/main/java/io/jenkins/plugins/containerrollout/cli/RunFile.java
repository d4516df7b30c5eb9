package io.jenkins.plugins.containerrollout.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.jenkins.plugins.containerrollout.core.record.Outcome;
import io.jenkins.plugins.containerrollout.core.record.RolloutRecord;
import io.jenkins.plugins.containerrollout.core.report.ReportEntry;
import io.jenkins.plugins.containerrollout.core.report.ReportEntryJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A delivery run kept on disk while a script runs it command by command: one {@link ReportEntry} per line as JSON
 * ({@code {"kind":"rollout","record":{...}}}), appended by each command, so an interrupted run keeps every entry it
 * wrote. The one rewrite: a rollout that paused and was then promoted or aborted is one entry, so the record of the
 * promote (or abort) takes the place of the paused one ({@link #add}). {@code report} renders the whole file as one
 * HTML page.
 *
 * <p>Usage: {@code new RunFile(Path.of("run.jsonl")).add(List.of(new ReportEntry.Rollout(record)));}
 */
final class RunFile {
    private final Path file;

    RunFile(Path file) {
        this.file = file;
    }

    Path path() {
        return file;
    }

    /**
     * Adds the entries: a rollout that goes on from a paused one in the file (same app, target revision and start,
     * {@link #continues}) replaces that entry where it stands; the rest are appended.
     */
    void add(List<ReportEntry> entries) throws IOException {
        List<ReportEntry> run = read();
        List<ReportEntry> rest = new ArrayList<>();
        boolean replaced = false;
        for (ReportEntry e : entries) {
            int paused = e instanceof ReportEntry.Rollout r ? pausedOf(run, r.record()) : -1;
            if (paused < 0) {
                rest.add(e);
            } else {
                run.set(paused, e);
                replaced = true;
            }
        }
        if (replaced) {
            rewrite(run);
        }
        append(rest);
    }

    /** Where in {@code run} the paused entry of the rollout {@code later} goes on from is, or -1. */
    private static int pausedOf(List<ReportEntry> run, RolloutRecord later) {
        for (int i = run.size() - 1; i >= 0; i--) {
            if (run.get(i) instanceof ReportEntry.Rollout r && continues(later, r.record())) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Whether {@code later} is the same rollout as {@code paused}, which held at a pause: a promote or an abort goes on
     * with the paused deploy's record (its app, target revision and start time).
     */
    static boolean continues(RolloutRecord later, RolloutRecord paused) {
        return paused.outcome() == Outcome.PAUSED && Objects.equals(later.app(), paused.app())
                && later.toRevision() == paused.toRevision() && later.startedAtMillis() == paused.startedAtMillis();
    }

    /**
     * Writes the whole run anew, through a file beside it moved into place: a reader never sees half a file. A line
     * another command appends between the read and the move is lost; commands of one script run one after another.
     */
    private void rewrite(List<ReportEntry> run) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Path next = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
        try {
            Files.write(next, lines(run).getBytes(StandardCharsets.UTF_8));
            Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(next);
        }
    }

    private static String lines(List<ReportEntry> entries) throws IOException {
        StringBuilder lines = new StringBuilder();
        for (ReportEntry e : entries) {
            lines.append(ReportEntryJson.line(e)).append('\n');
        }
        return lines.toString();
    }

    /** Appends the entries, one line each; the file is created on the first append. */
    void append(List<ReportEntry> entries) throws IOException {
        if (entries.isEmpty()) {
            return;
        }
        if (file.toAbsolutePath().getParent() != null) {
            Files.createDirectories(file.toAbsolutePath().getParent());
        }
        // one write in append mode: commands of one run that finish together do not interleave their lines
        Files.write(file, lines(entries).getBytes(StandardCharsets.UTF_8), StandardOpenOption.CREATE,
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
