package io.jenkins.plugins.containerrollout.core.deploy.docker;

import com.github.dockerjava.api.command.InspectImageResponse;
import io.jenkins.plugins.containerrollout.core.deploy.ReplicaSpec;
import io.jenkins.plugins.containerrollout.core.ProgressSink;
import io.jenkins.plugins.containerrollout.core.RequestException;
import io.jenkins.plugins.containerrollout.core.engine.DockerHost;
import io.jenkins.plugins.containerrollout.core.image.RegistryCredentials;
import java.util.List;
import java.util.Optional;

/**
 * The images a deploy or a rollback needs on the engine: found there, else pulled from their registry, with the
 * registry login when the deployer has one (the {@code containerDeploy} step's {@code registryCredentialsId}, the
 * CLI's {@code --registry-username}), else anonymously.
 */
final class EngineImages {
    /** Pulls are bounded like every other engine wait. */
    static final long PULL_TIMEOUT_SECONDS = 300;

    private final AppEngine engine;
    private final DockerHost host;
    private final RegistryCredentials credentials;

    /** @param credentials the registry login, or null to pull anonymously */
    EngineImages(AppEngine engine, DockerHost host, RegistryCredentials credentials) {
        this.engine = engine;
        this.host = host;
        this.credentials = credentials;
    }

    /**
     * The image {@code ref} names, pulled first when the engine lacks it and the reference names a registry.
     *
     * @throws RequestException naming {@code image} when it is neither there nor could be pulled
     */
    InspectImageResponse resolve(String ref, ProgressSink sink) throws InterruptedException {
        Optional<InspectImageResponse> image = engine.image(ref);
        if (image.isEmpty() && pullable(ref)) {
            pull(ref, "pulling " + ref, sink);
            image = engine.image(ref);
        }
        return image.orElseThrow(() -> new RequestException("image: '" + ref + "' is not on the engine at "
                + host.uri() + "; build it there (containerBuild) or push it to a registry and give its full reference"));
    }

    /**
     * A rollback needs the revision's exact image: by id, else pulled back by its digest.
     *
     * @throws RequestException naming {@code toRevision} when it is gone and cannot be pulled back
     */
    void ensure(Revision revision, ProgressSink sink) throws InterruptedException {
        if (engine.image(revision.imageId()).isPresent()) {
            return;
        }
        if (revision.digest() != null) {
            pull(revision.digest(), "pulling " + revision.digest() + " for revision " + revision.number(), sink);
            if (engine.image(revision.imageId()).isPresent()) {
                return;
            }
        }
        throw new RequestException("toRevision: the image of revision " + revision.number() + " ("
                + revision.imageId() + ") is no longer on the engine" + (revision.digest() == null ? ""
                : " and " + revision.digest() + " could not be pulled") + "; push it again or pick another revision");
    }

    /** With a login, a refused or slow pull is an error of its own (the credentials are the likely cause). */
    private void pull(String ref, String what, ProgressSink sink) throws InterruptedException {
        if (credentials == null) {
            sink.line(what);
            engine.pull(ref, PULL_TIMEOUT_SECONDS);
            return;
        }
        sink.line(what + " as " + credentials.username());
        engine.pull(ref, credentials, PULL_TIMEOUT_SECONDS);
    }

    /** Only references naming a registry are pulled: a bare name would go to Docker Hub, unreachable from here. */
    private static boolean pullable(String ref) {
        String first = ref.split("/", 2)[0];
        return ref.contains("/") && (first.contains(".") || first.contains(":") || first.equals("localhost"));
    }

    /** The digest the registry gave {@code ref}'s repository, else any, else null (never pushed). */
    static String digest(InspectImageResponse image, String ref) {
        List<String> digests = image.getRepoDigests() == null ? List.of() : image.getRepoDigests();
        String repo = ref.contains("@") ? ref.substring(0, ref.indexOf('@')) : ref.replaceFirst(":[^:/]+$", "");
        return digests.stream().filter(d -> d.startsWith(repo + "@")).findFirst()
                .orElse(digests.isEmpty() ? null : digests.get(0));
    }

    /**
     * Whether the engine runs a healthcheck on the replicas of {@code spec} (then its status gates readiness): the
     * spec's own, else the image's HEALTHCHECK.
     */
    static boolean healthGates(InspectImageResponse image, ReplicaSpec spec) {
        boolean imageHasOne = hasHealthcheck(image);
        return spec.healthcheck() == null ? imageHasOne : spec.healthcheck().runs(imageHasOne);
    }

    /** Whether the image declares a HEALTHCHECK the engine runs (then its status gates readiness). */
    static boolean hasHealthcheck(InspectImageResponse image) {
        var hc = image.getConfig() == null ? null : image.getConfig().getHealthcheck();
        return hc != null && hc.getTest() != null && !hc.getTest().isEmpty() && !"NONE".equals(hc.getTest().get(0));
    }
}
