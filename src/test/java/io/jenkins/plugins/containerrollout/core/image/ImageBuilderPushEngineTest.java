package io.jenkins.plugins.containerrollout.core.image;

import static io.jenkins.plugins.containerrollout.core.image.ImageBuilderFixtures.cleanUp;
import static io.jenkins.plugins.containerrollout.core.image.ImageBuilderFixtures.context;
import static io.jenkins.plugins.containerrollout.core.image.ImageBuilderFixtures.request;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.containerrollout.core.ProgressSink;
import io.jenkins.plugins.containerrollout.core.engine.TestCommands;
import io.jenkins.plugins.containerrollout.testing.TestBed;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.Test;

/**
 * Pushing to the test bed's registries: the digest we return is the one the registry serves, credentials work, and
 * wrong credentials or a registry that is not there fail in words — without ever showing the password.
 */
public class ImageBuilderPushEngineTest {
    private static final String[] DOCKERFILE = {"FROM scratch", "COPY busybox /bin/busybox"};

    @Test
    public void returnsTheDigestTheOpenRegistryServes() throws Exception {
        Path ctx = context(DOCKERFILE);
        String repo = TestBed.unique("bld");
        String tag = TestBed.registry() + "/" + repo + ":1";
        try {
            ImageBuilderFixtures.Req req = request(ctx, tag);
            req.push = true;
            BuildResult result = new ImageBuilder(TestBed.host()).build(req.build(), line -> { });
            String digest = result.digests().get(tag);
            assertTrue(digest, digest.matches("sha256:[0-9a-f]{64}"));
            assertEquals(digest, manifestDigest(TestBed.registry(), repo, "1", null));
            assertEquals(TestBed.registry() + "/" + repo + "@" + digest,
                    TestBed.docker("inspect", "--format", "{{index .RepoDigests 0}}", tag).trim());
        } finally {
            cleanUp(ctx, tag);
        }
    }

    @Test
    public void pushesEveryTagAndKeepsADigestForEach() throws Exception {
        Path ctx = context(DOCKERFILE);
        String repo = TestBed.unique("bld");
        String one = TestBed.registry() + "/" + repo + ":1";
        String two = TestBed.registry() + "/" + repo + ":stable";
        try {
            ImageBuilderFixtures.Req req = request(ctx, one, two);
            req.push = true;
            BuildResult result = new ImageBuilder(TestBed.host()).build(req.build(), line -> { });
            assertEquals(manifestDigest(TestBed.registry(), repo, "1", null), result.digests().get(one));
            assertEquals(manifestDigest(TestBed.registry(), repo, "stable", null), result.digests().get(two));
        } finally {
            cleanUp(ctx, one, two);
        }
    }

    @Test
    public void pushesToTheAuthenticatedRegistryWithCredentials() throws Exception {
        Path ctx = context(DOCKERFILE);
        String repo = TestBed.unique("bld");
        String tag = TestBed.authRegistry() + "/" + repo + ":1";
        RegistryCredentials login = new RegistryCredentials(TestBed.authUser(), TestBed.authPassword());
        try {
            ImageBuilderFixtures.Req req = request(ctx, tag);
            req.push = true;
            req.credentials = login;
            BuildResult result = new ImageBuilder(TestBed.host()).build(req.build(), line -> { });
            assertEquals(manifestDigest(TestBed.authRegistry(), repo, "1", login), result.digests().get(tag));
        } finally {
            cleanUp(ctx, tag);
        }
    }

    @Test
    public void saysAuthenticationFailedForAWrongPassword() throws Exception {
        String tag = TestBed.authRegistry() + "/" + TestBed.unique("bld") + ":1";
        BuildException e = pushWithPassword(tag, "wrong-" + TestBed.unique("pw"), line -> { });
        assertTrue(e.getMessage(), e.getMessage().startsWith("push of " + tag + " refused by " + TestBed.authRegistry()
                + ": authentication failed — check the registry username and password"));
    }

