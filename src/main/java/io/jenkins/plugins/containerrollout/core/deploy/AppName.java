package io.jenkins.plugins.containerrollout.core.deploy;

import io.jenkins.plugins.containerrollout.core.RequestException;
import java.util.regex.Pattern;

/**
 * The one rule for application names, shared by the CLI, the steps and both targets (Docker host, Swarm): lower-case
 * letters, digits, {@code -} and {@code _}, starting with a letter or digit, at most 63 characters. No dot and no
 * upper case, so container and service names built from it stay parseable and valid on every engine.
 *
 * <p>Usage: {@code String app = AppName.check(request.app());}
 */
public final class AppName {
    /** The names {@link #check} accepts. */
    public static final Pattern PATTERN = Pattern.compile("[a-z0-9][a-z0-9_-]{0,62}");

    private AppName() {
    }

    /**
     * {@code app} when it is a valid application name.
     *
     * @throws IllegalArgumentException naming the parameter ({@code app: ...}) and the fix; the CLI shows it as
     *                                  {@code --app: ...}
     */
    public static String check(String app) {
        if (app == null || app.isBlank()) {
            throw new RequestException("app: required; name the application, e.g. 'web-shop'");
        }
        if (!PATTERN.matcher(app).matches()) {
            throw new RequestException("app: '" + app + "' is not a valid application name; use lower-case "
                    + "letters, digits, '-' and '_' (at most 63), e.g. 'web-shop'");
        }
        return app;
    }
}
