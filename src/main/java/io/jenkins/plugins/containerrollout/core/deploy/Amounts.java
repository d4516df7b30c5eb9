package io.jenkins.plugins.containerrollout.core.deploy;

import io.jenkins.plugins.containerrollout.core.RequestException;
import java.math.BigDecimal;
import java.time.Duration;

/**
 * Replica amounts as Kubernetes writes them: a count ({@code "1"}) or a percentage of the desired replicas
 * ({@code "25%"}), resolved up for surge and down for unavailability.
 */
final class Amounts {
    private Amounts() {
    }

    static int resolve(String amount, int desired, boolean roundUp) {
        String a = amount.trim();
        if (a.endsWith("%")) {
            int pct = Integer.parseInt(a.substring(0, a.length() - 1).trim());
            return roundUp ? (int) Math.ceil(pct * desired / 100.0) : (int) Math.floor(pct * desired / 100.0);
        }
        return Integer.parseInt(a);
    }

    static boolean isZero(String amount) {
        String a = amount.trim();
        return a.equals("0") || a.equals("0%");
    }

    /** {@code 1} for a count, {@code 25% (1)} for a percentage: what was written, and what it meant when it differs. */
    static String describe(String amount, int resolved) {
        String a = amount.trim();
        return a.equals(String.valueOf(resolved)) ? a : a + " (" + resolved + ")";
    }

    /** A duration in seconds as a person writes it: {@code 2}, {@code 1.5}. */
    static String seconds(Duration d) {
        return BigDecimal.valueOf(d.toNanos(), 9).stripTrailingZeros().toPlainString();
    }

    /** Checks a count or percentage, naming {@code name} in the error. */
    static void check(String name, String amount) {
        String hint = name + ": '" + amount + "' is not a count or a percentage; use e.g. '1' or '25%'";
        if (amount == null || amount.isBlank()) {
            throw new RequestException(hint);
        }
        String a = amount.trim();
        boolean pct = a.endsWith("%");
        int value;
        try {
            value = Integer.parseInt(pct ? a.substring(0, a.length() - 1).trim() : a);
        } catch (NumberFormatException e) {
            throw new RequestException(hint, e);
        }
        if (value < 0 || (pct && value > 100)) {
            throw new RequestException(name + ": '" + amount + "' is out of range; use 0 or more, or 0%-100%");
        }
    }
}
