package io.jenkins.plugins.containerrollout.core.swarm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.jenkins.plugins.containerrollout.core.deploy.ReplicaSpec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;

/**
 * One revision of a Swarm application as its service labels keep it: the current one in
 * {@link SwarmLabels#RECORD}, earlier ones in {@link SwarmLabels#HISTORY}. Swarm itself remembers only one previous
 * spec; this is enough to rebuild any kept revision's task template exactly.
 *
 * @param number     revision number
 * @param spec       the replica spec as requested
 * @param image      the image as the tasks run it: {@code repo@sha256:...} when it came from a registry
 * @param imageId    the image id on the manager when deployed
 * @param digest     the repository digest, or null for an image known to the manager only
 * @param argv       the process the task runs (entrypoint + command, resolved once)
 * @param specHash   hash of spec, pinned image and health path: equal hashes mean identical tasks
 * @param healthPath the path the HEALTHCHECK asks for
 * @param buildUrl   the Jenkins build that deployed it, or null
 * @param commit     the source commit, or null
 * @param createdMillis when it was first deployed
 * @param platforms  {@code os/architecture} of the image's manifest: tasks are placed on matching nodes only, as the
 *                   CLI places them; empty when the registry was not asked
 * @param imageHealthWindowMillis 0 when the image has no HEALTHCHECK (the task runs ours on {@code healthPath});
 *                   else the time the image's own needs to call a task unhealthy, which becomes Swarm's monitor window
 *                   (absent, so 0, in labels written before images' own HEALTHCHECKs were kept)
 */
record SwarmRevision(int number, ReplicaSpec spec, String image, String imageId, String digest, List<String> argv,
        String specHash, String healthPath, String buildUrl, String commit, long createdMillis, List<String> platforms,
        long imageHealthWindowMillis) {

    SwarmRevision {
        platforms = platforms == null ? List.of() : List.copyOf(platforms);
    }

    /**
     * How a revision becomes a task template; part of every hash, so a spec deployed before a change of it (here: PORT
     * from the service labels instead of a shell wrapper) is a new revision, rolled out as an update.
     */
    private static final String TEMPLATE_FORMAT = "port-from-labels";

    static String hash(ReplicaSpec spec, String pinnedImage, String healthPath) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((TEMPLATE_FORMAT + "\n").getBytes(StandardCharsets.UTF_8));
            sha.update(SwarmApi.JSON.writeValueAsBytes(spec.withImage("-")));
            sha.update(("\n" + pinnedImage + "\n" + healthPath).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException("SHA-256 and plain records always work", e);
        }
    }

    String toJson() {
        try {
            return SwarmApi.JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a revision is plain data", e);
        }
    }

    static SwarmRevision fromJson(String json) {
        try {
            return SwarmApi.JSON.readValue(json, SwarmRevision.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the service's revision label is unreadable: " + e.getOriginalMessage(), e);
        }
    }

    static String historyJson(List<SwarmRevision> history) {
        try {
            return SwarmApi.JSON.writeValueAsString(history);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("revisions are plain data", e);
        }
    }

    static List<SwarmRevision> historyFromJson(String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        try {
            return SwarmApi.JSON.readValue(json, new TypeReference<List<SwarmRevision>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the service's history label is unreadable: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * {@code history} plus {@code added} (when not null), without {@code dropped}, ordered by number with each number
     * once ({@code added} wins over a kept copy of itself), keeping the newest {@code limit}.
     */
    static List<SwarmRevision> keep(List<SwarmRevision> history, SwarmRevision added, int dropped, int limit) {
        // by number, not by position: after a rollback the revision serving is older than ones kept in the history
        TreeMap<Integer, SwarmRevision> byNumber = new TreeMap<>();
        for (SwarmRevision r : history) {
            if (r.number() != dropped) {
                byNumber.put(r.number(), r);
            }
        }
        if (added != null) {
            byNumber.put(added.number(), added);
        }
        List<SwarmRevision> out = new ArrayList<>(byNumber.values());
        return List.copyOf(out.subList(Math.max(0, out.size() - limit), out.size()));
    }
}
