package io.jenkins.plugins.containerrollout.core.image;

import io.jenkins.plugins.containerrollout.core.RequestException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The rules of a {@code .dockerignore} file, read and applied exactly as {@code DOCKER_BUILDKIT=0 docker build} does:
 * comments and blank lines skipped, each pattern trimmed and path-cleaned with a leading {@code /} dropped, Go glob
 * syntax plus {@code **}, {@code !} exceptions where the last matching line wins, and a pattern that matches a
 * directory excluding everything below it. Like the CLI, an excluded directory is only descended into when an
 * exception's text starts with that directory's path ({@code !build/keep.txt} rescues {@code build/keep.txt}, while
 * {@code !**}{@code /keep.txt} does not reach into an excluded {@code build/}).
 *
 * <p>Usage: {@code if (!DockerIgnore.read(context).excludes("src/main.go")) { ... }}
 */
public final class DockerIgnore {
    private static final DockerIgnore EMPTY = new DockerIgnore(List.of());

    private final List<IgnorePattern> patterns;
    private final boolean hasExceptions;

    private DockerIgnore(List<IgnorePattern> patterns) {
        this.patterns = List.copyOf(patterns);
        this.hasExceptions = patterns.stream().anyMatch(IgnorePattern::isException);
    }

    /**
     * Parses the text of a {@code .dockerignore} file.
     *
     * @throws IllegalArgumentException naming the line and the pattern when a pattern is malformed
     */
    public static DockerIgnore parse(String dockerignoreText) {
        List<IgnorePattern> patterns = new ArrayList<>();
        String[] lines = dockerignoreText.split("\n", -1);
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n];
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            if (n == 0 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            // only a '#' in the very first column makes a comment; "  # x" is a pattern
            if (line.startsWith("#")) {
                continue;
            }
            String pattern = trimSpace(line);
            if (pattern.isEmpty()) {
                continue;
            }
            boolean exception = pattern.charAt(0) == '!';
            if (exception) {
                pattern = trimSpace(pattern.substring(1));
            }
            if (!pattern.isEmpty()) {
                pattern = clean(pattern);
                if (pattern.length() > 1 && pattern.charAt(0) == '/') {
                    pattern = pattern.substring(1);
                }
            }
            if (exception) {
                pattern = "!" + pattern;
            }
            try {
                patterns.add(IgnorePattern.of(pattern));
            } catch (IllegalArgumentException e) {
                throw new RequestException(".dockerignore line " + (n + 1) + ": invalid pattern \""
                        + trimSpace(line) + "\": " + e.getMessage(), e);
            }
        }
        return patterns.isEmpty() ? EMPTY : new DockerIgnore(patterns);
    }

    /**
     * Reads {@code contextDir/.dockerignore}; no file means nothing is excluded.
     *
     * @throws IllegalArgumentException when a pattern is malformed
     */
    public static DockerIgnore read(Path contextDir) throws IOException {
        Path file = contextDir.resolve(".dockerignore");
        if (!Files.exists(file)) {
            return EMPTY;
        }
        return parse(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
    }

    /** Ignores nothing. */
    public static DockerIgnore none() {
        return EMPTY;
    }

    /** The effective patterns in file order, cleaned, exceptions with their {@code !}. */
    public List<String> patterns() {
        List<String> out = new ArrayList<>();
        patterns.forEach(p -> out.add(p.toString()));
        return Collections.unmodifiableList(out);
    }

    /**
     * Whether the CLI would leave this path out of the build context.
     *
     * @param path relative to the context root, {@code /}-separated
     */
    public boolean excludes(String path) {
        String p = clean(path);
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        if (p.isEmpty() || p.equals(".")) {
            return false;
        }
        String[] parts = p.split("/");
        Verdict verdict = null;
        String prefix = "";
        for (int i = 0; i < parts.length; i++) {
            prefix = i == 0 ? parts[0] : prefix + "/" + parts[i];
            verdict = verdict(prefix, verdict);
            if (verdict.excluded() && i < parts.length - 1 && !mayReincludeUnder(prefix)) {
                return true;
            }
        }
        return verdict.excluded();
    }

    /**
     * Decides one walked path from its parent directory's verdict (null at the top level). Like the CLI's walk, a
     * pattern that matched the parent counts as matching the child, and the last applicable pattern decides.
     */
    Verdict verdict(String path, Verdict parent) {
        boolean excluded = false;
        boolean[] matched = new boolean[patterns.size()];
        for (int i = 0; i < patterns.size(); i++) {
            IgnorePattern pattern = patterns.get(i);
            boolean match = parent != null && parent.matched[i];
            if (!match) {
                // an exclusion cannot change an excluded path, nor an exception an included one
                if (pattern.isException() != excluded) {
                    continue;
                }
                match = pattern.matches(path);
            }
            matched[i] = match;
            if (match) {
                excluded = !pattern.isException();
            }
        }
        return new Verdict(excluded, matched);
    }

    /**
     * Whether an excluded directory must still be walked because an exception's text starts with its path; this is
     * the CLI's (textual) test, so an exception such as {@code !**}{@code /x} does not count.
     */
    boolean mayReincludeUnder(String dir) {
        if (!hasExceptions) {
            return false;
        }
        String dirSlash = dir + "/";
        for (IgnorePattern p : patterns) {
            if (p.isException() && (p.text() + "/").startsWith(dirSlash)) {
                return true;
            }
        }
        return false;
    }

    /**
     * These rules plus an exception for {@code path} when the CLI would add one: it keeps the Dockerfile and
     * {@code .dockerignore} in the context with {@code !path}, deciding with its older matcher that tests a single
     * parent directory.
     */
    DockerIgnore keeping(String path) {
        if (!legacyMatches(path)) {
            return this;
        }
        List<IgnorePattern> more = new ArrayList<>(patterns);
        try {
            more.add(IgnorePattern.of("!" + path));
        } catch (IllegalArgumentException notAPattern) {
            return this; // the archive adds the file at the end anyway
        }
        return new DockerIgnore(more);
    }

    private boolean legacyMatches(String file) {
        String f = clean(file);
        if (f.equals(".")) {
            return false;
        }
        int slash = f.lastIndexOf('/');
        String[] parentDirs = slash < 0 ? new String[0] : f.substring(0, slash).split("/");
        boolean excluded = false;
        for (IgnorePattern pattern : patterns) {
            if (pattern.isException() != excluded) {
                continue;
            }
            boolean match = pattern.matches(f);
            if (!match && parentDirs.length > 0 && pattern.segments() <= parentDirs.length) {
                match = pattern.matches(String.join("/", List.of(parentDirs).subList(0, pattern.segments())));
            }
            if (match) {
                excluded = !pattern.isException();
            }
        }
        return excluded;
    }

    @Override
    public String toString() {
        return "DockerIgnore" + patterns();
    }

    /** The outcome for one path, and which patterns matched it (its children inherit those matches). */
    static final class Verdict {
        private final boolean excluded;
        private final boolean[] matched;

        Verdict(boolean excluded, boolean[] matched) {
            this.excluded = excluded;
            this.matched = matched;
        }

        boolean excluded() {
            return excluded;
        }
    }

    /** Go's {@code filepath.Clean} for '/'-separated paths. */
    static String clean(String path) {
        if (path.isEmpty()) {
            return ".";
        }
        boolean rooted = path.charAt(0) == '/';
        List<String> parts = new ArrayList<>();
        for (String segment : path.split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                if (!parts.isEmpty() && !parts.get(parts.size() - 1).equals("..")) {
                    parts.remove(parts.size() - 1);
                } else if (!rooted) {
                    parts.add("..");
                }
            } else {
                parts.add(segment);
            }
        }
        String joined = String.join("/", parts);
        if (rooted) {
            return "/" + joined;
        }
        return joined.isEmpty() ? "." : joined;
    }

    /** Go's {@code strings.TrimSpace}, whose notion of white space differs from {@link String#strip()}. */
    static String trimSpace(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isGoSpace(s.codePointAt(start))) {
            start += Character.charCount(s.codePointAt(start));
        }
        while (end > start && isGoSpace(s.codePointBefore(end))) {
            end -= Character.charCount(s.codePointBefore(end));
        }
        return s.substring(start, end);
    }

    private static boolean isGoSpace(int c) {
        switch (c) {
            case '\t': case '\n': case 0x0B: case '\f': case '\r': case ' ': case 0x85: case 0xA0:
                return true;
            default:
                return c == 0x1680 || c >= 0x2000 && c <= 0x200A || c == 0x2028 || c == 0x2029 || c == 0x202F
                        || c == 0x205F || c == 0x3000;
        }
    }
}
