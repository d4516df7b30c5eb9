package io.jenkins.plugins.containerrollout.core.image;

import io.jenkins.plugins.containerrollout.core.RequestException;
import java.util.regex.Pattern;

/**
 * An image reference to tag and push ({@code [registry[:port]/]path[:tag]}), checked against the grammar the Docker
 * engine uses, so a bad tag fails before any context is sent. Digests ({@code @sha256:...}) are refused: a build
 * names tags, the registry computes digests.
 *
 * <p>Usage: {@code ImageReference ref = ImageReference.parse("127.0.0.1:5000/team/app:1.0"); ref.registry();}
 *
 * @param registry   registry host with optional port, or null for Docker Hub
 * @param repository repository path without the registry ({@code team/app})
 * @param tag        the tag; {@code latest} when the reference has none
 */
public record ImageReference(String registry, String repository, String tag) {
    private static final String COMPONENT = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
    private static final Pattern PATH = Pattern.compile(COMPONENT + "(?:/" + COMPONENT + ")*");
    private static final Pattern TAG = Pattern.compile("[\\w][\\w.-]{0,127}");
    private static final String LABEL = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
    private static final Pattern DOMAIN = Pattern.compile(LABEL + "(?:\\." + LABEL + ")*(?::[0-9]+)?|\\[[0-9a-fA-F:.]+\\](?::[0-9]+)?");
    private static final int MAX_NAME = 255;

    /**
     * Parses and validates a reference.
     *
     * @throws IllegalArgumentException with a message that quotes the reference and says what is wrong with it
     */
    public static ImageReference parse(String reference) {
        if (reference == null || reference.isBlank()) {
            throw new RequestException("empty image tag");
        }
        String bad = "invalid image tag \"" + reference + "\": ";
        if (reference.contains("@")) {
            throw new RequestException(bad + "a digest (@...) cannot be used as a tag");
        }
        String name = reference;
        String tag = "latest";
        int slash = reference.lastIndexOf('/');
        int colon = reference.lastIndexOf(':');
        if (colon > slash) {
            name = reference.substring(0, colon);
            tag = reference.substring(colon + 1);
            if (!TAG.matcher(tag).matches()) {
                throw new RequestException(bad + "the tag \"" + tag + "\" must be 1-128 letters, digits, '_', '.'"
                        + " or '-', not starting with '.' or '-'");
            }
        }
        String registry = null;
        String path = name;
        int first = name.indexOf('/');
        if (first > 0) {
            String head = name.substring(0, first);
            if (head.contains(".") || head.contains(":") || head.equals("localhost") || !head.equals(head.toLowerCase())) {
                registry = head;
                path = name.substring(first + 1);
                if (!DOMAIN.matcher(registry).matches()) {
                    throw new RequestException(bad + "\"" + registry + "\" is not a registry host[:port]");
                }
            }
        }
        if (!PATH.matcher(path).matches()) {
            throw new RequestException(bad + "the repository \"" + path + "\" must be lower-case letters, digits"
                    + " and separators (. _ __ -), in components separated by '/'");
        }
        if (name.length() > MAX_NAME) {
            throw new RequestException(bad + "the name is longer than " + MAX_NAME + " characters");
        }
        return new ImageReference(registry, path, tag);
    }

    /** The name to push: registry and repository, without the tag ({@code 127.0.0.1:5000/team/app}). */
    public String name() {
        return registry == null ? repository : registry + "/" + repository;
    }

    /** The registry that receives a push: its host[:port], or {@code docker.io}. */
    public String registryHost() {
        return registry == null ? "docker.io" : registry;
    }

    @Override
    public String toString() {
        return name() + ":" + tag;
    }

    /**
     * The reference that names exactly what was pushed under {@code tag}: its repository and the registry's digest
     * ({@code 127.0.0.1:5000/web@sha256:…}), ready to deploy.
     */
    public static String pinned(String tag, String digest) {
        return parse(tag).name() + "@" + digest;
    }
}