    @Test
    public void neverShowsThePasswordInProgressOrErrors() throws Exception {
        String password = "pw-" + TestBed.unique("secret");
        ImageBuilderFixtures.Lines sink = new ImageBuilderFixtures.Lines();
        BuildException e = pushWithPassword(TestBed.authRegistry() + "/" + TestBed.unique("bld") + ":1", password, sink);
        assertFalse(sink.lines.isEmpty());
        assertFalse(sink.all().contains(password));
        for (Throwable t = e; t != null; t = t.getCause()) {
            assertFalse(String.valueOf(t.getMessage()).contains(password));
            assertFalse(String.valueOf(t).contains(password));
        }
    }

    @Test
    public void pullsAPrivateBaseImageFromARegistryOneOfTheTagsNames() throws Exception {
        Path baseCtx = context(DOCKERFILE);
        String base = TestBed.authRegistry() + "/" + TestBed.unique("bld-base") + ":1";
        Path appCtx = context("FROM " + base, "LABEL app=on-private-base");
        String app = TestBed.unique("bld-app") + ":1";
        RegistryCredentials login = new RegistryCredentials(TestBed.authUser(), TestBed.authPassword());
        try {
            ImageBuilderFixtures.Req push = request(baseCtx, base);
            push.push = true;
            push.credentials = login;
            new ImageBuilder(TestBed.host()).build(push.build(), line -> { });
            TestBed.docker("rmi", base);
            ImageBuilderFixtures.Req build = request(appCtx, app);
            build.pull = true;
            build.credentials = login;
            build.tags = java.util.List.of(app, TestBed.authRegistry() + "/" + app);
            BuildResult result = new ImageBuilder(TestBed.host()).build(build.build(), line -> { });
            assertEquals("on-private-base", result.labels().get("app"));
        } finally {
            cleanUp(baseCtx, base);
            cleanUp(appCtx, app, TestBed.authRegistry() + "/" + app);
        }
    }

    /** Builds and pushes {@code tag} to the authenticated registry with a password it refuses. */
    private static BuildException pushWithPassword(String tag, String password, ProgressSink sink) throws Exception {
        Path ctx = context(DOCKERFILE);
        try {
            ImageBuilderFixtures.Req req = request(ctx, tag);
            req.push = true;
            req.credentials = new RegistryCredentials(TestBed.authUser(), password);
            assertFalse(req.build().toString().contains(password));
            return assertThrows(BuildException.class, () -> new ImageBuilder(TestBed.host()).build(req.build(), sink));
        } finally {
            cleanUp(ctx, tag);
        }
    }

    @Test
    public void saysTheRegistryCannotBeReached() throws Exception {
        Path ctx = context(DOCKERFILE);
        String registry = "127.0.0.1:" + TestCommands.unusedPort();
        String tag = registry + "/" + TestBed.unique("bld") + ":1";
        try {
            ImageBuilderFixtures.Req req = request(ctx, tag);
            req.push = true;
            BuildException e = assertThrows(BuildException.class,
                    () -> new ImageBuilder(TestBed.host()).build(req.build(), line -> { }));
            assertTrue(e.getMessage(), e.getMessage().startsWith("cannot reach registry " + registry + " to push " + tag
                    + ": connection refused"));
        } finally {
            cleanUp(ctx, tag);
        }
    }

    /** What the registry answers to a manifest HEAD: the {@code Docker-Content-Digest} header. */
    static String manifestDigest(String registry, String repo, String tag, RegistryCredentials login) throws Exception {
        HttpRequest.Builder head = HttpRequest.newBuilder(URI.create("http://" + registry + "/v2/" + repo + "/manifests/" + tag))
                .method("HEAD", HttpRequest.BodyPublishers.noBody())
                .header("Accept", "application/vnd.docker.distribution.manifest.v2+json");
        if (login != null) {
            head.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (login.username() + ":" + login.password()).getBytes(StandardCharsets.UTF_8)));
        }
        HttpResponse<Void> response = HttpClient.newHttpClient().send(head.build(), HttpResponse.BodyHandlers.discarding());
        assertEquals(200, response.statusCode());
        return response.headers().firstValue("Docker-Content-Digest").orElseThrow();
    }
}
