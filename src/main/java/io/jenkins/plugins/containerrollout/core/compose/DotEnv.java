package io.jenkins.plugins.containerrollout.core.compose;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads {@code .env} and {@code env_file} files: one {@code KEY=VALUE} a line, {@code #} comment lines and blank lines
 * skipped, an optional leading {@code export }. A value in single quotes is taken literally; a value in double quotes
 * or without quotes is interpolated (from the variables given and the lines before it), as Compose's dotenv reader
 * does; an unquoted value ends at {@code " #"}. A line without {@code =} is an error naming the file and the line.
 *
 * <p>Usage: {@code Map<String, String> vars = DotEnv.parse(text, ".env", environment::get)}
 */
public final class DotEnv {
    private DotEnv() {
    }

    /**
     * The variables of {@code text}, in file order.
     *
     * @param name     how errors name the file ({@code .env}, {@code services.web.env_file[0] (app.env)})
     * @param variables values for interpolation inside the file (null when unset); earlier lines are seen too
     */
    public static Map<String, String> parse(String text, String name, java.util.function.Function<String, String> variables) {
        Map<String, String> out = new LinkedHashMap<>();
        Interpolator interpolator = new Interpolator(v -> out.containsKey(v) ? out.get(v) : variables.apply(v));
        String[] lines = text.split("\r?\n", -1);
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("export ")) {
                line = line.substring(7).stripLeading();
            }
            int eq = line.indexOf('=');
            String where = name + " line " + (n + 1);
            if (eq <= 0) {
                throw new ComposeException(where, "is not KEY=VALUE: '" + line + "'");
            }
            String key = line.substring(0, eq).strip();
            String raw = line.substring(eq + 1).strip();
            String value;
            if (raw.length() >= 2 && raw.startsWith("'") && raw.endsWith("'")) {
                value = raw.substring(1, raw.length() - 1);
            } else if (raw.length() >= 2 && raw.startsWith("\"") && raw.endsWith("\"")) {
                value = interpolator.apply(unescape(raw.substring(1, raw.length() - 1)), where);
            } else {
                int comment = raw.indexOf(" #");
                value = interpolator.apply((comment >= 0 ? raw.substring(0, comment) : raw).strip(), where);
            }
            out.put(key, value);
        }
        return out;
    }

    private static String unescape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char e = s.charAt(++i);
                // an escaped '$' stays literal through the interpolation that follows
                b.append(switch (e) {
                    case 'n' -> "\n";
                    case 't' -> "\t";
                    case '$' -> "$$";
                    default -> String.valueOf(e);
                });
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
