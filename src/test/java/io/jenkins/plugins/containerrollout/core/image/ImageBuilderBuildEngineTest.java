package io.jenkins.plugins.containerrollout.core.image;

import static io.jenkins.plugins.containerrollout.core.image.ImageBuilderFixtures.cleanUp;
import static io.jenkins.plugins.containerrollout.core.image.ImageBuilderFixtures.context;
import static io.jenkins.plugins.containerrollout.core.image.ImageBuilderFixtures.request;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.containerrollout.core.engine.DockerHost;
import io.jenkins.plugins.containerrollout.core.engine.TestCommands;
import io.jenkins.plugins.containerrollout.testing.TestBed;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.Test;

/**
 * Building on the real engine: what the image carries, its tags, the log, and how failures read. A build without push
 * goes without docker-java ({@link PlainBuild}); the image and the failure are checked both ways, as over TLS the
 * build goes through docker-java's client ({@link ImageBuilder#throughDockerJava}).
 */
public class ImageBuilderBuildEngineTest {
    private static final String BUSYBOX = "COPY busybox /bin/busybox";

    @Test
    public void buildsWithArgsTargetLabelsAndOciLabels() throws Exception {
        buildsWithArgsTargetLabelsAndOciLabels(new ImageBuilder(TestBed.host()));
    }

    @Test
    public void buildsWithArgsTargetLabelsAndOciLabelsThroughDockerJava() throws Exception {
        buildsWithArgsTargetLabelsAndOciLabels(ImageBuilder.throughDockerJava(TestBed.host()));
    }

