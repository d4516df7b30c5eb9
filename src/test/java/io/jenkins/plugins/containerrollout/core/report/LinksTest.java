package io.jenkins.plugins.containerrollout.core.report;

import static org.junit.Assert.assertEquals;

import java.util.Optional;
import org.junit.Test;

/** Links out are made only from plain URLs: never with credentials, never to a page a browser could not open. */
public class LinksTest {
    private static final String SHA = "9c41e07d2b8f5a6e13d0c7b4a9e2f8d1c6b3a5e0";

    @Test
    public void theConsoleOfAnHttpBuild() {
        assertEquals(Optional.of("https://ci.example.com/job/a/7/console"), Links.console("https://ci.example.com/job/a/7/"));
        assertEquals(Optional.of("http://127.0.0.1:8080/job/a/7/console"), Links.console("http://127.0.0.1:8080/job/a/7"));
        assertEquals(Optional.empty(), Links.console("https://user:token@ci.example.com/job/a/7/"));
        assertEquals(Optional.empty(), Links.console("javascript:alert(1)//"));
        assertEquals(Optional.empty(), Links.console("/job/a/7/"));
        assertEquals(Optional.empty(), Links.console(null));
    }

    @Test
    public void theCommitOnAnHttpsGitHost() {
        assertEquals(Optional.of("https://github.com/org/app/commit/" + SHA), Links.commit("https://github.com/org/app.git", SHA));
        assertEquals(Optional.of("https://gitlab.example.com/group/sub/app/commit/" + SHA),
                Links.commit("https://gitlab.example.com/group/sub/app/", SHA.toUpperCase()));
        assertEquals("credentials never reach a link", Optional.empty(),
                Links.commit("https://oauth2:glpat-secret@gitlab.com/org/app.git", SHA));
        assertEquals(Optional.empty(), Links.commit("git@github.com:org/app.git", SHA));
        assertEquals(Optional.empty(), Links.commit("http://github.com/org/app.git", SHA));
        assertEquals(Optional.empty(), Links.commit("https://github.com/app", SHA));
        assertEquals(Optional.empty(), Links.commit("https://github.com/org/app?x=1", SHA));
        assertEquals("not a commit id", Optional.empty(), Links.commit("https://github.com/org/app", "main\"><b>"));
        assertEquals(Optional.empty(), Links.commit("https://github.com/org/app\"onclick=x", SHA));
    }

    @Test
    public void theImageOnlyInARegistryWithHttpsPages() {
        assertEquals(Optional.of("https://hub.docker.com/_/nginx"), Links.image("nginx:1.25"));
        assertEquals(Optional.of("https://hub.docker.com/_/nginx"), Links.image("docker.io/library/nginx@sha256:abc"));
        assertEquals(Optional.of("https://hub.docker.com/r/org/app"), Links.image("org/app:2"));
        assertEquals(Optional.of("https://quay.io/repository/org/app"), Links.image("quay.io/org/app:2"));
        assertEquals(Optional.of("https://ghcr.io/org/app"), Links.image("ghcr.io/org/app:2"));
        assertEquals(Optional.empty(), Links.image("127.0.0.1:5000/shop-web:1.8.0"));
        assertEquals(Optional.empty(), Links.image("localhost:5000/app"));
        assertEquals(Optional.empty(), Links.image("registry.example.com/app:1"));
        assertEquals(Optional.empty(), Links.image("<script>"));
    }

    @Test
    public void anAnchorIsEscaped() {
        assertEquals("<a href=\"https://x.example/a&amp;b\" target=\"_blank\" rel=\"noopener noreferrer\">&lt;b&gt;</a>",
                Links.anchor("https://x.example/a&b", "<b>"));
    }
}
