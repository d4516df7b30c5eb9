package io.jenkins.plugins.containerrollout.steps;

import io.jenkins.plugins.containerrollout.core.build.BuildResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@code containerBuild} returns to the Pipeline script: a small map of plain serializable values
 * ({@code imageId}, {@code digest}, {@code digests}, {@code tags}, {@code contextBytes}, {@code durationMillis}).
 * {@code digest} is the repository digest of the first pushed tag, or null when nothing was pushed.
 *
 * <p>Usage: {@code Map<String, Object> summary = BuildSummary.of(result);}
 */
public final class BuildSummary {
    private BuildSummary() {
    }

    /** The summary map (mutable JDK collections only, so the CPS engine can persist it). */
    public static Map<String, Object> of(BuildResult result) {
        String digest = null;
        for (String tag : result.tags()) {
            if (result.digests().containsKey(tag)) {
                digest = result.digests().get(tag);
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
        summary.put("imageId", result.imageId());
        summary.put("digest", digest);
        summary.put("digests", digests);
        summary.put("tags", new ArrayList<>(result.tags()));
        summary.put("contextBytes", result.contextBytes());
        summary.put("durationMillis", result.durationMillis());
        return summary;
    }
}
