package io.jenkins.plugins.containerrollout.steps;

import io.jenkins.plugins.containerrollout.core.image.RegistryCredentials;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;

/**
 * Replaces every known secret in a line of text by {@code ****} before it reaches the console or an error message.
 * A registry password is also known in the forms a Docker client may print it: as itself and inside the
 * base64 of {@code user:password} (HTTP basic auth).
 *
 * <p>Usage: {@code masker.add(credentials); listener.getLogger().println(masker.mask(line));}
 */
public final class SecretMasker implements Serializable {
    private static final long serialVersionUID = 1L;

    /** What a secret is replaced by. */
    public static final String MASK = "****";

    // Longest first, so a secret that contains another is masked whole.
    private final List<String> secrets = new ArrayList<>();

    /** Adds the password of {@code credentials} (and its basic-auth form); null is ignored. */
    public synchronized SecretMasker add(RegistryCredentials credentials) {
        if (credentials != null && credentials.password() != null && !credentials.password().isEmpty()) {
            String basic = credentials.username() + ":" + credentials.password();
            add(Base64.getEncoder().encodeToString(basic.getBytes(StandardCharsets.UTF_8)));
            add(credentials.password());
        }
        return this;
    }

    /**
     * Adds a PEM private key: the whole text and each line of its base64 body, since a console line or an error
     * message holds at most one line of it. Null is ignored.
     */
    public synchronized SecretMasker addPrivateKey(String pem) {
        if (pem != null) {
            add(pem.strip());
            pem.lines().map(String::strip).filter(line -> !line.startsWith("-----") && line.length() >= 16).forEach(this::add);
        }
        return this;
    }

    /** Adds one secret; null or empty is ignored. */
    public synchronized SecretMasker add(String secret) {
        if (secret != null && !secret.isEmpty() && !secrets.contains(secret)) {
            secrets.add(secret);
            secrets.sort(Comparator.comparingInt(String::length).reversed());
        }
        return this;
    }

    /** The text with every secret replaced; null stays null. */
    public synchronized String mask(String text) {
        if (text == null) {
            return null;
        }
        String masked = text;
        for (String secret : secrets) {
            masked = masked.replace(secret, MASK);
        }
        return masked;
    }
}
