package io.jenkins.plugins.containerrollout.model;

import java.util.Locale;

/** Durations as people read them on the build and job pages. */
final class Durations {
    private Durations() {
    }

    /** {@code 850 ms}, {@code 4.2 s}, {@code 3 min 4 s}, {@code 2 h 5 min}; "–" for a negative (unknown) value. */
    static String text(long millis) {
        if (millis < 0) {
            return "\u2013";
        }
        if (millis < 1000) {
            return millis + " ms";
        }
        if (millis < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
        }
        long s = millis / 1000;
        if (s < 3600) {
            return s / 60 + " min " + s % 60 + " s";
        }
        long m = s / 60;
        if (m < 48 * 60) {
            return m / 60 + " h " + m % 60 + " min";
        }
        return String.format(Locale.ROOT, "%.1f days", millis / 86_400_000.0);
    }
}
