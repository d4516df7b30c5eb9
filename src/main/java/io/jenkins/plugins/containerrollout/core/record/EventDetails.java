package io.jenkins.plugins.containerrollout.core.record;

import io.jenkins.plugins.containerrollout.core.record.TimelineEvent.Type;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the facts the Docker-host deployer writes into an event's {@code detail} text: where traffic goes after a
 * {@code TRAFFIC} event, a canary step's weight and share, whether a canary analysis or a revision failed. The
 * timeline has no structured field for them (yet), so the metrics and the report read the text in this one place;
 * the formats are those of {@code core/deploy/docker/Rollout#traffic} and {@code Canary#analyseStep}, pinned by
 * {@code EventDetailsTest}. A detail in another form (Swarm, older records) reads as "not known", never as a guess.
 *
 * <p>Usage: {@code EventDetails.routedPorts(event.detail()).ifPresent(ports -> ...)}
 */
public final class EventDetails {
    /** {@code serving ports [18080, 18081]}: every listed port gets traffic. */
    private static final Pattern SERVING = Pattern.compile("^serving ports \\[([0-9, ]*)]");
    /** {@code canary weight 20 %: revision 7 gets 20.0 % (ports [18083]), weights {18080=4, 18083=1}}. */
    private static final Pattern CANARY = Pattern.compile(
            "^canary weight (\\d+) %: revision \\d+ gets ([0-9.]+) % \\(ports \\[[0-9, ]*]\\), weights \\{([0-9=, ]*)}");
    private static final Pattern ANALYSIS = Pattern.compile("^canary analysis at (\\d+) % of ");
    private static final Pattern REVISION_FAILED = Pattern.compile("^revision \\d+ failed: ");

    private EventDetails() {
    }

    /** The ports a {@code TRAFFIC} event sends traffic to (canary: the ports with a weight above 0); empty if unknown. */
    public static Optional<Set<Integer>> routedPorts(String detail) {
        Set<Integer> ports = new TreeSet<>();
        Matcher serving = SERVING.matcher(detail);
        if (serving.find()) {
            for (String p : serving.group(1).split(",")) {
                if (!p.isBlank()) {
                    ports.add(Integer.parseInt(p.trim()));
                }
            }
            return Optional.of(ports);
        }
        Matcher canary = CANARY.matcher(detail);
        if (!canary.find()) {
            return Optional.empty();
        }
        for (String pair : canary.group(3).split(",")) {
            String[] pw = pair.trim().split("=");
            if (pw.length == 2 && Integer.parseInt(pw[1].trim()) > 0) {
                ports.add(Integer.parseInt(pw[0].trim()));
            }
        }
        return Optional.of(ports);
    }

    /** The weight a canary {@code TRAFFIC} event set (percent), if it is one. */
    public static OptionalInt canaryWeight(String detail) {
        Matcher m = CANARY.matcher(detail);
        return m.find() ? OptionalInt.of(Integer.parseInt(m.group(1))) : OptionalInt.empty();
    }

    /** The share of the router's weight the new revision actually got at a canary step (percent), if known. */
    public static OptionalDouble canaryShare(String detail) {
        Matcher m = CANARY.matcher(detail);
        return m.find() ? OptionalDouble.of(Double.parseDouble(m.group(2))) : OptionalDouble.empty();
    }

    /** The weight a canary analysis ran at (percent), if the event is a canary analysis. */
    public static OptionalInt analysisWeight(TimelineEvent e) {
        if (e.type() != Type.PROBE || e.slot() >= 0) {
            return OptionalInt.empty();
        }
        Matcher m = ANALYSIS.matcher(e.detail());
        return m.find() ? OptionalInt.of(Integer.parseInt(m.group(1))) : OptionalInt.empty();
    }

    /** Whether the event is a canary analysis that failed. */
    public static boolean failedAnalysis(TimelineEvent e) {
        return analysisWeight(e).isPresent() && e.detail().contains(": failed");
    }

    /**
     * Whether the event is the first sign of a failed rollout: a replica failed, a canary analysis failed, the
     * deployer gave the revision up ({@code revision 7 failed: ...}), or a rollback began.
     */
    public static boolean failure(TimelineEvent e) {
        return e.type() == Type.FAILED || e.type() == Type.ROLLBACK_STARTED || failedAnalysis(e)
                || e.type() == Type.PHASE && REVISION_FAILED.matcher(e.detail()).find();
    }
}
