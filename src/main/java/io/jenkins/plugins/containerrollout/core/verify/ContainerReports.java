package io.jenkins.plugins.containerrollout.core.verify;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import io.jenkins.plugins.containerrollout.core.verify.junit.JunitParser;
import io.jenkins.plugins.containerrollout.core.verify.junit.JunitReport;
import io.jenkins.plugins.containerrollout.core.verify.junit.JunitReportException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Copies JUnit XML out of a (stopped) container with the archive API and parses each file straight from the tar
 * stream; with a target directory it first writes each file there (under its path in the archive), so a CI server's
 * JUnit publisher can read it, and parses the written copy. The path is a file, a directory (every {@code *.xml}
 * below it), or a directory and a glob for the file name ({@code /reports/TEST-*.xml}).
 */
final class ContainerReports {
    /** Report files read per container at most: a directory of thousands of XML files is not a test report. */
    private static final int MAX_FILES = 1000;

    /**
     * @param files  report paths inside the container that were parsed
     * @param report their merged totals
     * @param error  why the reports cannot be trusted (none found, malformed with file and line), or ""
     */
    record Collected(List<String> files, JunitReport report, String error) {
    }

    private ContainerReports() {
    }

    /** @param writeTo where to write the files too, or null; its {@code *.xml} files are deleted first */
    static Collected collect(DockerClient docker, String containerId, String reportPath, Path writeTo) {
        int slash = reportPath.lastIndexOf('/');
        String last = reportPath.substring(slash + 1);
        boolean glob = last.matches(".*[*?\\[{].*");
        String copyFrom = glob ? (slash == 0 ? "/" : reportPath.substring(0, slash)) : reportPath;
        PathMatcher names = glob ? FileSystems.getDefault().getPathMatcher("glob:" + last) : null;
        // entries are named relative to the copied path's parent ("reports/a.xml" for /reports)
        String parent = copyFrom.equals("/") ? "" : copyFrom.substring(0, copyFrom.lastIndexOf('/'));
        List<String> files = new ArrayList<>();
        JunitReport report = JunitReport.EMPTY;
        JunitParser parser = new JunitParser();
        if (writeTo != null) {
            try {
                ReportFiles.clear(writeTo); // first: a run that finds no report must not leave the last run's to publish
            } catch (IOException e) {
                return new Collected(files, report, "cannot clear " + writeTo + " of earlier reports: " + e.getMessage());
            }
        }
        try (InputStream in = docker.copyArchiveFromContainerCmd(containerId, copyFrom).exec();
             TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
            for (TarArchiveEntry e = tar.getNextEntry(); e != null && files.size() < MAX_FILES; e = tar.getNextEntry()) {
                String name = e.getName();
                if (!e.isFile() || !wanted(name, names)) {
                    continue;
                }
                String path = parent + "/" + name;
                files.add(path);
                if (writeTo == null) {
                    report = report.merge(parser.parse(tar, path));
                } else {
                    Path written = ReportFiles.write(writeTo, name, tar);
                    try (InputStream copy = Files.newInputStream(written)) {
                        report = report.merge(parser.parse(copy, path));
                    }
                }
            }
        } catch (NotFoundException e) {
            return new Collected(files, report, "no JUnit report at " + reportPath + " in the container: nothing there");
        } catch (JunitReportException e) {
            return new Collected(files, report, e.getMessage());
        } catch (IOException e) {
            return new Collected(files, report, "cannot copy " + reportPath + " out of the container: " + e.getMessage());
        }
        String error = files.isEmpty() ? "no JUnit report at " + reportPath + " in the container"
                + (glob ? ": no file matches " + last : ": no .xml file there") : "";
        return new Collected(files, report, error);
    }

    /** With a glob: files directly in the directory whose name matches; without: the file itself or any *.xml below. */
    private static boolean wanted(String entry, PathMatcher names) {
        String[] parts = entry.split("/");
        if (names != null) {
            return parts.length == 2 && names.matches(Path.of(parts[1]));
        }
        return parts.length == 1 || entry.endsWith(".xml");
    }
}
