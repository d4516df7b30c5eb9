package io.jenkins.plugins.containerrollout.core.image;

import io.jenkins.plugins.containerrollout.core.RequestException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One {@code .dockerignore} pattern, checked and compiled the way the docker CLI's pattern matcher does it: syntax
 * checked like Go's {@code filepath.Match}, then matched as an exact string, a prefix ({@code a/**}), a suffix
 * ({@code **}{@code /a}) or a regular expression. The match kinds matter: {@code **foo} is a plain suffix test in
 * docker (it matches {@code barfoo}), not the regular expression one would expect.
 */
final class IgnorePattern {
    private enum Kind { EXACT, PREFIX, SUFFIX, REGEX }

    /** Regex metacharacters that are plain in a glob; the CLI escapes exactly these, and leaves {@code ^} alone. */
    private static final String PLAIN_IN_GLOB = ".+()|{}$";

    private final String text;
    private final boolean exception;
    private final int segments;
    private final Kind kind;
    private final Pattern regex;

    private IgnorePattern(String text, boolean exception, Kind kind, Pattern regex) {
        this.text = text;
        this.exception = exception;
        this.segments = text.split("/", -1).length;
        this.kind = kind;
        this.regex = regex;
    }

    /**
     * Compiles one pattern as read from the file ({@code "!"} prefix for an exception).
     *
     * @throws IllegalArgumentException with a short reason when the pattern is malformed
     */
    static IgnorePattern of(String raw) {
        String p = DockerIgnore.clean(DockerIgnore.trimSpace(raw));
        boolean exception = p.charAt(0) == '!';
        if (exception) {
            if (p.length() == 1) {
                throw new RequestException("illegal exclusion pattern \"!\"");
            }
            p = p.substring(1);
        }
        checkSyntax(p);
        return compile(p, exception);
    }

    String text() {
        return text;
    }

    boolean isException() {
        return exception;
    }

    /** Number of '/'-separated segments, which the CLI's older matcher uses to pick the one parent it tests. */
    int segments() {
        return segments;
    }

    boolean matches(String path) {
        switch (kind) {
            case EXACT:
                return path.equals(text);
            case PREFIX:
                return path.startsWith(text.substring(0, text.length() - 2));
            case SUFFIX:
                String suffix = text.substring(2);
                return path.endsWith(suffix) || suffix.startsWith("/") && path.equals(suffix.substring(1));
            default:
                return regex.matcher(path).matches();
        }
    }

    @Override
    public String toString() {
        return exception ? "!" + text : text;
    }

    /** Rejects what Go's {@code filepath.Match} rejects: a trailing backslash and malformed {@code [...]} classes. */
    private static void checkSyntax(String p) {
        int i = 0;
        while (i < p.length()) {
            char c = p.charAt(i);
            if (c == '\\') {
                if (i + 1 >= p.length()) {
                    throw new RequestException("trailing backslash");
                }
                i += 1 + Character.charCount(p.codePointAt(i + 1));
            } else if (c == '[') {
                i = CharClass.parse(p, i).end;
            } else {
                i++;
            }
        }
    }

    private static IgnorePattern compile(String p, boolean exception) {
        StringBuilder re = new StringBuilder();
        Kind kind = Kind.EXACT;
        int i = 0;
        boolean first = true;
        while (i < p.length()) {
            int c = p.codePointAt(i);
            i += Character.charCount(c);
            if (c == '*') {
                if (i < p.length() && p.charAt(i) == '*') {
                    i++;
                    if (i < p.length() && p.charAt(i) == '/') {
                        i++;
                    }
                    if (i >= p.length()) {
                        if (kind == Kind.EXACT) {
                            kind = Kind.PREFIX;
                        } else {
                            re.append(".*");
                            kind = Kind.REGEX;
                        }
                    } else {
                        re.append("(?:.*/)?");
                        kind = Kind.REGEX;
                    }
                    if (first) {
                        kind = Kind.SUFFIX;
                    }
                } else {
                    re.append("[^/]*");
                    kind = Kind.REGEX;
                }
            } else if (c == '?') {
                re.append("[^/]");
                kind = Kind.REGEX;
            } else if (c == '\\') {
                int escaped = p.codePointAt(i);
                i += Character.charCount(escaped);
                re.append(escape(escaped));
                kind = Kind.REGEX;
            } else if (c == '[') {
                CharClass cc = CharClass.parse(p, i - 1);
                re.append(cc.toRegex());
                i = cc.end;
                kind = Kind.REGEX;
            } else if (c == ']') {
                appendLiteral(re, c);
                kind = Kind.REGEX;
            } else if (c == '^') {
                // the CLI hands '^' to the regex engine unescaped, where it anchors at the start
                re.append('^');
            } else {
                appendLiteral(re, c);
            }
            first = false;
        }
        Pattern regex = kind == Kind.REGEX ? Pattern.compile(re.toString(), Pattern.UNIX_LINES) : null;
        return new IgnorePattern(p, exception, kind, regex);
    }

