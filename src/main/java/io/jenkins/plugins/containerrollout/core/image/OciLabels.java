package io.jenkins.plugins.containerrollout.core.image;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The labels an image gets: the OCI annotations we can know ({@code org.opencontainers.image.created},
 * {@code .revision}, {@code .source}, {@code .version}) plus the user's labels. <b>The user's labels win</b> on a
 * conflict: someone who writes {@code org.opencontainers.image.source} by hand (a public mirror of a private
 * repository, say) means it, while ours are best guesses from the work tree.
 *
 * <p>Usage: {@code Map<String, String> labels = OciLabels.compose(request.labels(), GitMetadata.of(dir), "1.0", Instant.now());}
 */
public final class OciLabels {
    public static final String CREATED = "org.opencontainers.image.created";
    public static final String REVISION = "org.opencontainers.image.revision";
    public static final String SOURCE = "org.opencontainers.image.source";
    public static final String VERSION = "org.opencontainers.image.version";

    private OciLabels() {
    }

    /**
     * Combines automatic and user labels, sorted by key.
     *
     * @param user    labels given in the request; they override ours
     * @param git     the work tree's metadata, if the context is in one
     * @param version the version, or null
     * @param created build time, written as RFC 3339 UTC to the second ({@code 2026-11-25T15:04:05Z})
     */
    public static Map<String, String> compose(Map<String, String> user, Optional<GitMetadata> git, String version, Instant created) {
        Map<String, String> labels = new TreeMap<>();
        labels.put(CREATED, DateTimeFormatter.ISO_INSTANT.format(created.truncatedTo(ChronoUnit.SECONDS)));
        git.ifPresent(g -> {
            labels.put(REVISION, g.commit());
            if (g.remoteUrl() != null) {
                labels.put(SOURCE, g.remoteUrl());
            }
        });
        if (version != null && !version.isBlank()) {
            labels.put(VERSION, version);
        }
        labels.putAll(user);
        return labels;
    }
}
