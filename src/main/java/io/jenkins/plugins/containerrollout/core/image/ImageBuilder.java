package io.jenkins.plugins.containerrollout.core.image;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.BuildImageCmd;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.model.AuthConfig;
import com.github.dockerjava.api.model.AuthConfigurations;
import io.jenkins.plugins.containerrollout.core.RequestException;
import io.jenkins.plugins.containerrollout.core.ProgressSink;
import io.jenkins.plugins.containerrollout.core.engine.DockerClientFactory;
import io.jenkins.plugins.containerrollout.core.engine.PlainEngine;
import io.jenkins.plugins.containerrollout.core.engine.DockerHost;
import io.jenkins.plugins.containerrollout.core.engine.EngineException;
import io.jenkins.plugins.containerrollout.core.engine.EngineFailures;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code containerBuild}'s core: sends the context (honouring {@code .dockerignore}) to the engine's classic builder,
 * the way {@code DOCKER_BUILDKIT=0 docker build} does, applies every tag, adds the OCI labels (see {@link OciLabels}:
 * the request's own labels win on a conflict), streams the build log line by line, and pushes each tag when asked,
 * keeping the digest the registry gave each one.
 *
 * <p>A build is bounded by {@link BuildRequest#timeout()} (30 minutes when null) and cancellable: interrupting the
 * calling thread closes the engine streams — the engine then stops the running step — waits for our reading threads
 * to end, and throws {@link InterruptedException} with the thread's interrupt flag set again, so callers further up
 * (a Jenkins step execution) still see that they were interrupted. Nothing is written to disk: the context is
 * streamed. The registry password never appears in progress lines or exception messages. The credentials are used
 * for the push and offered for pulling base images only from the registries the tags name.
 *
 * <p>Usage: {@code BuildResult r = new ImageBuilder(host).build(request, listener.getLogger()::println);}
 */
public final class ImageBuilder {
    /** Bound on a build and its pushes when the request gives none. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(30);
    /** How long a cancelled build may take to release its threads. */
    private static final Duration RELEASE = Duration.ofSeconds(10);

    private final DockerHost host;
    private final DockerClientFactory clients;
    /** Whether a build without push may go without docker-java ({@link PlainBuild}); tests compare the two. */
    private final boolean plainAllowed;

    public ImageBuilder(DockerHost host) {
        this(host, DockerClientFactory.DEFAULT);
    }

    /** With another client factory (other connect timeout); the response timeout always follows the request's. */
    public ImageBuilder(DockerHost host, DockerClientFactory clients) {
        this(host, clients, true);
    }

    private ImageBuilder(DockerHost host, DockerClientFactory clients, boolean plainAllowed) {
        this.host = host;
        this.clients = clients;
        this.plainAllowed = plainAllowed;
    }

    /**
     * Builds, tags and (when {@code request.push()}) pushes an image.
     *
     * @param progress receives the build log and push progress, one line at a time
     * @throws BuildException       with a one-line message naming the cause (bad tag, missing Dockerfile, failed step,
     *                              unreachable engine or registry, refused credentials, timeout)
     * @throws InterruptedException when the calling thread was interrupted; the build was stopped first
     */
    public BuildResult build(BuildRequest request, ProgressSink progress) throws BuildException, InterruptedException {
        Redactor redactor = new Redactor(request.credentials());
        try {
            return run(request, redactor.sink(progress));
        } catch (BuildException e) {
            throw redactor.apply(e);
        }
    }

    private BuildResult run(BuildRequest request, ProgressSink progress) throws BuildException, InterruptedException {
        long started = System.nanoTime();
        Duration timeout = request.timeout() == null ? DEFAULT_TIMEOUT : request.timeout();
        Instant deadline = Instant.now().plus(timeout);
        List<ImageReference> refs = references(request.tags());
        Path context = contextDirectory(request);
        checkDockerfile(context, request.dockerfile());
        Optional<GitMetadata> git = git(context, progress);
        Map<String, String> labels = OciLabels.compose(request.labels(), git, request.version(), Instant.now());

        PlainEngine plain = plainEngine(request);
        Session session = new Session(plain != null ? null : connect(timeout), progress, deadline, timeout);
        try {
            stopIfInterrupted();
            Built built = buildImage(session, request, context, refs, labels, plain);
            String ref = built.imageId() != null ? built.imageId() : request.tags().get(0);
            PlainBuild.Image image = plain != null ? plainImage(plain, ref) : image(inspect(session.docker(), ref));
            Map<String, String> digests = new LinkedHashMap<>();
            if (request.push()) {
                for (int i = 0; i < refs.size(); i++) {
                    stopIfInterrupted();
                    digests.put(request.tags().get(i), push(session, refs.get(i), request.credentials()));
                }
            }
            return new BuildResult(image.id(), request.tags(), digests, image.labels(), built.contextBytes(),
                    Duration.ofNanos(System.nanoTime() - started).toMillis(), git.orElse(null));
        } finally {
            if (session.docker() != null) {
                DockerClientFactory.closeQuietly(session.docker());
            }
        }
    }

    /**
     * The engine spoken to without docker-java ({@link PlainBuild}) for a build that pushes nothing and sends no
     * registry credentials, when it answers a ping over a unix socket or plain TCP; else null, and docker-java's
     * client builds (and explains an engine it cannot reach, as it always has).
     */
    /** A builder that always builds through docker-java's client, as over TLS: for tests of both ways. */
    static ImageBuilder throughDockerJava(DockerHost host) {
        return new ImageBuilder(host, DockerClientFactory.DEFAULT, false);
    }

    private PlainEngine plainEngine(BuildRequest request) {
        if (!plainAllowed || request.push() || request.credentials() != null) {
            return null;
        }
        PlainEngine engine = PlainEngine.of(host).orElse(null);
        try {
            return engine != null && engine.get("/_ping").isPresent() ? engine : null;
        } catch (IOException unreachable) {
            return null;
        }
    }

    private static PlainBuild.Image image(InspectImageResponse image) {
        Map<String, String> labels = image.getConfig() == null || image.getConfig().getLabels() == null
                ? Map.of() : image.getConfig().getLabels();
        return new PlainBuild.Image(image.getId(), labels);
    }

    private PlainBuild.Image plainImage(PlainEngine engine, String ref) throws BuildException {
        try {
            return PlainBuild.image(engine, ref).orElseThrow(() -> new BuildException("inspecting the built image "
                    + ref + ": the engine has no such image"));
        } catch (IOException e) {
            throw streamFailure("inspecting the built image " + ref, e);
        }
    }

    /** What every engine call of one build shares: the client, where progress goes, and the time left. */
    private record Session(DockerClient docker, ProgressSink progress, Instant deadline, Duration timeout) {
    }

    private record Built(String imageId, long contextBytes) {
    }

    /** Between steps that cannot be interrupted themselves (ping, inspect): honour an interrupt that came meanwhile. */
    private static void stopIfInterrupted() throws InterruptedException {
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedException("build interrupted");
        }
    }

    private Built buildImage(Session session, BuildRequest request, Path context, List<ImageReference> refs,
            Map<String, String> labels, PlainEngine plain) throws BuildException, InterruptedException {
        ContextArchive archive;
        try {
            archive = new ContextArchive(context, request.dockerfile(), DockerIgnore.read(context));
        } catch (IOException e) {
            throw new BuildException("cannot read the build context " + context + ": " + e.getMessage(), e);
        }
        BuildLog log = new BuildLog(refs.get(0).repository().replace('/', '-'), session.progress());
        CountingInputStream tar = new CountingInputStream(archive.open(), log::adopt);
        try {
            if (plain != null) {
                PlainBuild.start(plain, PlainBuild.query(archive.dockerfileName(), request.tags(), labels,
                        request.noCache(), request.pull(), request.buildArgs(), request.target()), tar, log);
            } else {
                send(session.docker(), request, refs, labels, archive, tar, log);
            }
            await(session, log, "build", tar);
        } catch (IOException e) {
            throw new BuildException("cannot encode the build's labels or arguments: " + e.getMessage(), e);
        } finally {
            StreamWatcher.closeQuietly(tar);
        }
        if (log.error() != null) {
            throw log.stepFailure();
        }
        if (tar.failure() != null) {
            throw new BuildException("cannot read the build context " + context + ": " + tar.failure().getMessage(), tar.failure());
        }
        if (log.streamError() != null) {
            throw streamFailure("build of " + request.tags().get(0), log.streamError());
        }
        return new Built(log.imageId(), tar.count());
    }

    /** The build through docker-java's client: its command, run on docker-java's thread into {@code log}. */
    private static void send(DockerClient docker, BuildRequest request, List<ImageReference> refs,
            Map<String, String> labels, ContextArchive archive, CountingInputStream tar, BuildLog log) {
        BuildImageCmd cmd = docker.buildImageCmd(tar)
                .withDockerfilePath(archive.dockerfileName())
                .withTags(new LinkedHashSet<>(request.tags()))
                .withLabels(labels)
                .withNoCache(request.noCache())
                .withPull(request.pull())
                .withRemove(true)
                .withForcerm(true); // a failed or cancelled step leaves no container behind
        request.buildArgs().forEach(cmd::withBuildArg);
        if (request.target() != null && !request.target().isBlank()) {
            cmd.withTarget(request.target());
        }
        if (request.credentials() != null) {
            // for FROM images in the registries the tags name: the only ones the credentials are known to be
            // for; offering them to any other registry would hand the password to a stranger
            AuthConfigurations auths = new AuthConfigurations();
            refs.forEach(ref -> auths.addConfig(auth(ref, request.credentials())));
            cmd.withBuildAuthConfigs(auths);
        }
        cmd.exec(log);
    }

    private String push(Session session, ImageReference ref, RegistryCredentials credentials)
            throws BuildException, InterruptedException {
        PushLog log = new PushLog(ref, session.progress());
        AuthConfig auth = credentials == null ? new AuthConfig() : auth(ref, credentials);
        session.docker().pushImageCmd(ref.name()).withTag(ref.tag()).withAuthConfig(auth).exec(log);
        await(session, log, "push of " + ref);
        if (log.error() != null) {
            throw log.pushFailure(log.error());
        }
        Throwable f = log.streamError();
        if (f instanceof DockerException de) {
            throw log.pushFailure(engineMessage(de));
        }
        if (f != null) {
            throw streamFailure("push of " + ref, f);
        }
        if (log.digest() == null) {
            throw new BuildException("push of " + ref + " ended without the registry reporting a digest");
        }
        return log.digest();
    }

    /**
     * Waits for a stream within the deadline. Interrupted or out of time, it abandons the stream — closes the
     * response and the request body, which makes the engine cancel the build — and waits for the reading thread.
     */
    private static void await(Session session, StreamWatcher<?> watcher, String what, Closeable... more)
            throws BuildException, InterruptedException {
        boolean done;
        try {
            done = watcher.await(Duration.between(Instant.now(), session.deadline()));
        } catch (InterruptedException e) {
            abandon(watcher, session.docker(), more);
            Thread.currentThread().interrupt();
            throw e;
        }
        if (!done) {
            abandon(watcher, session.docker(), more);
            throw new BuildException(what + " did not finish within the timeout of " + session.timeout().toSeconds()
                    + " s — stopped it");
        }
    }

    private static void abandon(StreamWatcher<?> watcher, DockerClient docker, Closeable... more) {
        watcher.close();
        for (Closeable c : more) {
            StreamWatcher.closeQuietly(c);
        }
        // closing the client shuts its connection pool, which also ends a thread still waiting for response headers
        DockerClientFactory.closeQuietly(docker);
        watcher.awaitWorkerExit(RELEASE);
    }

    private BuildException streamFailure(String what, Throwable failure) {
        String why = EngineFailures.describe(host, failure);
        if (why != null) {
            return new BuildException(why, failure);
        }
        if (failure instanceof DockerException de) {
            return new BuildException(what + " refused by the engine: " + engineMessage(de), failure);
        }
        return new BuildException(what + " failed: " + failure, failure);
    }

    /** The engine answers errors as {@code {"message":"..."}}; docker-java passes the raw body on. */
    private static String engineMessage(DockerException e) {
        String body = String.valueOf(e.getMessage()).trim();
        int key = body.indexOf("\"message\":\"");
        if (key >= 0) {
            int start = key + "\"message\":\"".length();
            int end = body.indexOf('"', start);
            if (end > start) {
                return body.substring(start, end);
            }
        }
        return body.replaceAll("^Status \\d+: ", "");
    }

    private DockerClient connect(Duration timeout) throws BuildException {
        try {
            return clients.withResponseTimeout(timeout).connect(host);
        } catch (EngineException e) {
            throw new BuildException(e.getMessage(), e);
        }
    }

    private InspectImageResponse inspect(DockerClient docker, String image) throws BuildException {
        try {
            return docker.inspectImageCmd(image).exec();
        } catch (RuntimeException e) {
            throw streamFailure("inspecting the built image " + image, e);
        }
    }

    private static AuthConfig auth(ImageReference ref, RegistryCredentials credentials) {
        return new AuthConfig()
                .withUsername(credentials.username())
                .withPassword(credentials.password())
                .withRegistryAddress(ref.registryHost());
    }

    private static List<ImageReference> references(List<String> tags) throws BuildException {
        if (tags.isEmpty()) {
            throw new BuildException("no image tag given: at least one tag (NAME:TAG) is needed");
        }
        List<ImageReference> refs = new ArrayList<>();
        for (String tag : tags) {
            try {
                refs.add(ImageReference.parse(tag));
            } catch (RequestException e) {
                throw new BuildException(e.getMessage(), e);
            }
        }
        return refs;
    }

    private static Path contextDirectory(BuildRequest request) throws BuildException {
        if (request.context() == null || request.context().isBlank()) {
            throw new BuildException("no build context directory given");
        }
        Path context = Path.of(request.context()).toAbsolutePath().normalize();
        if (!Files.isDirectory(context)) {
            throw new BuildException("build context is not a directory: " + context);
        }
        return context;
    }

    private static void checkDockerfile(Path context, String dockerfile) throws BuildException {
        Path file = dockerfile == null || dockerfile.isBlank() ? context.resolve("Dockerfile") : context.resolve(dockerfile);
        if (!Files.isRegularFile(file)) {
            throw new BuildException("Dockerfile not found: " + file.normalize());
        }
    }

    private static Optional<GitMetadata> git(Path context, ProgressSink progress) {
        try {
            return GitMetadata.of(context);
        } catch (IOException | RuntimeException e) {
            // labels are a courtesy: a broken repository must not fail the build
            progress.line("warning: cannot read Git metadata of " + context + ": " + e.getMessage());
            return Optional.empty();
        }
    }
}
