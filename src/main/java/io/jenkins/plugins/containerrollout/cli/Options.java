package io.jenkins.plugins.containerrollout.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The options a command declares, and the parser for them: {@code --name value}, {@code --name=value}, flags,
 * repeatable options; no positional arguments. Its errors are {@link UsageException}s naming the offending word.
 *
 * <p>Usage: {@code ParsedOptions o = new Options(Option.value("--tag", "NAME:TAG", "tag").mandatory()).parse(args);}
 */
public final class Options {
    private final Map<String, Option> byName = new LinkedHashMap<>();

    public Options(Option... options) {
        for (Option o : options) {
            byName.put(o.name(), o);
        }
    }

    /** Options from several groups (a command's own, then shared ones such as the report options), in order. */
    public static Options of(Option[]... groups) {
        // a loop, not a stream: every command's table is built for --help too, in a JVM that has run no lambda yet
        List<Option> all = new ArrayList<>();
        for (Option[] group : groups) {
            all.addAll(List.of(group));
        }
        return new Options(all.toArray(new Option[0]));
    }

    /** Whether the command accepts the option at all. */
    public boolean declares(String name) {
        return byName.containsKey(name);
    }

    /** Parses arguments (without the subcommand word). */
    public ParsedOptions parse(List<String> args) throws UsageException {
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--")) {
                throw new UsageException("unexpected argument \"" + arg + "\"");
            }
            int eq = arg.indexOf('=');
            String name = eq < 0 ? arg : arg.substring(0, eq);
            Option option = byName.get(name);
            if (option == null) {
                throw new UsageException("unknown option " + name + closest(name).map(c -> "; did you mean " + c + "?").orElse(""));
            }
            if (option.refused()) {
                throw new UsageException(name + " is not accepted: " + option.description());
            }
            String value;
            if (!option.takesValue()) {
                if (eq >= 0) {
                    throw new UsageException(name + " takes no value");
                }
                value = "true";
            } else if (eq >= 0) {
                value = arg.substring(eq + 1);
            } else if (i + 1 < args.size()) {
                value = args.get(++i);
            } else {
                throw new UsageException(name + " needs a value (" + option.valueName() + ")");
            }
            List<String> list = values.computeIfAbsent(name, k -> new ArrayList<>());
            if (!list.isEmpty() && !option.repeatable()) {
                throw new UsageException(name + " was given more than once");
            }
            list.add(value);
        }
        for (Option o : byName.values()) {
            if (o.required() && !values.containsKey(o.name())) {
                throw new UsageException("missing " + o.name() + " " + o.valueName());
            }
        }
        return new ParsedOptions(values);
    }

    /**
     * The declared option nearest to a mistyped {@code name} (a letter dropped, added, changed or two swapped), when
     * it is near enough to be the one meant: at most two edits, and fewer than a third of the word.
     */
    Optional<String> closest(String name) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (Option o : byName.values()) {
            int d = distance(name, o.name());
            if (!o.refused() && d < bestDistance) {
                best = o.name();
                bestDistance = d;
            }
        }
        return bestDistance <= Math.min(2, Math.max(1, (name.length() - 2) / 3)) ? Optional.of(best) : Optional.empty();
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours. */
    private static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            for (int j = 0; j <= b.length(); j++) {
                if (i == 0 || j == 0) {
                    d[i][j] = i + j;
                    continue;
                }
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    /** The option list for a command's help, one option a line, descriptions aligned, {@code --help} last. */
    public String help() {
        List<String> left = new ArrayList<>();
        List<String> right = new ArrayList<>();
        for (Option o : byName.values()) {
            if (!o.refused()) {
                left.add(o.name() + (o.takesValue() ? " " + o.valueName() : ""));
                right.add(o.description() + (o.required() ? " (required)" : "") + (o.repeatable() ? " (repeatable)" : ""));
            }
        }
        left.add("--help");
        right.add("show this help");
        int width = 0;
        for (String l : left) {
            width = Math.max(width, l.length() + 2);
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < left.size(); i++) {
            out.append("  ").append(left.get(i)).append(" ".repeat(width - left.get(i).length())).append(right.get(i))
                    .append('\n');
        }
        return out.toString();
    }

    /** The required options as they appear in a usage line: {@code --context DIR --tag NAME:TAG}. */
    public String requiredSynopsis() {
        StringBuilder out = new StringBuilder();
        for (Option o : byName.values()) {
            if (o.required()) {
                out.append(' ').append(o.name()).append(' ').append(o.valueName());
            }
        }
        return out.toString();
    }
}
