package io.jenkins.plugins.containerrollout.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The options found on a command line, by name (with dashes), with typed accessors whose errors are usage errors.
 *
 * <p>Usage: {@code Map<String, String> args = options.pairs("--build-arg");}
 */
public final class ParsedOptions {
    private final Map<String, List<String>> values;

    ParsedOptions(Map<String, List<String>> values) {
        this.values = values;
    }

    /** The value of a single-valued option, or null when absent. */
    public String value(String name) {
        List<String> v = values.get(name);
        return v == null ? null : v.get(v.size() - 1);
    }

    /** Every value of a repeatable option, in command-line order; empty when absent. */
    public List<String> values(String name) {
        return List.copyOf(values.getOrDefault(name, List.of()));
    }

    public boolean flag(String name) {
        return values.containsKey(name);
    }

    /** A repeatable {@code KEY=VALUE} option as an ordered map; a later key wins, as with {@code docker build}. */
    public Map<String, String> pairs(String name) throws UsageException {
        Map<String, String> pairs = new LinkedHashMap<>();
        for (String v : values(name)) {
            int eq = v.indexOf('=');
            if (eq <= 0) {
                throw new UsageException(name + " wants KEY=VALUE, not \"" + v + "\"");
            }
            pairs.put(v.substring(0, eq), v.substring(eq + 1));
        }
        return pairs;
    }

    /** A positive whole number, or {@code fallback} when absent. */
    public long positive(String name, long fallback) throws UsageException {
        return whole(name, fallback, 1, Long.MAX_VALUE, "a positive whole number");
    }

    /** A positive whole number that fits an int (a count, a port), or {@code fallback} when absent. */
    public int positiveInt(String name, int fallback) throws UsageException {
        return (int) whole(name, fallback, 1, Integer.MAX_VALUE, "a positive whole number");
    }

    /** A whole number of at least 0 that fits an int, or {@code fallback} when absent. */
    public int nonNegative(String name, int fallback) throws UsageException {
        return (int) whole(name, fallback, 0, Integer.MAX_VALUE, "a whole number of 0 or more");
    }

    private long whole(String name, long fallback, long min, long max, String what) throws UsageException {
        String v = value(name);
        if (v == null) {
            return fallback;
        }
        try {
            long n = Long.parseLong(v.trim());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below, with the option's name
        }
        throw new UsageException(name + " wants " + what + ", not \"" + v + "\"");
    }

    /** A decimal number from {@code min} to {@code max}, or {@code fallback} when absent. */
    public double decimal(String name, double fallback, double min, double max) throws UsageException {
        String v = value(name);
        if (v == null) {
            return fallback;
        }
        try {
            double d = Double.parseDouble(v.trim());
            if (d >= min && d <= max) {
                return d;
            }
        } catch (NumberFormatException e) {
            // reported below, with the option's name
        }
        throw new UsageException(name + " wants a number from " + min + " to " + max + ", not \"" + v + "\"");
    }

    /** Options that only make sense with {@code anchor}: naming one without it is a usage error. */
    public void requireWith(String anchor, String... dependents) throws UsageException {
        if (flag(anchor)) {
            return;
        }
        for (String d : dependents) {
            if (flag(d)) {
                throw new UsageException(d + " needs " + anchor);
            }
        }
    }
}
