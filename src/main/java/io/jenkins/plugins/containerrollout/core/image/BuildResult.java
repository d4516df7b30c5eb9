package io.jenkins.plugins.containerrollout.core.image;

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
 * @param git           the commit the context was built from (for the DORA lead time), or null outside a Git work tree
 */
public record BuildResult(
        String imageId,
        List<String> tags,
        Map<String, String> digests,
        Map<String, String> labels,
        long contextBytes,
        long durationMillis,
        GitMetadata git) implements Serializable {

    public BuildResult {
        tags = List.copyOf(tags);
        digests = Map.copyOf(digests);
        labels = Map.copyOf(labels);
    }

    /** A result without Git metadata (the form before {@code git} was added; kept so existing callers compile). */
    public BuildResult(String imageId, List<String> tags, Map<String, String> digests, Map<String, String> labels,
            long contextBytes, long durationMillis) {
        this(imageId, tags, digests, labels, contextBytes, durationMillis, null);
    }
}
