package io.jenkins.plugins.containerrollout.core.analysis;

import io.jenkins.plugins.containerrollout.core.RequestException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a canary's traffic in one analysis window must meet ({@link RouterAnalysis} judges it). Each check names the
 * parameter it comes from, so a verdict's reason says which one failed.
 *
 * <p>Usage: {@code new TrafficThresholds(0.95, 500, 5, 20)}: at least 95 % successes, responses within 500 ms on
 * average, at most 5 points below the stable revision's success, and a window counts only with 20 canary requests.
 *
 * @param minSuccessRatio          {@code minSuccessRatio}: the canary's successes / requests, 0 to 1
 * @param maxResponseMillis        {@code maxResponseMillis}: the canary's average time to the response headers, in ms;
 *                                 0 leaves latency unchecked
 * @param maxPointsWorseThanStable {@code maxPointsWorseThanStable}: how many percentage points the canary's success
 *                                 ratio may lie below the stable revision's; negative leaves it unchecked
 * @param minRequests              {@code minRequests}: fewer canary requests in a window make it inconclusive (at
 *                                 least 1: a window without canary traffic never passes)
 */
public record TrafficThresholds(double minSuccessRatio, long maxResponseMillis, double maxPointsWorseThanStable,
        long minRequests) implements Serializable {
    private static final long serialVersionUID = 1L;

    public TrafficThresholds {
        if (!(minSuccessRatio >= 0 && minSuccessRatio <= 1)) {
            throw new RequestException("minSuccessRatio: " + minSuccessRatio
                    + " is out of range; give a ratio from 0 to 1 (0.95 means 95 % of the canary's requests succeed)");
        }
        if (maxResponseMillis < 0) {
            throw new RequestException("maxResponseMillis: " + maxResponseMillis
                    + " is negative; give milliseconds, or 0 to leave latency unchecked");
        }
        if (Double.isNaN(maxPointsWorseThanStable) || maxPointsWorseThanStable > 100) {
            throw new RequestException("maxPointsWorseThanStable: " + maxPointsWorseThanStable
                    + " is out of range; give percentage points from 0 to 100, or -1 to skip the comparison with "
                    + "stable");
        }
        if (minRequests < 1) {
            throw new RequestException("minRequests: " + minRequests
                    + " is too small; give at least 1 (a window without canary requests cannot pass)");
        }
    }

    /** Only a success ratio, with at least {@code minRequests} canary requests per window. */
    public static TrafficThresholds successRatio(double minSuccessRatio, long minRequests) {
        return new TrafficThresholds(minSuccessRatio, 0, -1, minRequests);
    }

    /** For a report: {@code successRatio >= 0.95, response <= 500 ms, <= 5 points below stable, minRequests 20}. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        parts.add("successRatio >= " + ratio(minSuccessRatio));
        if (maxResponseMillis > 0) {
            parts.add("response <= " + maxResponseMillis + " ms");
        }
        if (maxPointsWorseThanStable >= 0) {
            parts.add("<= " + number(maxPointsWorseThanStable) + " points below stable");
        }
        parts.add("minRequests " + minRequests);
        return String.join(", ", parts);
    }

    static String ratio(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }

    static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.2f", value);
    }
}
