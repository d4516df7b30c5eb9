package io.jenkins.plugins.containerrollout.cli;

import io.jenkins.plugins.containerrollout.core.image.RegistryCredentials;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Where a registry password may come from, and where not: {@code REGISTRY_PASSWORD} or stdin
 * ({@code --password-stdin}), never an argument (shell history, {@code ps}). Shared by {@code build} (push) and
 * {@code deploy} (pull, or the Swarm service's registry login).
 *
 * <p>Usage: {@code RegistryCredentials c = PasswordSource.credentials(o, terminal); // null without --registry-username}
 */
final class PasswordSource {
    static final String WHY = "a password on the command line ends up in shell history and ps;"
            + " set REGISTRY_PASSWORD or use --password-stdin";
    static final Option USERNAME = Option.value("--registry-username", "USER",
            "registry login; the password comes from REGISTRY_PASSWORD or stdin");
    static final Option STDIN = Option.flag("--password-stdin", "read the registry password from stdin");
    static final Option[] REFUSED = {Option.refused("--password", WHY), Option.refused("--registry-password", WHY)};

    private PasswordSource() {
    }

    /** The login the options give, or null when there is none. */
    static RegistryCredentials credentials(ParsedOptions o, Terminal terminal) throws UsageException, IOException {
        return credentials(o.value("--registry-username"), o.flag("--password-stdin"), terminal);
    }

    static RegistryCredentials credentials(String username, boolean fromStdin, Terminal terminal)
            throws UsageException, IOException {
        String password = fromStdin ? readStdin(terminal) : terminal.env().get("REGISTRY_PASSWORD");
        if (username == null) {
            if (fromStdin) {
                throw new UsageException("--password-stdin needs --registry-username");
            }
            return null;
        }
        if (password == null || password.isEmpty()) {
            throw new UsageException("--registry-username needs a password: set REGISTRY_PASSWORD or use --password-stdin");
        }
        return new RegistryCredentials(username, password);
    }

    private static String readStdin(Terminal terminal) throws IOException {
        String text = new String(terminal.stdin().readAllBytes(), StandardCharsets.UTF_8);
        return text.replaceAll("[\r\n]+$", "");
    }
}