    private void buildsWithArgsTargetLabelsAndOciLabels(ImageBuilder builder) throws Exception {
        Path ctx = context("FROM scratch AS base", BUSYBOX, "ARG GREETING=none",
                "RUN [\"/bin/busybox\", \"sh\", \"-c\", \"echo $GREETING > /greeting\"]",
                "FROM base AS broken", "RUN [\"/bin/busybox\", \"false\"]");
        git(ctx, "init", "-q");
        git(ctx, "remote", "add", "origin", "https://bot:t0ken@git.example.test/org/app.git");
        git(ctx, "add", ".");
        git(ctx, "-c", "user.name=t", "-c", "user.email=t@example.test", "commit", "-q", "-m", "app");
        String tag = TestBed.unique("bld") + ":1";
        try {
            ImageBuilderFixtures.Req req = request(ctx, tag);
            req.buildArgs = Map.of("GREETING", "hello");
            req.target = "base";
            req.labels = Map.of("team", "rollout");
            req.version = "1.2.3";
            Instant before = Instant.now().minusSeconds(1);
            BuildResult result = builder.build(req.build(), line -> { });

            @SuppressWarnings("unchecked")
            Map<String, String> labels = new ObjectMapper().readValue(
                    TestBed.docker("inspect", "--format", "{{json .Config.Labels}}", tag), Map.class);
            assertEquals("rollout", labels.get("team"));
            assertEquals(git(ctx, "rev-parse", "HEAD").trim(), labels.get(OciLabels.REVISION));
            assertEquals("https://git.example.test/org/app.git", labels.get(OciLabels.SOURCE));
            assertEquals("1.2.3", labels.get(OciLabels.VERSION));
            Instant created = Instant.parse(labels.get(OciLabels.CREATED));
            assertTrue(created + " is not the build time", !created.isBefore(before.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)));
            assertEquals(labels, result.labels());
            assertEquals(labels.get(OciLabels.REVISION), result.git().commit());
            assertEquals(Instant.ofEpochSecond(Long.parseLong(git(ctx, "log", "-1", "--format=%ct").trim())), result.git().commitTime());
            assertEquals("hello\n", TestBed.docker("run", "--rm", "--network", "none", tag, "/bin/busybox", "cat", "/greeting"));
            assertEquals(TestBed.docker("inspect", "--format", "{{.Id}}", tag).trim(), result.imageId());
            assertTrue("context bytes " + result.contextBytes(), result.contextBytes() > Files.size(ctx.resolve("busybox")));
        } finally {
            cleanUp(ctx, tag);
        }
    }

    @Test
    public void appliesEveryTagToTheOneImage() throws Exception {
        Path ctx = context("FROM scratch", BUSYBOX);
        String name = TestBed.unique("bld");
        String[] tags = {name + ":1", name + ":latest", name + "-alias:x"};
        try {
            BuildResult result = new ImageBuilder(TestBed.host()).build(request(ctx, tags).build(), line -> { });
            assertEquals(List.of(tags), result.tags());
            for (String tag : tags) {
                assertEquals(result.imageId(), TestBed.docker("inspect", "--format", "{{.Id}}", tag).trim());
            }
            assertEquals(Map.of(), result.digests());
        } finally {
            cleanUp(ctx, tags);
        }
    }

    @Test
    public void streamsTheBuildLogOneLineAtATime() throws Exception {
        Path ctx = context("FROM scratch", BUSYBOX, "RUN [\"/bin/busybox\", \"sh\", \"-c\", \"echo first; echo second\"]");
        String tag = TestBed.unique("bld") + ":1";
        ImageBuilderFixtures.Lines sink = new ImageBuilderFixtures.Lines();
        try {
            new ImageBuilder(TestBed.host()).build(request(ctx, tag).build(), sink);
            assertTrue(sink.all(), sink.lines.stream().anyMatch(l -> l.startsWith("Step 1/")));
            assertTrue(sink.all(), sink.lines.contains("first"));
            assertTrue(sink.all(), sink.lines.contains("second"));
            assertFalse(sink.all(), sink.lines.stream().anyMatch(l -> l.contains("\n")));
        } finally {
            cleanUp(ctx, tag);
        }
    }

    @Test
    public void buildsWithADockerfileOutsideTheContext() throws Exception {
        Path ctx = context("FROM scratch");
        Path elsewhere = Files.createTempDirectory("bld-df").resolve("App.Dockerfile");
        Files.writeString(elsewhere, "FROM scratch\n" + BUSYBOX + "\nLABEL from=outside\n");
        String tag = TestBed.unique("bld") + ":1";
        try {
            ImageBuilderFixtures.Req req = request(ctx, tag);
            req.dockerfile = elsewhere.toString();
            BuildResult result = new ImageBuilder(TestBed.host()).build(req.build(), line -> { });
            assertEquals("outside", result.labels().get("from"));
        } finally {
            cleanUp(elsewhere.getParent());
            cleanUp(ctx, tag);
        }
    }

    @Test
    public void sendsAndCountsOnlyWhatDockerignoreLetsThrough() throws Exception {
        Path ctx = context("FROM scratch", BUSYBOX);
        Files.write(ctx.resolve("big.bin"), new byte[4 * 1024 * 1024]);
        String tag = TestBed.unique("bld") + ":1";
        try {
            long withBig = new ImageBuilder(TestBed.host()).build(request(ctx, tag).build(), line -> { }).contextBytes();
            Files.writeString(ctx.resolve(".dockerignore"), "big.bin\n");
            long withoutBig = new ImageBuilder(TestBed.host()).build(request(ctx, tag).build(), line -> { }).contextBytes();
            // the difference is big.bin, less the .dockerignore entry and tar padding
            assertTrue(withBig + " vs " + withoutBig, withBig - withoutBig > 4 * 1024 * 1024 - 16 * 1024);
            assertTrue(withoutBig + " bytes", withoutBig > Files.size(ctx.resolve("busybox")));
        } finally {
            cleanUp(ctx, tag);
        }
    }

    @Test
    public void namesTheFailingRunStepItsExitCodeAndItsLastOutput() throws Exception {
        namesTheFailingRunStep(new ImageBuilder(TestBed.host()));
        namesTheFailingRunStep(ImageBuilder.throughDockerJava(TestBed.host()));
    }

    private void namesTheFailingRunStep(ImageBuilder builder) throws Exception {
        Path ctx = context("FROM scratch", BUSYBOX,
                "RUN [\"/bin/busybox\", \"sh\", \"-c\", \"for i in $(seq 1 12); do echo out$i; done; exit 3\"]");
        String tag = TestBed.unique("bld") + ":1";
        try {
            BuildException e = assertThrows(BuildException.class, () -> builder.build(request(ctx, tag).build(), line -> { }));
            assertTrue(e.getMessage(), e.getMessage().startsWith("Step 3/4 : RUN [\"/bin/busybox\", \"sh\", \"-c\""));
            assertTrue(e.getMessage(), e.getMessage().contains("failed (exit code 3); last output: out3 | out4"));
            assertTrue(e.getMessage(), e.getMessage().endsWith("| out12"));
            assertEquals(10, e.outputTail().size());
            assertFalse(e.getMessage(), e.getMessage().contains("\n"));
        } finally {
            cleanUp(ctx, tag);
        }
    }

    @Test
    public void namesTheMissingDockerfile() throws Exception {
        Path ctx = context("FROM scratch");
        Files.delete(ctx.resolve("Dockerfile"));
        try {
            BuildException e = assertThrows(BuildException.class,
                    () -> new ImageBuilder(TestBed.host()).build(request(ctx, "bld-x:1").build(), line -> { }));
            assertEquals("Dockerfile not found: " + ctx.resolve("Dockerfile"), e.getMessage());
        } finally {
            cleanUp(ctx);
        }
    }

    @Test
    public void rejectsABadTagBeforeContactingTheEngine() throws Exception {
        Path ctx = context("FROM scratch");
        try {
            DockerHost nowhere = new DockerHost("tcp://127.0.0.1:" + TestCommands.unusedPort(), false, null);
            ImageBuilderFixtures.Req req = request(ctx, "good:1", "Bad Tag:1");
            req.host = nowhere;
            BuildException e = assertThrows(BuildException.class, () -> new ImageBuilder(nowhere).build(req.build(), line -> { }));
            assertTrue(e.getMessage(), e.getMessage().startsWith("invalid image tag \"Bad Tag:1\""));
        } finally {
            cleanUp(ctx);
        }
    }

    @Test
    public void explainsAnUnreachableEngine() throws Exception {
        Path ctx = context("FROM scratch");
        int port = TestCommands.unusedPort();
        try {
            DockerHost nowhere = new DockerHost("tcp://127.0.0.1:" + port, false, null);
            BuildException e = assertThrows(BuildException.class,
                    () -> new ImageBuilder(nowhere).build(request(ctx, "bld-x:1").build(), line -> { }));
            assertEquals("cannot reach the Docker engine at tcp://127.0.0.1:" + port
                    + ": nothing answers there (connection refused) — is dockerd running, and listening there? To use"
                    + " another engine, set --docker-host (CLI), dockerHost (Pipeline step) or DOCKER_HOST", e.getMessage());
        } finally {
            cleanUp(ctx);
        }
    }

    private static String git(Path dir, String... args) {
        String[] command = new String[args.length + 1];
        command[0] = "git";
        System.arraycopy(args, 0, command, 1, args.length);
        return TestCommands.run(dir, command);
    }
}
