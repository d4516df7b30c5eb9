package io.jenkins.plugins.containerrollout.steps;

import io.jenkins.plugins.containerrollout.core.image.BuildResult;
import io.jenkins.plugins.containerrollout.core.image.ImageReference;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@code containerBuild} returns to the Pipeline script: a small map of plain serializable values
 * ({@code imageRef}, {@code imageId}, {@code digest}, {@code digests}, {@code tags}, {@code contextBytes},
 * {@code durationMillis}). {@code imageRef} is what to deploy: the first pushed tag's repository with its digest
 * ({@code 127.0.0.1:5000/web@sha256:…}), which names exactly the image built, on any engine that can pull it; when
 * nothing was pushed, the first tag, which the building engine has (its image id would be refused by
 * {@code containerDeploy} as a bare digest). {@code digest} is the bare repository digest of the first pushed tag,
 * or null when nothing was pushed.
 *
 * <p>Usage: {@code Map<String, Object> summary = BuildSummary.of(result);}
 */
public final class BuildSummary {
    private BuildSummary() {
    }

    /** The summary map (mutable JDK collections only, so the CPS engine can persist it). */
    public static Map<String, Object> of(BuildResult result) {
        String digest = null;
        String imageRef = result.tags().isEmpty() ? result.imageId() : result.tags().get(0);
        for (String tag : result.tags()) {
            if (result.digests().containsKey(tag)) {
                digest = result.digests().get(tag);
                imageRef = ImageReference.pinned(tag, digest);
                break;
            }
        }
        Map<String, String> digests = new LinkedHashMap<>();
        for (String tag : result.tags()) {
            if (result.digests().containsKey(tag)) {
                digests.put(tag, result.digests().get(tag));
            }
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("imageRef", imageRef);
        summary.put("imageId", result.imageId());
        summary.put("digest", digest);
        summary.put("digests", digests);
        summary.put("tags", new ArrayList<>(result.tags()));
        summary.put("contextBytes", result.contextBytes());
        summary.put("durationMillis", result.durationMillis());
        return summary;
    }
}
