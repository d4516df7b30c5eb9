package io.jenkins.plugins.containerrollout.core.image;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Archives a context in a child JVM run as user {@code nobody}: root reads every file whatever its mode, so a test
 * of what happens with an unreadable file can only be honest as someone else. {@link #main} is what the child runs.
 *
 * <p>Usage: {@code ArchiveAsNobody.Result r = ArchiveAsNobody.run(dir); assertEquals(ArchiveAsNobody.IO_FAILURE, r.exitCode());}
 */
final class ArchiveAsNobody {
    /** The child's exit code when archiving threw an {@link IOException}; its message is the child's output. */
    static final int IO_FAILURE = 3;

    private ArchiveAsNobody() {
    }

    /** The child: archives {@code args[0]} to nowhere; exit 0 when that worked, {@link #IO_FAILURE} when it could not. */
    public static void main(String[] args) {
        try {
            new ContextArchive(Path.of(args[0]), null, null).writeTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            System.out.print(e.getMessage());
            System.exit(IO_FAILURE);
        }
    }

    /**
     * Runs {@link #main} on {@code dir} as {@code nobody} (with {@code setpriv}, util-linux) and waits at most a minute.
     * The directories on the way to {@code dir} are opened to others (rwxr-xr-x) so that {@code nobody} can reach it;
     * the files keep their modes. The child's classes are copied under {@code openFrom} first: the checkout may lie
     * where {@code nobody} cannot enter (a clone in {@code /root}, or under {@code mktemp -d}).
     */
    static Result run(Path dir, Path openFrom) throws IOException, InterruptedException {
        for (Path p = dir; p != null && p.startsWith(openFrom); p = p.getParent()) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Path classes = Files.createTempDirectory(openFrom, "nobody-classpath");
        String classpath = readableCopy(location(ContextArchive.class), classes.resolve("main")) + ":"
                + readableCopy(location(ArchiveAsNobody.class), classes.resolve("test"));
        for (Path p = classes; p != null && p.startsWith(openFrom); p = p.getParent()) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        List<String> command = new ArrayList<>(List.of("setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:-UsePerfData", "-Xshare:off",
                "-cp", classpath, ArchiveAsNobody.class.getName(), dir.toString()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!p.waitFor(1, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("the child JVM did not finish within a minute: " + command);
        }
        return new Result(p.exitValue(), new String(p.getInputStream().readAllBytes()));
    }

    private static Path location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Copies a class directory or jar to {@code target}, readable by everyone; returns the copy. */
    private static Path readableCopy(Path source, Path target) throws IOException {
        try (Stream<Path> tree = Files.walk(source)) {
            for (Path from : (Iterable<Path>) tree::iterator) {
                Path to = target.resolve(source.relativize(from).toString());
                if (Files.isDirectory(from)) {
                    Files.createDirectories(to);
                    Files.setPosixFilePermissions(to, PosixFilePermissions.fromString("rwxr-xr-x"));
                } else {
                    Files.copy(from, to);
                    Files.setPosixFilePermissions(to, PosixFilePermissions.fromString("rw-r--r--"));
                }
            }
        }
        return target;
    }

    /** Exit code and combined output of the child. */
    record Result(int exitCode, String output) {
    }
}
