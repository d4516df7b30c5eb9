package io.jenkins.plugins.containerrollout.cli;

/**
 * The command line is wrong (unknown option, missing value, bad number); the CLI prints the one-line message with a
 * hint to {@code --help} and exits with 2.
 *
 * <p>Usage: {@code throw new UsageException("--timeout wants a number of seconds, not \"soon\"");}
 */
public class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }

    /**
     * Builds a core request (or any value that validates itself), turning its {@link IllegalArgumentException} into
     * a usage error: the core's message already names the parameter and the fix.
     */
    public static <T> T check(java.util.function.Supplier<T> build) throws UsageException {
        try {
            return build.get();
        } catch (IllegalArgumentException e) {
            throw new UsageException(optionNamed(e.getMessage()));
        }
    }

    /** Core parameters whose option is not simply the parameter in kebab case. */
    private static final java.util.Map<String, String> RENAMED = java.util.Map.of("host", "docker-host",
            "minReadySeconds", "min-ready", "progressDeadlineSeconds", "progress-deadline",
            "scaleDownDelaySeconds", "scale-down-delay", "healthPath", "health-path");

    /** {@code "maxSurge: ..."} from the core reads {@code "--max-surge: ..."} on the command line. */
    static String optionNamed(String message) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^([a-z][A-Za-z]*): ").matcher(String.valueOf(message));
        if (!m.find()) {
            return message;
        }
        String param = m.group(1);
        String option = RENAMED.getOrDefault(param, param.replaceAll("([A-Z])", "-$1").toLowerCase(java.util.Locale.ROOT));
        return "--" + option + ": " + message.substring(m.end());
    }
}
