package io.jenkins.plugins.containerrollout.model;

import io.jenkins.plugins.containerrollout.core.report.ReportEntry;
import io.jenkins.plugins.containerrollout.core.report.ReportEntryJson;
import java.io.File;
import java.io.IOException;
import java.lang.ref.SoftReference;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The full recorded entries of one build, kept as {@code <build dir>/container-rollout/entries.json} beside
 * {@code build.xml}: they can be large (timelines, evidence, failing test cases), so {@code build.xml} holds only the
 * summaries and this file is read when someone opens the report, then kept while memory allows.
 *
 * <p>Usage: {@code new EntryStore(run.getRootDir()).append(entry); List<ReportEntry> all = store.entries();}
 */
class EntryStore {
    /** Folder inside the build directory. */
    static final String FOLDER = "container-rollout";
    static final String FILE = "entries.json";

    private final Path file;
    // Soft, not strong: a Jenkins with thousands of loaded builds must not keep every report in memory.
    private volatile SoftReference<List<ReportEntry>> cache = new SoftReference<>(null);

    EntryStore(File buildDir) {
        this.file = buildDir.toPath().resolve(FOLDER).resolve(FILE);
    }

    Path file() {
        return file;
    }

    /** The entries in recording order; empty when none was recorded (or the file was removed). */
    synchronized List<ReportEntry> entries() throws IOException {
        List<ReportEntry> cached = cache.get();
        if (cached != null) {
            return cached;
        }
        List<ReportEntry> read;
        try {
            read = List.copyOf(ReportEntryJson.read(Files.readAllBytes(file)));
        } catch (NoSuchFileException e) {
            read = List.of();
        }
        cache = new SoftReference<>(read);
        return read;
    }

    /**
     * Adds an entry and rewrites the file atomically (a new file moved over the old one), so a crash never leaves
     * half a file.
     *
     * @return the entry's index
     */
    synchronized int append(ReportEntry entry) throws IOException {
        List<ReportEntry> all = new ArrayList<>(entries());
        all.add(entry);
        rewrite(all);
        return all.size() - 1;
    }

    /**
     * Puts {@code entry} in place of the one at {@code index} (a paused rollout's entry, by the record that continued
     * it), rewriting the file as {@link #append} does.
     */
    synchronized void replace(int index, ReportEntry entry) throws IOException {
        List<ReportEntry> all = new ArrayList<>(entries());
        all.set(index, entry);
        rewrite(all);
    }

    private void rewrite(List<ReportEntry> all) throws IOException {
        Files.createDirectories(file.getParent());
        Path temp = Files.createTempFile(file.getParent(), FILE, ".tmp");
        try {
            write(temp, ReportEntryJson.write(all));
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
        cache = new SoftReference<>(List.copyOf(all));
    }

    /** Writes the new file's bytes; a seam for the test that holds a write to show who waits for it. */
    void write(Path temp, byte[] bytes) throws IOException {
        Files.write(temp, bytes);
    }
}
