package io.jenkins.plugins.containerrollout.core.image;

import io.jenkins.plugins.containerrollout.core.ProgressSink;

/**
 * Keeps the registry password out of everything we print or throw. The engine does not echo credentials today, but
 * a registry's error text or a proxy might; masking at our boundary does not depend on that.
 */
final class Redactor {
    private static final String MASK = "****";
    private final String secret;

    Redactor(RegistryCredentials credentials) {
        String p = credentials == null ? null : credentials.password();
        this.secret = p == null || p.isEmpty() ? null : p;
    }

    String apply(String text) {
        return secret == null || text == null ? text : text.replace(secret, MASK);
    }

    ProgressSink sink(ProgressSink target) {
        return secret == null ? target : line -> target.line(apply(line));
    }

    /** The same exception, or one with the secret masked and no cause (a cause's text could carry the secret too). */
    BuildException apply(BuildException e) {
        if (secret == null) {
            return e;
        }
        boolean leaks = e.getMessage() != null && e.getMessage().contains(secret);
        for (Throwable c = e.getCause(); c != null && !leaks; c = c.getCause()) {
            leaks = String.valueOf(c.getMessage()).contains(secret);
        }
        return leaks ? new BuildException(apply(e.getMessage()), e.outputTail()) : e;
    }
}
