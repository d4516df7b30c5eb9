package io.jenkins.plugins.containerrollout.cli;

import io.jenkins.plugins.containerrollout.core.RequestException;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The command line is wrong (unknown option, missing value, bad number); the CLI prints the one-line message with a
 * hint to {@code --help} and exits with 2.
 *
 * <p>Usage: {@code throw new UsageException("--timeout wants a number of seconds, not \"soon\"");}
 */
public class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    /** The core names a parameter first ({@code maxSurge: ...}); on the command line that is an option. */
    private static final Pattern CORE_PARAMETER = Pattern.compile("^([a-z][A-Za-z]*): ");

    /** Core parameters whose option is not simply the parameter in kebab case. */
    private static final Map<String, String> RENAMED = Map.ofEntries(Map.entry("host", "docker-host"),
            Map.entry("minReadySeconds", "min-ready"), Map.entry("progressDeadlineSeconds", "progress-deadline"),
            Map.entry("scaleDownDelaySeconds", "scale-down-delay"), Map.entry("healthPath", "health-path"),
            Map.entry("steps", "canary-steps"), Map.entry("minSuccessRatio", "analysis-min-success"),
            Map.entry("maxP95Millis", "analysis-max-p95"));

    public UsageException(String message) {
        super(message);
    }

    /**
     * Builds a core request (or any value that validates itself), turning its {@link RequestException} into
     * a usage error: the core's message already names the parameter and the fix.
     */
    public static <T> T check(Supplier<T> build) throws UsageException {
        try {
            return build.get();
        } catch (RequestException e) {
            throw new UsageException(optionNamed(e.getMessage()));
        }
    }

    /** {@code "maxSurge: ..."} from the core reads {@code "--max-surge: ..."} on the command line. */
    static String optionNamed(String message) {
        Matcher m = CORE_PARAMETER.matcher(String.valueOf(message));
        if (!m.find()) {
            return message;
        }
        String param = m.group(1);
        String option = RENAMED.getOrDefault(param, param.replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT));
        return "--" + option + ": " + message.substring(m.end());
    }
}
