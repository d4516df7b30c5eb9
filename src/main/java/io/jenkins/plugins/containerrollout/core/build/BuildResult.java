package io.jenkins.plugins.containerrollout.core.build;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * What a build produced.
 *
 * <p>Usage: {@code result.digests().get("127.0.0.1:5000/app:1.0")}
 *
 * @param imageId       the local image id ({@code sha256:...})
 * @param tags          the tags applied, in request order
 * @param digests       repository digest ({@code sha256:...}) per pushed tag; empty when nothing was pushed
 * @param labels        the labels the image carries, including the OCI ones we added
 * @param contextBytes  bytes of build context sent to the engine (the tar stream)
 * @param durationMillis wall time of build and push
 */
public record BuildResult(
        String imageId,
        List<String> tags,
        Map<String, String> digests,
        Map<String, String> labels,
        long contextBytes,
        long durationMillis) implements Serializable {

    public BuildResult {
        tags = List.copyOf(tags);
        digests = Map.copyOf(digests);
        labels = Map.copyOf(labels);
    }
}
