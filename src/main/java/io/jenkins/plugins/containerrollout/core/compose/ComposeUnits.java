package io.jenkins.plugins.containerrollout.core.compose;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Compose specification's value formats: durations ({@code 1m30s}, {@code 2.5s}, {@code 1h5m30s20ms}; units
 * {@code us ms s m h}), byte values ({@code 512m}, {@code 1gb}; units {@code b k kb m mb g gb}, binary multiples as
 * the Docker CLI uses them) and CPU counts ({@code 0.5}). Source: compose-spec/compose-spec {@code 11-extension.md},
 * sections "Specifying durations" and "Specifying byte values".
 *
 * <p>Usage: {@code Duration d = ComposeUnits.duration("1m30s", "services.web.healthcheck.interval")}
 */
public final class ComposeUnits {
    private static final Pattern DURATION_PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(us|ms|s|m|h)");
    private static final Pattern BYTES = Pattern.compile("(\\d+)\\s*(b|k|kb|m|mb|g|gb)?");

    private ComposeUnits() {
    }

    /** Parses a Compose duration; {@code 0} alone is allowed (zero needs no unit), any other bare number is refused. */
    public static Duration duration(Object value, String where) {
        String s = value == null ? "" : String.valueOf(value).trim();
        if (s.equals("0")) {
            return Duration.ZERO;
        }
        Matcher m = DURATION_PART.matcher(s);
        long nanos = 0;
        int at = 0;
        while (at < s.length() && m.find(at) && m.start() == at) {
            BigDecimal amount = new BigDecimal(m.group(1));
            long unitNanos = switch (m.group(2)) {
                case "us" -> 1_000L;
                case "ms" -> 1_000_000L;
                case "s" -> 1_000_000_000L;
                case "m" -> 60_000_000_000L;
                default -> 3_600_000_000_000L;
            };
            nanos += amount.multiply(BigDecimal.valueOf(unitNanos)).longValue();
            at = m.end();
        }
        if (s.isEmpty() || at != s.length()) {
            throw new ComposeException(where, "'" + s + "' is not a duration; write it as Compose does, e.g. '10s', "
                    + "'1m30s' or '500ms' (units us, ms, s, m, h)");
        }
        return Duration.ofNanos(nanos);
    }

    /** Parses a Compose byte value: an integer (bytes) or an integer with a unit; decimals are refused, as the spec says. */
    public static long bytes(Object value, String where) {
        String s = value == null ? "" : String.valueOf(value).trim().toLowerCase(Locale.ROOT);
        Matcher m = BYTES.matcher(s);
        if (!m.matches()) {
            throw new ComposeException(where, "'" + value + "' is not a byte value; write e.g. '512m', '1g' or "
                    + "'1048576' (units b, k, kb, m, mb, g, gb; no decimals)");
        }
        String unit = m.group(2) == null ? "b" : m.group(2);
        int shift = switch (unit.charAt(0)) {
            case 'k' -> 10;
            case 'm' -> 20;
            case 'g' -> 30;
            default -> 0;
        };
        try {
            return Math.multiplyExact(Long.parseLong(m.group(1)), 1L << shift);
        } catch (ArithmeticException | NumberFormatException e) {
            throw new ComposeException(where, "'" + value + "' is too large a byte value");
        }
    }

    /** Parses a CPU count ({@code 0.5}, {@code "2"}) into nano CPUs, as the engine's {@code NanoCpus} takes them. */
    public static long nanoCpus(Object value, String where) {
        try {
            BigDecimal cpus = new BigDecimal(String.valueOf(value).trim());
            if (cpus.signum() <= 0) {
                throw new NumberFormatException();
            }
            return cpus.movePointRight(9).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new ComposeException(where, "'" + value + "' is not a CPU count; write a positive number such as "
                    + "0.5 or 2");
        }
    }
}
