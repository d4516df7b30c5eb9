package io.jenkins.plugins.containerrollout.core.verify;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * The smoke test's JUnit XML files as written for a CI server's publisher: one directory per check, emptied of XML
 * first so that only this run's results are published, each file under its path in the container's archive, and
 * never outside the directory whatever an archive entry calls itself.
 */
final class ReportFiles {
    private ReportFiles() {
    }

    /** Deletes the {@code *.xml} files below {@code dir} (a previous run's), keeping anything else. */
    static void clear(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        List<Path> old;
        try (Stream<Path> walk = Files.walk(dir)) {
            old = walk.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(".xml")).toList();
        }
        for (Path p : old) {
            Files.delete(p);
        }
    }

    /**
     * Writes the rest of {@code in} to {@code dir/entry}.
     *
     * @throws IOException when {@code entry} would leave {@code dir} ({@code ../x.xml}, an absolute name)
     */
    static Path write(Path dir, String entry, InputStream in) throws IOException {
        Path base = dir.toAbsolutePath().normalize();
        Path target = base.resolve(entry).normalize();
        if (!target.startsWith(base) || target.equals(base)) {
            throw new IOException("report entry '" + entry + "' would be written outside " + dir);
        }
        Files.createDirectories(target.getParent());
        Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        return target;
    }
}
