package io.jenkins.plugins.containerrollout.steps;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Syntax of image tags as the docker CLI accepts them ({@code [registry[:port]/]path[:tag]}), and the registry a tag
 * points at. Used for form validation and to fail early, before anything is sent to an agent.
 *
 * <p>Usage: {@code String problem = ImageReferences.problem("127.0.0.1:5000/app:1.0"); // null when fine}
 */
public final class ImageReferences {
    private static final String COMPONENT = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
    private static final String DOMAIN = "(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)(?:\\.(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?))*(?::[0-9]+)?"
            + "|\\[[0-9a-fA-F:.]+\\](?::[0-9]+)?";
    private static final Pattern REFERENCE = Pattern.compile(
            "(?:(?:" + DOMAIN + ")/)?" + COMPONENT + "(?:/" + COMPONENT + ")*(?::[\\w][\\w.-]{0,127})?");
    private static final Pattern TAG = Pattern.compile("[\\w][\\w.-]{0,127}");
    private static final String DOCKER_HUB = "https://index.docker.io/v1/";

    private ImageReferences() {
    }

    /** Why {@code tag} is not a valid image tag, or null when it is. */
    public static String problem(String tag) {
        if (tag == null || tag.isBlank()) {
            return "an image tag is empty";
        }
        if (!tag.equals(tag.strip())) {
            return "image tag '" + tag + "' has surrounding blanks";
        }
        if (tag.contains("@")) {
            return "image tag '" + tag + "' names a digest; give a tag such as repo:1.0";
        }
        String path = registry(tag) == null ? tag : tag.substring(tag.indexOf('/') + 1);
        int colon = path.lastIndexOf(':');
        if (colon >= 0 && !TAG.matcher(path.substring(colon + 1)).matches()) {
            return "image tag '" + tag + "' has an invalid tag part (letters, digits, '_', '.', '-'; at most 128)";
        }
        if (!REFERENCE.matcher(tag).matches() || tag.length() > 255) {
            return "image tag '" + tag + "' is not a valid reference (repository names are lower case: [registry[:port]/]name[:tag])";
        }
        return null;
    }

    /** The registry host ({@code 127.0.0.1:5000}) that {@code tag} names, or null for Docker Hub. */
    public static String registry(String tag) {
        int slash = tag.indexOf('/');
        if (slash < 0) {
            return null;
        }
        String first = tag.substring(0, slash);
        // The docker CLI's rule: a first component is a registry when it looks like a host (or is not lower case).
        boolean host = first.contains(".") || first.contains(":") || first.equals("localhost") || first.startsWith("[")
                || !first.equals(first.toLowerCase(Locale.ROOT));
        return host ? first : null;
    }

    /** The URI of the registry {@code tag} is pushed to, for credentials domains: {@code https://host[:port]}. */
    public static String registryUri(String tag) {
        String registry = registry(tag);
        return registry == null ? DOCKER_HUB : "https://" + registry;
    }
}