    /**
     * A backslash in a pattern reaches the CLI's regex engine (RE2) as-is: punctuation becomes literal, a few letters
     * are classes or anchors; other letters are errors there, and are reported as such here.
     */
    private static String escape(int c) {
        if (c >= 128) {
            throw new RequestException("unsupported escape \\" + new String(Character.toChars(c)));
        }
        if (!Character.isLetterOrDigit(c)) {
            StringBuilder sb = new StringBuilder();
            appendLiteral(sb, c);
            return sb.toString();
        }
        switch (c) {
            case 'd': return "[0-9]";
            case 'D': return "[^0-9]";
            case 'w': return "[0-9A-Za-z_]";
            case 'W': return "[^0-9A-Za-z_]";
            case 's': return "[\\t\\n\\f\\r ]";
            case 'S': return "[^\\t\\n\\f\\r ]";
            case 'b': return "\\b";
            case 'B': return "\\B";
            case 'A': return "\\A";
            case 'z': return "\\z";
            case 'a': return "\\x{7}";
            case 'f': return "\\x{c}";
            case 't': return "\\x{9}";
            case 'n': return "\\x{a}";
            case 'r': return "\\x{d}";
            case 'v': return "\\x{b}";
            default: throw new RequestException("unsupported escape \\" + (char) c);
        }
    }

    private static void appendLiteral(StringBuilder re, int c) {
        if (c < 128 && Character.isLetterOrDigit(c)) {
            re.append((char) c);
        } else {
            re.append("\\x{").append(Integer.toHexString(c)).append('}');
        }
    }

    /** A {@code [...]} class as Go's {@code filepath.Match} reads it: optional {@code ^}, then ranges, then {@code ]}. */
    private static final class CharClass {
        private final boolean negated;
        private final List<int[]> ranges;
        private final int end;

        private CharClass(boolean negated, List<int[]> ranges, int end) {
            this.negated = negated;
            this.ranges = ranges;
            this.end = end;
        }

        static CharClass parse(String p, int open) {
            int i = open + 1;
            boolean negated = i < p.length() && p.charAt(i) == '^';
            if (negated) {
                i++;
            }
            List<int[]> ranges = new ArrayList<>();
            while (true) {
                if (i < p.length() && p.charAt(i) == ']' && !ranges.isEmpty()) {
                    return new CharClass(negated, ranges, i + 1);
                }
                int[] lo = member(p, i);
                int[] hi = lo;
                if (p.charAt(lo[1]) == '-') {
                    hi = member(p, lo[1] + 1);
                }
                if (hi[0] < lo[0]) {
                    throw new RequestException("character class range out of order");
                }
                ranges.add(new int[] {lo[0], hi[0]});
                i = hi[1];
            }
        }

        /** Returns {code point, index after it}; a member must be followed by more pattern (the closing bracket). */
        private static int[] member(String p, int i) {
            if (i >= p.length() || p.charAt(i) == '-' || p.charAt(i) == ']') {
                throw new RequestException("malformed character class");
            }
            if (p.charAt(i) == '\\') {
                i++;
                if (i >= p.length()) {
                    throw new RequestException("malformed character class");
                }
            }
            int c = p.codePointAt(i);
            i += Character.charCount(c);
            if (i >= p.length()) {
                throw new RequestException("unterminated character class");
            }
            return new int[] {c, i};
        }

        String toRegex() {
            StringBuilder sb = new StringBuilder("[");
            if (negated) {
                sb.append('^');
            }
            for (int[] r : ranges) {
                sb.append("\\x{").append(Integer.toHexString(r[0])).append('}');
                if (r[1] != r[0]) {
                    sb.append("-\\x{").append(Integer.toHexString(r[1])).append('}');
                }
            }
            return sb.append(']').toString();
        }
    }
}
