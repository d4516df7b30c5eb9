package io.jenkins.plugins.containerrollout.core.image;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * Where a build's sources come from: the commit checked out in the Git work tree around a directory, the
 * {@code origin} remote (credentials removed) and the commit time — the start of the DORA lead time. Read with JGit
 * from the repository files, so it needs no {@code git} binary and no network.
 *
 * <p>Usage: {@code GitMetadata.of(contextDir).map(GitMetadata::commit).orElse(null)}
 *
 * @param commit     full SHA-1 of {@code HEAD}
 * @param remoteUrl  URL of {@code origin} without user or password, or null when there is no origin
 * @param commitTime committer time of {@code HEAD}
 */
public record GitMetadata(String commit, String remoteUrl, Instant commitTime) implements Serializable {

    /**
     * Reads the metadata of the work tree that contains {@code dir} (at any depth). Empty when {@code dir} is not in
     * a Git work tree, or the repository has no commit yet.
     *
     * @throws IOException when a repository is there but cannot be read
     */
    public static Optional<GitMetadata> of(Path dir) throws IOException {
        FileRepositoryBuilder builder = new FileRepositoryBuilder().findGitDir(dir.toAbsolutePath().toFile());
        if (builder.getGitDir() == null) {
            return Optional.empty();
        }
        try (Repository repo = builder.setMustExist(true).build()) {
            ObjectId head = repo.resolve("HEAD");
            if (head == null) {
                return Optional.empty();
            }
            Instant time;
            try (RevWalk walk = new RevWalk(repo)) {
                RevCommit commit = walk.parseCommit(head);
                time = Instant.ofEpochSecond(commit.getCommitTime());
            }
            String origin = repo.getConfig().getString("remote", "origin", "url");
            return Optional.of(new GitMetadata(head.name(), origin == null ? null : withoutCredentials(origin), time));
        }
    }

    /**
     * Removes the user-info of a URL, so {@code https://user:token@host/org/repo.git} becomes
     * {@code https://host/org/repo.git}; for SSH only a password is removed (the user {@code git@} is not a secret).
     * Anything that is not a URL (a path, {@code git@host:org/repo}) is returned unchanged.
     */
    public static String withoutCredentials(String url) {
        int schemeEnd = url.indexOf("://");
        if (schemeEnd < 0) {
            return url;
        }
        int authority = schemeEnd + 3;
        int path = url.indexOf('/', authority);
        int at = url.lastIndexOf('@', path < 0 ? url.length() - 1 : path - 1);
        if (at < authority) {
            return url;
        }
        String scheme = url.substring(0, schemeEnd).toLowerCase();
        String userInfo = url.substring(authority, at);
        String keep = "";
        if (scheme.contains("ssh")) {
            int colon = userInfo.indexOf(':');
            keep = (colon < 0 ? userInfo : userInfo.substring(0, colon)) + "@";
        }
        return url.substring(0, authority) + keep + url.substring(at + 1);
    }
}
