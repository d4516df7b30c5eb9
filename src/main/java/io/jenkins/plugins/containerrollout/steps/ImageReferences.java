package io.jenkins.plugins.containerrollout.steps;

import io.jenkins.plugins.containerrollout.core.RequestException;
import io.jenkins.plugins.containerrollout.core.image.ImageReference;

/**
 * Image tags as the glue needs them: a validation message for forms (the grammar itself is the core's
 * {@link ImageReference}, so forms, steps and the CLI accept exactly the same tags), and the registry a tag points
 * at, for credentials domains.
 *
 * <p>Usage: {@code String problem = ImageReferences.problem("127.0.0.1:5000/app:1.0"); // null when fine}
 */
public final class ImageReferences {
    private static final String DOCKER_HUB = "https://index.docker.io/v1/";

    private ImageReferences() {
    }

    /** Why {@code tag} is not a valid image tag, or null when it is. */
    public static String problem(String tag) {
        if (tag != null && !tag.isBlank() && !tag.equals(tag.strip())) {
            return "image tag '" + tag + "' has surrounding blanks";
        }
        try {
            ImageReference.parse(tag);
            return null;
        } catch (RequestException e) {
            return e.getMessage();
        }
    }

    /** The registry host ({@code 127.0.0.1:5000}) that {@code tag} names, or null for Docker Hub. */
    public static String registry(String tag) {
        try {
            return ImageReference.parse(tag).registry();
        } catch (RequestException e) {
            return null;
        }
    }

    /** The URI of the registry {@code tag} is pushed to, for credentials domains: {@code https://host[:port]}. */
    public static String registryUri(String tag) {
        String registry = registry(tag);
        return registry == null ? DOCKER_HUB : "https://" + registry;
    }
}
