package io.jenkins.plugins.containerrollout.core.verify;

import io.jenkins.plugins.containerrollout.core.RequestException;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** The checks' shared argument rules; every message names the parameter and says how to fix it. */
final class Validation {
    private Validation() {
    }

    static void require(boolean ok, String message) {
        if (!ok) {
            throw new RequestException(message);
        }
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    static String orDefault(String value, String fallback) {
        return blank(value) ? fallback : value.trim();
    }

    static long orDefault(long value, long fallback, String what) {
        require(value >= 0, what + " must not be negative, was " + value + "; leave it out (0) for the default " + fallback);
        return value == 0 ? fallback : value;
    }

    static int orDefault(int value, int fallback, String what) {
        return Math.toIntExact(orDefault((long) value, fallback, what));
    }

    /** Compiles a user's regular expression, or says where it is broken. */
    static Pattern regex(String pattern, String what) {
        try {
            return Pattern.compile(pattern);
        } catch (PatternSyntaxException e) {
            throw new RequestException(what + " '" + pattern + "' is not a valid regular expression ("
                    + e.getDescription() + " near index " + e.getIndex() + "); fix it (Java regex syntax)", e);
        }
    }
}
