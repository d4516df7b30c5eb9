package io.jenkins.plugins.containerrollout.core.compose;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Variable interpolation in Compose values, as compose-spec/compose-spec {@code 12-interpolation.md} defines it:
 * {@code $VAR}, {@code ${VAR}}, {@code ${VAR:-default}} (unset or empty), {@code ${VAR-default}} (unset only),
 * {@code ${VAR:?message}} / {@code ${VAR?message}} (mandatory), nested defaults ({@code ${A:-${B:-x}}}) and
 * {@code $$} for a literal {@code $}. Any other form ({@code ${VAR/a/b}}, {@code $1}, an unclosed brace) is an error
 * naming the key, where the spec's reference implementation also refuses it. An unset variable without a default
 * becomes the empty string with a warning, as the spec says.
 *
 * <p>Usage: {@code new Interpolator(env::get).apply("${TAG:-latest}", "services.web.image")}
 */
public final class Interpolator {
    private final Function<String, String> lookup;
    private final List<String> warnings = new ArrayList<>();

    /** @param lookup a variable's value, or null when it is unset */
    public Interpolator(Function<String, String> lookup) {
        this.lookup = lookup;
    }

    /** The warnings so far: one per unset variable used without a default. */
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    /**
     * {@code value} with every variable replaced.
     *
     * @param where the key the value belongs to, named in errors and warnings
     * @throws ComposeException for a malformed expression or a mandatory variable that is unset (or empty)
     */
    public String apply(String value, String where) {
        StringBuilder out = new StringBuilder(value.length());
        int i = 0;
        while (i < value.length()) {
            char c = value.charAt(i);
            if (c != '$') {
                out.append(c);
                i++;
                continue;
            }
            if (i + 1 >= value.length()) {
                throw invalid(value, where, "a lone '$' at the end; write '$$' for a literal '$'");
            }
            char next = value.charAt(i + 1);
            if (next == '$') {
                out.append('$');
                i += 2;
            } else if (next == '{') {
                int close = matchingBrace(value, i + 2, where);
                out.append(braced(value.substring(i + 2, close), value, where));
                i = close + 1;
            } else if (isNameStart(next)) {
                int end = nameEnd(value, i + 1);
                out.append(valueOf(value.substring(i + 1, end), where));
                i = end;
            } else {
                throw invalid(value, where, "'$" + next + "' is not a variable; write '$$' for a literal '$'");
            }
        }
        return out.toString();
    }

    /** The text inside {@code ${...}}: a name, optionally followed by one of the four operators and its word. */
    private String braced(String body, String whole, String where) {
        int end = isNameStart(body.isEmpty() ? ' ' : body.charAt(0)) ? nameEnd(body, 0) : 0;
        if (end == 0) {
            throw invalid(whole, where, "'${" + body + "}' does not start with a variable name");
        }
        String name = body.substring(0, end);
        String rest = body.substring(end);
        if (rest.isEmpty()) {
            return valueOf(name, where);
        }
        boolean colon = rest.startsWith(":");
        String op = colon ? rest.substring(1, Math.min(2, rest.length())) : rest.substring(0, 1);
        String word = rest.substring(colon ? 2 : 1);
        String current = lookup.apply(name);
        boolean missing = current == null || (colon && current.isEmpty());
        switch (op) {
            case "-":
                return missing ? apply(word, where) : current;
            case "?":
                if (missing) {
                    String message = apply(word, where);
                    throw new ComposeException(where, "needs variable " + name + (colon ? ", which is unset or empty"
                            : ", which is unset") + (message.isEmpty() ? "" : ": " + message)
                            + "; set it in the environment or in the .env file beside the compose file");
                }
                return current;
            default:
                throw invalid(whole, where, "'${" + body + "}' uses an operator Compose does not define; use "
                        + "${VAR}, ${VAR:-default}, ${VAR-default}, ${VAR:?error} or ${VAR?error}");
        }
    }

    private String valueOf(String name, String where) {
        String v = lookup.apply(name);
        if (v == null) {
            warnings.add(where + ": variable " + name + " is not set, defaulting to a blank string");
            return "";
        }
        return v;
    }

    /** The index of the '}' closing the '${' whose body starts at {@code from}, counting nested '${'. */
    private static int matchingBrace(String s, int from, String where) {
        int depth = 1;
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '$' && i + 1 < s.length() && s.charAt(i + 1) == '$') {
                i++;
            } else if (c == '$' && i + 1 < s.length() && s.charAt(i + 1) == '{') {
                depth++;
                i++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        throw invalid(s, where, "a '${' is never closed; add the '}'");
    }

    private static boolean isNameStart(char c) {
        return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static int nameEnd(String s, int from) {
        int i = from;
        while (i < s.length() && (isNameStart(s.charAt(i)) || Character.isDigit(s.charAt(i)))) {
            i++;
        }
        return i;
    }

    private static ComposeException invalid(String value, String where, String why) {
        return new ComposeException(where, "has an invalid interpolation in '" + value + "': " + why);
    }
}
