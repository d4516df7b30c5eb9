package io.jenkins.plugins.containerrollout.core.report;

import io.jenkins.plugins.containerrollout.core.record.Outcome;
import io.jenkins.plugins.containerrollout.core.record.RolloutRecord;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Number and time formatting for the report and the Jenkins pages, fixed to one locale so they read the same
 * everywhere.
 *
 * <p>Usage: {@code Format.duration(185_000) // "3 min 05 s"}
 */
public final class Format {
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private Format() {
    }

    /**
     * {@code 850 ms}, {@code 12.4 s}, {@code 3 min 05 s}, {@code 2 h 05 min}, {@code 3.5 days} (from two days: lead
     * times and restore times across a job's history get that long); "–" for a negative (unknown) value.
     */
    public static String duration(long millis) {
        if (millis < 0) {
            return "\u2013";
        }
        if (millis < 1000) {
            return millis + " ms";
        }
        if (millis < 60_000) {
            return px(millis / 1000.0) + " s";
        }
        long s = millis / 1000;
        if (s < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
        }
        if (s < 48 * 3600) {
            return String.format(Locale.ROOT, "%d h %02d min", s / 3600, s / 60 % 60);
        }
        return String.format(Locale.ROOT, "%.1f days", millis / 86_400_000.0);
    }

    /** A fraction as a whole percentage: {@code 0.75 -> "75 %"}. */
    static String percent(double fraction) {
        return Math.round(fraction * 100) + " %";
    }

    /** {@code 0.42 -> "0.42"}: two decimals, enough for rates. */
    static String rate(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    /** One decimal: SVG coordinates (small file, exact enough) and seconds. */
    static String px(double value) {
        // by hand, not String.format: charts and tooltips call this thousands of times, and a cold Formatter is slow
        long tenths = Math.round(value * 10);
        long abs = Math.abs(tenths);
        return (tenths < 0 ? "-" : "") + abs / 10 + "." + abs % 10;
    }

    static String bytes(long n) {
        if (n < 1024) {
            return n + " B";
        }
        if (n < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KiB", n / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MiB", n / (1024.0 * 1024));
    }

    static String instant(long epochMillis) {
        return UTC.format(Instant.ofEpochMilli(epochMillis));
    }

    /**
     * A digest or image id shortened for display ({@code sha256:} and 12 hex digits); a repository digest
     * ({@code repo@sha256:...}, as the engine reports it) loses its repository part. The full value goes into a
     * {@code title} attribute.
     */
    /**
     * A rollout's revision change, {@code 3 → 4}; for a rollout aborted before the agent reported, which the
     * controller records without revisions (toRevision 0), says they are not known.
     */
    static String revisions(RolloutRecord r) {
        return r.outcome() == Outcome.ABORTED && r.toRevision() == 0 ? "not known (aborted before the agent reported)"
                : r.fromRevision() + " \u2192 " + r.toRevision();
    }

    static String shortDigest(String digest) {
        if (digest == null) {
            return "";
        }
        String d = digest.substring(digest.lastIndexOf('@') + 1);
        int colon = d.indexOf(':');
        String hex = d.substring(colon + 1);
        return hex.length() > 12 ? d.substring(0, colon + 1) + hex.substring(0, 12) : d;
    }
}
