package io.jenkins.plugins.containerrollout.core.swarm;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.containerrollout.core.RequestException;
import io.jenkins.plugins.containerrollout.core.ProgressSink;
import io.jenkins.plugins.containerrollout.core.deploy.ReplicaSpec;
import io.jenkins.plugins.containerrollout.core.image.RegistryCredentials;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The image of a new revision as the manager sees it: pinned by digest when it came from a registry (every node then
 * pulls exactly that image, as {@code docker service create} pins it), its id, the process it runs (the spec's
 * entrypoint and command, else the image's) and whether it brings a HEALTHCHECK of its own.
 *
 * @param pinned   {@code repo@sha256:...}, or the reference as given for an image only the manager has
 * @param id       image id on the manager
 * @param digest   repository digest, or null
 * @param argv     entrypoint + command
 * @param registry the registry host of the reference, or null (Docker Hub)
 * @param platforms {@code os/architecture} entries of the registry's manifest, empty when it was not asked
 * @param healthWindowMillis how long the image's own HEALTHCHECK takes to call a task unhealthy, 0 without one
 */
record ResolvedImage(String pinned, String id, String digest, List<String> argv, String registry,
        List<String> platforms, long healthWindowMillis) {
    /** Docker's defaults for a HEALTHCHECK's unset fields (docker/docker {@code daemon/health.go}). */
    private static final long DEFAULT_INTERVAL_NANOS = 30_000_000_000L;
    private static final int DEFAULT_RETRIES = 3;

    static ResolvedImage resolve(SwarmApi api, ReplicaSpec spec, RegistryCredentials auth, ProgressSink sink) {
        String ref = spec.image();
        String registry = registryOf(ref);
        Optional<JsonNode> image = api.image(ref);
        if (image.isEmpty() && registry != null) {
            sink.line("pulling " + ref + " onto the swarm manager");
            api.pull(ref, auth, registry);
            image = api.image(ref);
        }
        JsonNode i = image.orElseThrow(() -> new RequestException("image: '" + ref + "' is not on the swarm "
                + "manager and cannot be pulled; push it to a registry every node reaches and give its full reference"));
        String repo = ref.contains("@") ? ref.substring(0, ref.indexOf('@')) : ref.replaceFirst(":[^:/]+$", "");
        String digest = null;
        for (JsonNode d : i.path("RepoDigests")) {
            if (d.asText().startsWith(repo + "@")) {
                digest = d.asText();
            }
        }
        String pinned = ref.contains("@") ? ref : digest != null ? digest : ref;
        List<String> argv = new ArrayList<>();
        JsonNode config = i.path("Config");
        if (spec.entrypoint() != null) {
            argv.addAll(spec.entrypoint());
        } else {
            config.path("Entrypoint").forEach(e -> argv.add(e.asText()));
        }
        if (spec.command() != null) {
            argv.addAll(spec.command());
        } else if (spec.entrypoint() == null) {
            config.path("Cmd").forEach(e -> argv.add(e.asText()));
        }
        if (argv.isEmpty()) {
            throw new RequestException("image: '" + ref + "' names no entrypoint or command; give the spec an "
                    + "entrypoint or command");
        }
        List<String> platforms = new ArrayList<>();
        if (registry != null) {
            api.distribution(pinned, auth, registry).ifPresent(d -> d.path("Platforms").forEach(p ->
                    platforms.add(p.path("os").asText() + "/" + p.path("architecture").asText())));
        }
        long window = healthWindowMillis(config.path("Healthcheck"));
        if (window == 0) {
            ShellCheck.require(api, i.path("Id").asText(), ref);
        }
        return new ResolvedImage(pinned, i.path("Id").asText(), digest, argv, registry, platforms, window);
    }

    /**
     * Start period + interval x retries of an image's HEALTHCHECK, the time it needs to call a task unhealthy; 0 when
     * the image has none ({@code Test} absent, empty or {@code ["NONE"]}).
     */
    static long healthWindowMillis(JsonNode healthcheck) {
        JsonNode test = healthcheck.path("Test");
        if (test.size() == 0 || test.get(0).asText().equals("NONE")) {
            return 0;
        }
        long interval = healthcheck.path("Interval").asLong(0);
        int retries = healthcheck.path("Retries").asInt(0);
        long nanos = healthcheck.path("StartPeriod").asLong(0) + (interval > 0 ? interval : DEFAULT_INTERVAL_NANOS)
                * (retries > 0 ? retries : DEFAULT_RETRIES);
        return Math.max(1, nanos / 1_000_000);
    }

    /** The registry host a reference names ({@code 127.0.0.1:5000/web:7} → {@code 127.0.0.1:5000}), or null. */
    static String registryOf(String ref) {
        String first = ref.split("/", 2)[0];
        boolean named = ref.contains("/") && (first.contains(".") || first.contains(":") || first.equals("localhost"));
        return named ? first : null;
    }
}
