package io.jenkins.plugins.containerrollout.steps;

import io.jenkins.plugins.containerrollout.core.RequestException;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code containerDeploy}'s {@code memory} and {@code cpus} the way {@code docker run --memory/--cpus} does:
 * {@code '256m'}, {@code '1g'}, {@code '512k'}, plain bytes; {@code '0.5'}, {@code '2'} CPUs.
 *
 * <p>Usage: {@code long bytes = ResourceLimits.memoryBytes("256m"); // 268435456}
 */
final class ResourceLimits {
    private static final Pattern MEMORY = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([bkmg]?)b?");

    private ResourceLimits() {
    }

    /**
     * @return bytes, 0 for blank (no limit)
     * @throws IllegalArgumentException when {@code text} is not a size
     */
    static long memoryBytes(String text) {
        if (text == null || text.isBlank()) {
            return 0;
        }
        Matcher m = MEMORY.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new RequestException("memory: '" + text.strip() + "' is not a size; use e.g. '256m', '1g' or '512k'");
        }
        int shift = switch (m.group(2)) {
            case "k" -> 10;
            case "m" -> 20;
            case "g" -> 30;
            default -> 0;
        };
        long bytes = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(1L << shift)).longValue();
        if (bytes > 0 && bytes < (6L << 20)) {
            // the engine refuses limits below 6 MiB; say so before it does
            throw new RequestException("memory: '" + text.strip() + "' is below the engine's minimum of 6m");
        }
        return bytes;
    }

    /**
     * @return 10<sup>-9</sup> CPUs, 0 for blank (no limit)
     * @throws IllegalArgumentException when {@code text} is not a positive number of CPUs
     */
    static long nanoCpus(String text) {
        if (text == null || text.isBlank()) {
            return 0;
        }
        try {
            BigDecimal cpus = new BigDecimal(text.strip());
            if (cpus.signum() < 0 || cpus.compareTo(BigDecimal.valueOf(1024)) > 0) {
                throw new NumberFormatException();
            }
            return cpus.movePointRight(9).longValue();
        } catch (NumberFormatException e) {
            throw new RequestException("cpus: '" + text.strip() + "' is not a number of CPUs; use e.g. '0.5' or '2'", e);
        }
    }
}
