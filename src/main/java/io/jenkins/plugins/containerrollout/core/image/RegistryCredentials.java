package io.jenkins.plugins.containerrollout.core.image;

import java.io.Serializable;

/**
 * A username and password for a registry. The password never appears in {@link #toString()}, so a request that
 * carries it can be logged or recorded safely.
 *
 * <p>Usage: {@code new RegistryCredentials("ci", System.getenv("REGISTRY_PASSWORD"))}
 */
public record RegistryCredentials(String username, String password) implements Serializable {
    @Override
    public String toString() {
        return "RegistryCredentials[username=" + username + ", password=****]";
    }
}
