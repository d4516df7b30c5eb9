package io.jenkins.plugins.containerrollout.core.deploy;

import io.jenkins.plugins.containerrollout.core.image.RegistryCredentials;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Masks the secrets a replica's log may print before the log goes into a record: the deployer's registry password,
 * and the values of the replica's environment variables whose names say they hold a secret ({@code DB_PASSWORD},
 * {@code API_TOKEN}, {@code SECRET_KEY}, ...), as an application that logs its configuration would print them.
 * In Jenkins the console is masked again with the build's credentials. Both targets use it.
 *
 * <p>Usage: {@code new LogMask(credentials, spec.env()).apply(line)}
 */
public final class LogMask {
    public static final String MASK = "****";
    private static final Pattern SECRET_NAME = Pattern.compile(".*(PASSWORD|PASSWD|SECRET|TOKEN|KEY|CREDENTIAL|AUTH).*");
    /** Shorter values would mask ordinary words and numbers everywhere. */
    private static final int MIN_LENGTH = 4;

    private final List<String> secrets;

    /** @param credentials the registry login, or null */
    public LogMask(RegistryCredentials credentials, Map<String, String> env) {
        Stream<String> fromEnv = env.entrySet().stream()
                .filter(e -> SECRET_NAME.matcher(e.getKey().toUpperCase(Locale.ROOT)).matches())
                .map(Map.Entry::getValue);
        Stream<String> registry = credentials == null ? Stream.empty() : Stream.of(credentials.password());
        this.secrets = Stream.concat(fromEnv, registry)
                .filter(v -> v != null && v.length() >= MIN_LENGTH).distinct()
                .sorted(Comparator.comparingInt(String::length).reversed()).toList(); // longest first
    }

    /** {@code line} with every known secret replaced by {@link #MASK}. */
    public String apply(String line) {
        String out = line;
        for (String secret : secrets) {
            out = out.replace(secret, MASK);
        }
        return out;
    }
}
