package io.jenkins.plugins.containerrollout.core.image;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.containerrollout.core.engine.TestCommands;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/** Commit, origin and commit time read with JGit, checked against what the git CLI says about the same repository. */
public class GitMetadataTest {
    private Path repo;

    @Before
    public void createRepository() throws Exception {
        repo = Files.createTempDirectory("bld-git");
        git("init", "-q");
        Files.createDirectories(repo.resolve("app/sub"));
        Files.writeString(repo.resolve("app/sub/file"), "x\n");
        git("add", ".");
        git("-c", "user.name=t", "-c", "user.email=t@example.test", "commit", "-q", "-m", "first");
    }

    @After
    public void deleteRepository() throws Exception {
        try (Stream<Path> files = Files.walk(repo)) {
            files.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    public void readsHeadCommitAndItsTimeFromADirectoryDeepInsideTheWorkTree() throws Exception {
        GitMetadata meta = GitMetadata.of(repo.resolve("app/sub")).orElseThrow();
        assertEquals(git("rev-parse", "HEAD").trim(), meta.commit());
        assertEquals(Instant.ofEpochSecond(Long.parseLong(git("log", "-1", "--format=%ct").trim())), meta.commitTime());
        assertNull(meta.remoteUrl());
    }

    @Test
    public void stripsCredentialsFromTheOriginUrl() throws Exception {
        git("remote", "add", "origin", "https://ci-bot:s3cret@git.example.test/org/app.git");
        assertEquals("https://git.example.test/org/app.git", GitMetadata.of(repo).orElseThrow().remoteUrl());
    }

    @Test
    public void isEmptyOutsideAWorkTree() throws Exception {
        Path plain = Files.createTempDirectory("bld-nogit");
        try {
            assertEquals(Optional.empty(), GitMetadata.of(plain));
        } finally {
            Files.delete(plain);
        }
    }

    @Test
    public void keepsTheSshUserButNotAPassword() {
        assertEquals("ssh://git@host.test/org/app.git", GitMetadata.withoutCredentials("ssh://git:pw@host.test/org/app.git"));
        assertEquals("git@host.test:org/app.git", GitMetadata.withoutCredentials("git@host.test:org/app.git"));
        assertEquals("https://host.test/a", GitMetadata.withoutCredentials("https://u:p@ss@host.test/a"));
        assertFalse(GitMetadata.withoutCredentials("http://token@host.test/a").contains("token"));
    }

    @Test
    public void readsALinkedWorktree() throws Exception {
        Path linked = repo.resolveSibling(repo.getFileName() + "-wt");
        git("worktree", "add", "-q", linked.toString());
        try {
            GitMetadata meta = GitMetadata.of(linked).orElseThrow();
            assertEquals(git("rev-parse", "HEAD").trim(), meta.commit());
        } finally {
            git("worktree", "remove", "--force", linked.toString());
        }
        assertTrue(Files.notExists(linked));
    }

    private String git(String... args) {
        String[] command = new String[args.length + 1];
        command[0] = "git";
        System.arraycopy(args, 0, command, 1, args.length);
        return TestCommands.run(repo, command);
    }
}
