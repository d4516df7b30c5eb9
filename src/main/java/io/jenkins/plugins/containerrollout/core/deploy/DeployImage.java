package io.jenkins.plugins.containerrollout.core.deploy;

import io.jenkins.plugins.containerrollout.core.RequestException;
import java.util.regex.Pattern;

/**
 * The rule for the image a deploy is given, shared by {@code containerDeploy} and {@code container-rollout deploy}: a
 * tag or a repository with a digest ({@code 127.0.0.1:5000/web@sha256:…}), never a bare digest. A bare
 * {@code sha256:…} is what a registry calls the manifest digest, but the engine reads it as a local image id, which
 * it is not, so the deploy would fail with "no such image" or, worse, find an unrelated image.
 *
 * <p>Usage: {@code String image = DeployImage.require("image", given);}
 */
public final class DeployImage {
    /** A digest alone: an algorithm the registries use and hex, with no repository before it. */
    private static final Pattern BARE_DIGEST = Pattern.compile("(?i)sha(256|384|512):[0-9a-f]*");

    private DeployImage() {
    }

    /**
     * @param parameter how the user named the image ({@code image}, {@code --image})
     * @return {@code image}
     * @throws IllegalArgumentException naming {@code parameter} and showing the right form when {@code image} is a
     *                                  bare digest
     */
    public static String require(String parameter, String image) {
        if (image != null && BARE_DIGEST.matcher(image.strip()).matches()) {
            throw new RequestException(parameter + ": '" + image.strip() + "' is a bare digest, which the engine "
                    + "would read as a local image id; give the repository with it, e.g. '127.0.0.1:5000/web@"
                    + image.strip() + "' (containerBuild returns it as imageRef), or a tag");
        }
        return image;
    }
}
