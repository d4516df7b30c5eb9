package io.jenkins.plugins.containerrollout.core.image;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Builds a build-context directory tree for tests in a few fluent lines.
 *
 * <p>Usage: {@code ContextFiles.in(dir).file("src/a.txt", "a").mode("src/a.txt", "rwx------").symlink("l", "src/a.txt")}
 */
final class ContextFiles {
    private final Path root;

    private ContextFiles(Path root) {
        this.root = root;
    }

    static ContextFiles in(Path root) {
        return new ContextFiles(root);
    }

    Path root() {
        return root;
    }

    ContextFiles file(String path, String content) {
        try {
            Path file = root.resolve(path);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ContextFiles dir(String path) {
        try {
            Files.createDirectories(root.resolve(path));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sets permission bits, e.g. {@code "rwxr-x---"}. */
    ContextFiles mode(String path, String permissions) {
        try {
            Files.setPosixFilePermissions(root.resolve(path), PosixFilePermissions.fromString(permissions));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ContextFiles symlink(String path, String target) {
        try {
            Path link = root.resolve(path);
            Files.createDirectories(link.getParent());
            Files.createSymbolicLink(link, Path.of(target));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ContextFiles hardLink(String path, String existing) {
        try {
            Files.createLink(root.resolve(path), root.resolve(existing));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ContextFiles dockerignore(String... lines) {
        return file(".dockerignore", String.join("\n", lines) + "\n");
    }
}
