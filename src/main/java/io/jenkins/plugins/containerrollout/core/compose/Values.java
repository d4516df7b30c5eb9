package io.jenkins.plugins.containerrollout.core.compose;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Typed reads of the loaded YAML tree, each failing with the key's dotted path. Interpolation turns numbers into
 * strings ({@code replicas: ${N:-2}} is the string {@code "2"}), so every reader accepts both, as Compose does when it
 * checks a file against its schema after interpolating it.
 */
final class Values {
    private Values() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object v, String where) {
        if (v == null) {
            return Map.of();
        }
        if (!(v instanceof Map)) {
            throw new ComposeException(where, "must be a mapping (key: value lines), not '" + v + "'");
        }
        return (Map<String, Object>) v;
    }

    static String string(Object v, String where) {
        if (v instanceof Map || v instanceof List) {
            throw new ComposeException(where, "must be a single value, not a " + (v instanceof Map ? "mapping" : "list"));
        }
        return v == null ? null : String.valueOf(v);
    }

    static int integer(Object v, String where, int min) {
        String s = string(v, where);
        try {
            int n = Integer.parseInt(s == null ? "" : s.trim());
            if (n >= min) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below with the key's name
        }
        throw new ComposeException(where, "must be a whole number of at least " + min + ", not '" + s + "'");
    }

    static boolean bool(Object v, String where) {
        String s = string(v, where);
        if ("true".equalsIgnoreCase(s) || "false".equalsIgnoreCase(s)) {
            return Boolean.parseBoolean(s);
        }
        throw new ComposeException(where, "must be true or false, not '" + s + "'");
    }

    /** Fails unless every key of {@code m} is in {@code allowed}; {@code x-} extension keys are always allowed. */
    static void onlyKeys(Map<String, Object> m, String where, Set<String> allowed) {
        onlyKeys(m, where, allowed, Map.of());
    }

    /**
     * Fails unless every key of {@code m} is in {@code allowed} or an {@code x-} extension; the error names the key,
     * the fix ({@code hints} has one for keys with a supported equivalent) and the keys supported at that place.
     */
    static void onlyKeys(Map<String, Object> m, String where, Set<String> allowed, Map<String, String> hints) {
        for (String key : m.keySet()) {
            if (!allowed.contains(key) && !key.startsWith("x-")) {
                String hint = hints.getOrDefault(key, "remove it");
                String supported = allowed.isEmpty() ? "no settings are supported here"
                        : "supported here: " + String.join(", ", new TreeSet<>(allowed));
                throw new ComposeException(where + "." + key, "is not supported by containerDeploy(compose:) / "
                        + "deploy --compose; " + hint + " (" + supported + "; docs/compose.md lists them)");
            }
        }
    }

    /**
     * A command or entrypoint: a list as it is, or a string split as a POSIX shell splits words (quotes and
     * backslashes), as Compose does; never wrapped in {@code sh -c}.
     */
    static List<String> command(Object v, String where) {
        if (v == null) {
            return null;
        }
        if (v instanceof List<?> list) {
            List<String> out = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                out.add(string(list.get(i), where + "[" + i + "]"));
            }
            return List.copyOf(out);
        }
        return shellWords(string(v, where), where);
    }

    /** A string or a list of strings ({@code env_file: a.env} or {@code [a.env, b.env]}), as a list. */
    static List<Object> oneOrMany(Object v) {
        if (v == null) {
            return List.of();
        }
        return v instanceof List<?> l ? new ArrayList<>(l) : List.of(v);
    }

    /**
     * A {@code KEY: value} mapping or a {@code - KEY=value} list (labels, environment). In the list form a bare
     * {@code KEY} (and in the map form a null value) takes {@code KEY} from {@code fallback}, and is left out when that
     * is null too, as Compose does for environment entries without a value.
     */
    static Map<String, String> keyValues(Object v, String where, Function<String, String> fallback) {
        Map<String, String> out = new LinkedHashMap<>();
        if (v instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                String item = string(list.get(i), where + "[" + i + "]");
                int eq = item == null ? -1 : item.indexOf('=');
                String key = eq < 0 ? item : item.substring(0, eq);
                if (key == null || key.isBlank()) {
                    throw new ComposeException(where + "[" + i + "]", "must be KEY=VALUE, not '" + item + "'");
                }
                String value = eq < 0 ? fallback.apply(key) : item.substring(eq + 1);
                if (value != null) {
                    out.put(key, value);
                }
            }
            return out;
        }
        for (Map.Entry<String, Object> e : map(v, where).entrySet()) {
            String value = e.getValue() == null ? fallback.apply(e.getKey()) : string(e.getValue(), where + "." + e.getKey());
            if (value != null) {
                out.put(e.getKey(), value);
            }
        }
        return out;
    }

    /** Splits {@code s} into words as a POSIX shell does (single quotes literal, double quotes and backslash escapes). */
    static List<String> shellWords(String s, String where) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote == '\'') {
                if (c == '\'') {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (quote == '"') {
                if (c == '"') {
                    quote = 0;
                } else if (c == '\\' && i + 1 < s.length() && "\"\\$`".indexOf(s.charAt(i + 1)) >= 0) {
                    word.append(s.charAt(++i));
                } else {
                    word.append(c);
                }
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                inWord = true;
                if (c == '\'' || c == '"') {
                    quote = c;
                } else if (c == '\\' && i + 1 < s.length()) {
                    word.append(s.charAt(++i));
                } else {
                    word.append(c);
                }
            }
        }
        if (quote != 0) {
            throw new ComposeException(where, "has an unclosed " + quote + " quote in '" + s + "'; close it or write the "
                    + "command as a list");
        }
        if (inWord) {
            words.add(word.toString());
        }
        return List.copyOf(words);
    }
}
