package io.jenkins.plugins.containerrollout.core.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A rollout's strategy and settings as a person writes them in the Pipeline DSL: {@code blueGreen}, not
 * {@code blue_green}; {@code maxSurge 1}, not {@code maxSurge=1 = 1}; {@code batchDelaySeconds 5}, not
 * {@code batchDelayMillis=5000}; a percentage keeps what it resolved to ({@code maxSurge 25 % (1 replica)}). The record
 * keeps the resolved form ({@code RolloutStrategy#describe}); only the display changes here.
 *
 * <p>Usage: {@code StrategySettings.lines(record.settings()) // ["maxSurge 1", "maxUnavailable 0", ...]}
 */
final class StrategySettings {
    /** The DSL's order: the strategy's own parameters first, then those every strategy has. */
    /** {@code 25% (1)}: a percentage and the replicas it resolved to, as the strategy records it. */
    private static final java.util.regex.Pattern RESOLVED = java.util.regex.Pattern.compile("(\\d+%) \\((\\d+)\\)");
    private static final List<String> ORDER = List.of("maxSurge", "maxUnavailable", "batchDelaySeconds", "replacement",
            "scaleDownDelaySeconds", "steps", "canaryReplicas", "analysis", "analysisPath", "analysisRequests", "minSuccessRatio",
            "maxP95Millis", "failureLimit", "minReadySeconds", "progressDeadlineSeconds", "failureRatio", "autoRollback");

    private StrategySettings() {
    }

    /** The strategy's DSL symbol: {@code recreate}, {@code rolling}, {@code blueGreen}, {@code canary}. */
    static String name(String strategy) {
        if (strategy == null) {
            return "";
        }
        return strategy.equalsIgnoreCase("blue_green") || strategy.equalsIgnoreCase("bluegreen") ? "blueGreen"
                : strategy;
    }

    /** One "name value" line per setting, in the DSL's order (unknown ones after, by name). */
    static List<String> lines(Map<String, String> settings) {
        Map<String, String> rest = new TreeMap<>();
        Map<String, String> known = new TreeMap<>();
        settings.forEach((k, v) -> {
            String[] nv = display(k, v == null ? "" : v);
            (ORDER.contains(nv[0]) ? known : rest).put(nv[0], nv[1]);
        });
        List<String> out = new ArrayList<>();
        for (String k : ORDER) {
            if (known.containsKey(k)) {
                out.add(k + " " + known.get(k));
            }
        }
        rest.forEach((k, v) -> out.add(k + " " + v));
        return out;
    }

    /** The DSL name and value of one recorded setting. */
    private static String[] display(String key, String value) {
        if (key.equals("batchDelayMillis")) {
            try {
                return new String[] {"batchDelaySeconds", Format.px(Long.parseLong(value) / 1000.0)
                        .replaceAll("\\.0$", "")};
            } catch (NumberFormatException e) {
                return new String[] {key, value};
            }
        }
        if (key.equals("steps")) {
            return new String[] {key, steps(value)};
        }
        int eq = value.indexOf(" = ");
        java.util.regex.Matcher resolvedAs = RESOLVED.matcher(value);
        if (eq > 0 || resolvedAs.matches()) {
            // "25% = 1" (records before #16) or "25% (1)": the amount as written, and what it resolved to
            String written = eq > 0 ? value.substring(0, eq).trim() : resolvedAs.group(1);
            String resolved = eq > 0 ? value.substring(eq + 3).trim() : resolvedAs.group(2);
            String shown = written.endsWith("%") ? written.substring(0, written.length() - 1).trim() + " %" : written;
            return new String[] {key, written.equals(resolved) ? shown
                    : shown + " (" + resolved + (resolved.equals("1") ? " replica)" : " replicas)")};
        }
        return new String[] {key, value};
    }

    /** {@code 20:2,50:2} as {@code 20 % for 2 s, 50 % for 2 s}. */
    static String steps(String value) {
        StringBuilder s = new StringBuilder();
        for (String step : value.split(",")) {
            String[] wp = step.trim().split(":");
            if (wp[0].isEmpty()) {
                continue;
            }
            s.append(s.length() == 0 ? "" : ", ").append(wp[0]).append(" %");
            if (wp.length > 1) {
                s.append(" for ").append(wp[1]).append(" s");
            }
        }
        return s.toString().toLowerCase(Locale.ROOT);
    }
}
