package io.jenkins.plugins.containerrollout.core.swarm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.containerrollout.core.RequestException;
import io.jenkins.plugins.containerrollout.core.deploy.AppLabels;
import io.jenkins.plugins.containerrollout.core.deploy.ContainerHealthcheck;
import io.jenkins.plugins.containerrollout.core.deploy.ReplicaSpec;
import io.jenkins.plugins.containerrollout.core.deploy.RolloutStrategy;
import io.jenkins.plugins.containerrollout.core.health.ProbeSettings;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds a service spec (Engine API JSON) from a revision: the task template, the replica count and the update and
 * rollback policies our strategy maps to.
 *
 * <p><b>Ports on the host network.</b> Swarm's templates ({@code {{.Task.Slot}}}) substitute text but cannot add, so
 * the service carries one label per slot with that slot's port, and the task's environment looks it up:
 * {@code PORT={{index .Service.Labels (print "io.jenkins.containerrollout.slot-port." .Task.Slot)}}}. The node's
 * engine expands it before the container is created (swarmkit {@code template.ExpandContainerSpec}; the context's
 * {@code Service.Labels} are those of the spec the task was made from), so {@code PORT} is in the container's own
 * environment: the process, {@code docker exec} and the image's HEALTHCHECK all see it, as on a Docker host, and the
 * image needs no shell. Slots are interleaved by a <em>bank</em> (0 or 1) that flips with every new revision: with
 * {@code start-first} a slot's new task starts while its old one still serves, on the neighbouring port, and Swarm's
 * own rollback to the previous spec (whose labels hold the other bank) flips back.
 */
final class ServiceSpecs {
    private ServiceSpecs() {
    }

    /** The task's {@code PORT}: its slot's entry among the service labels, expanded by the node's engine. */
    static final String PORT_TEMPLATE = "{{index .Service.Labels (print \"" + SwarmLabels.SLOT_PORT + "\" .Task.Slot)}}";

    /** The loopback port of the task in {@code slot} (1-based, as Swarm counts). */
    static int port(int portBase, int bank, int slot) {
        return portBase + 2 * (slot - 1) + bank;
    }

    /** Highest port an application of {@code replicas} may use. */
    static int lastPort(int portBase, int replicas) {
        return port(portBase, 1, replicas);
    }

    static ObjectNode spec(String app, SwarmRevision rev, List<SwarmRevision> history, int replicas, int portBase,
            int bank, RolloutStrategy strategy, ProbeSettings probe) {
        ObjectNode spec = SwarmApi.JSON.createObjectNode();
        spec.put("Name", app);
        Map<String, String> serviceLabels = serviceLabels(app, rev, history, portBase, bank);
        for (int slot = 1; slot <= replicas; slot++) {
            serviceLabels.put(SwarmLabels.SLOT_PORT + slot, String.valueOf(port(portBase, bank, slot)));
        }
        labels(spec.putObject("Labels"), serviceLabels);
        taskTemplate(spec.putObject("TaskTemplate"), app, rev, portBase, bank, probe);
        spec.putObject("Mode").putObject("Replicated").put("Replicas", replicas);
        Duration monitor = monitor(rev, probe);
        policy(spec.putObject("UpdateConfig"), strategy, replicas, monitor, strategy.gates().autoRollback() ? "rollback" : "pause");
        policy(spec.putObject("RollbackConfig"), strategy, replicas, monitor, "pause");
        // what a later deploy compares, so that sending the same spec again (a stack's unchanged service) is skipped:
        // the engine's copy is normalised (defaults added, network names made ids), ours is not
        ((ObjectNode) spec.get("Labels")).put(SwarmLabels.SPEC_SENT, sha(spec.toString()));
        return spec;
    }

    /** The service already has {@code spec}: an update would change nothing but the service's version. */
    static boolean unchanged(JsonNode spec, JsonNode current) {
        return spec.path("Labels").path(SwarmLabels.SPEC_SENT).asText()
                .equals(current.path("Spec").path("Labels").path(SwarmLabels.SPEC_SENT).asText(null));
    }

    static String sha(String text) {
        try {
            byte[] sha = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** How the update policy of {@code spec} reads in a record's settings. */
    static Map<String, String> settings(JsonNode spec) {
        Map<String, String> settings = new LinkedHashMap<>();
        JsonNode u = spec.path("UpdateConfig");
        settings.put("swarm.order", u.path("Order").asText());
        settings.put("swarm.parallelism", u.path("Parallelism").asText());
        settings.put("swarm.failureAction", u.path("FailureAction").asText());
        settings.put("swarm.monitor", Duration.ofNanos(u.path("Monitor").asLong()).toMillis() + " ms");
        return settings;
    }

    /** {@code start-first, parallelism 1}: the update order of {@code spec}, for progress lines. */
    static String order(JsonNode spec) {
        JsonNode u = spec.path("UpdateConfig");
        return u.path("Order").asText() + ", parallelism " + u.path("Parallelism").asInt();
    }

    static Map<String, String> serviceLabels(String app, SwarmRevision rev, List<SwarmRevision> history, int portBase,
            int bank) {
        Map<String, String> l = new TreeMap<>();
        l.put(AppLabels.APP, app);
        l.put(AppLabels.REVISION, String.valueOf(rev.number()));
        l.put(AppLabels.SPEC_HASH, rev.specHash());
        putIfSet(l, AppLabels.DIGEST, rev.digest());
        putIfSet(l, AppLabels.BUILD_URL, rev.buildUrl());
        putIfSet(l, AppLabels.COMMIT, rev.commit());
        // a Compose service's project, so docker service ls --filter label=...project=shop lists the stack
        putIfSet(l, AppLabels.PROJECT, rev.spec().labels().get(AppLabels.PROJECT));
        l.put(AppLabels.PORT_BASE, String.valueOf(portBase));
        l.put(SwarmLabels.PORT_BANK, String.valueOf(bank));
        l.put(SwarmLabels.RECORD, rev.toJson());
        l.put(SwarmLabels.HISTORY, SwarmRevision.historyJson(history));
        return l;
    }

    private static void taskTemplate(ObjectNode t, String app, SwarmRevision rev, int portBase, int bank,
            ProbeSettings probe) {
        ReplicaSpec s = rev.spec();
        ObjectNode c = t.putObject("ContainerSpec");
        c.put("Image", rev.image());
        strings(c.putArray("Command"), rev.argv());
        Map<String, String> env = new TreeMap<>(s.env());
        env.put("PORT", PORT_TEMPLATE);
        env.put(SwarmLabels.ENV_SLOT, "{{.Task.Slot}}");
        env.put(SwarmLabels.ENV_PORT_BASE, String.valueOf(portBase));
        env.put(SwarmLabels.ENV_PORT_BANK, String.valueOf(bank));
        ArrayNode envArray = c.putArray("Env");
        env.forEach((k, v) -> envArray.add(k + "=" + v));
        Map<String, String> labels = new TreeMap<>(s.labels());
        labels.put(AppLabels.APP, app);
        labels.put(AppLabels.REVISION, String.valueOf(rev.number()));
        labels.put(AppLabels.SPEC_HASH, rev.specHash());
        labels(c.putObject("Labels"), labels);
        ContainerHealthcheck own = s.healthcheck();
        if (own != null && !own.disabled() && (own.test() != null || rev.imageHealthWindowMillis() > 0)) {
            own(c.putObject("Healthcheck"), own); // a Compose healthcheck: its test (or the image's) with its timings
        } else if (rev.imageHealthWindowMillis() == 0 || own != null && own.disabled()) {
            healthcheck(c.putObject("Healthcheck"), rev.healthPath(), probe);
        }
        c.put("StopGracePeriod", Duration.ofSeconds(s.stopTimeoutSeconds()).toNanos());
        mounts(c.putArray("Mounts"), s.volumes());
        ObjectNode limits = t.putObject("Resources").putObject("Limits");
        if (s.memoryBytes() > 0) {
            limits.put("MemoryBytes", s.memoryBytes());
        }
        if (s.nanoCpus() > 0) {
            limits.put("NanoCPUs", s.nanoCpus());
        }
        if (!rev.platforms().isEmpty()) {
            ArrayNode platforms = t.putObject("Placement").putArray("Platforms");
            for (String p : rev.platforms()) {
                platforms.addObject().put("Architecture", p.substring(p.indexOf('/') + 1))
                        .put("OS", p.substring(0, p.indexOf('/')));
            }
        }
        t.putObject("RestartPolicy").put("Condition", s.restartPolicy().startsWith("on-failure") ? "on-failure" : "any");
        t.putArray("Networks").addObject().put("Target", "host");
    }

    /**
     * For an image without a HEALTHCHECK of its own: {@code wget} of the health path on the task's {@code PORT}, run
     * by {@code /bin/sh} inside the task (a task's health can only be told on its node). Such an image therefore needs
     * {@code /bin/sh} and {@code wget} (busybox has both); {@link ShellCheck} refuses one without a shell up front.
     */
    private static void healthcheck(ObjectNode h, String path, ProbeSettings probe) {
        if (!path.matches("/[^\"$`\\\\\\s]*")) {
            throw new RequestException("healthPath: '" + path + "' cannot go into the task's HEALTHCHECK; use "
                    + "a path without quotes, '$', backticks, backslashes or spaces");
        }
        h.putArray("Test").add("CMD-SHELL").add("wget -q -O /dev/null \"http://127.0.0.1:$PORT" + path + "\" || exit 1");
        h.put("Interval", probe.interval().toNanos());
        h.put("Timeout", probe.timeout().toNanos());
        h.put("Retries", probe.failureThreshold());
        h.put("StartPeriod", probe.startupTimeout().toNanos());
    }

    /** The replicas' own healthcheck as a task's {@code HealthConfig}: nanoseconds, an absent field keeps the image's. */
    private static void own(ObjectNode h, ContainerHealthcheck own) {
        if (own.test() != null) {
            strings(h.putArray("Test"), own.test());
        }
        if (own.intervalMillis() > 0) {
            h.put("Interval", own.intervalMillis() * 1_000_000L);
        }
        if (own.timeoutMillis() > 0) {
            h.put("Timeout", own.timeoutMillis() * 1_000_000L);
        }
        if (own.retries() > 0) {
            h.put("Retries", own.retries());
        }
        if (own.startPeriodMillis() > 0) {
            h.put("StartPeriod", own.startPeriodMillis() * 1_000_000L);
        }
    }

    /**
     * Swarm's update policy from ours: start-first with parallelism {@code maxSurge} when surging (never below the
     * desired count), else stop-first with parallelism {@code maxUnavailable}; recreate replaces every task at once.
     * The monitor window is the time a task's HEALTHCHECK needs to fail (start period + interval x retries), so a
     * task that never gets healthy counts as failed before the update moves on.
     */
    private static void policy(ObjectNode p, RolloutStrategy strategy, int replicas, Duration monitor,
            String failureAction) {
        boolean recreate = strategy instanceof RolloutStrategy.Recreate;
        int surge = strategy.surge(replicas);
        boolean startFirst = !recreate && surge > 0;
        int parallelism = recreate ? replicas : startFirst ? surge : strategy.unavailable(replicas);
        p.put("Parallelism", Math.max(1, parallelism));
        Duration batchDelay = strategy instanceof RolloutStrategy.Rolling r ? r.batchDelay() : Duration.ZERO;
        p.put("Delay", batchDelay.plusSeconds(strategy.gates().minReadySeconds()).toNanos());
        p.put("FailureAction", failureAction);
        p.put("Monitor", monitor.toNanos());
        p.put("MaxFailureRatio", strategy.gates().failureRatio());
        p.put("Order", startFirst ? "start-first" : "stop-first");
    }

    /** The window of the HEALTHCHECK the task runs: the image's own, else ours from the probe. */
    static Duration monitor(SwarmRevision rev, ProbeSettings probe) {
        ContainerHealthcheck own = rev.spec().healthcheck();
        if (own != null && own.test() != null && !own.disabled()) {
            // the engine's defaults for what it leaves out: every 30 s, 3 retries (docker run --health-*)
            long interval = own.intervalMillis() > 0 ? own.intervalMillis() : 30_000;
            return Duration.ofMillis(own.startPeriodMillis() + interval * (own.retries() > 0 ? own.retries() : 3));
        }
        return rev.imageHealthWindowMillis() > 0 ? Duration.ofMillis(rev.imageHealthWindowMillis())
                : probe.startupTimeout().plus(probe.interval().multipliedBy(probe.failureThreshold()));
    }

    static void mounts(ArrayNode mounts, List<String> volumes) {
        for (String v : volumes) {
            String[] parts = v.split(":");
            if (parts.length < 2 || parts.length > 3) {
                throw new RequestException("volumes: '" + v + "' is not SOURCE:TARGET[:ro]; a swarm service mounts"
                        + " named volumes and binds, give the volume a name");
            }
            ObjectNode m = mounts.addObject();
            m.put("Type", parts[0].startsWith("/") ? "bind" : "volume");
            m.put("Source", parts[0]);
            m.put("Target", parts[1]);
            m.put("ReadOnly", parts.length == 3 && parts[2].equals("ro"));
        }
    }

    private static void labels(ObjectNode node, Map<String, String> labels) {
        labels.forEach(node::put);
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }

    private static void putIfSet(Map<String, String> m, String k, String v) {
        if (v != null) {
            m.put(k, v);
        }
    }
}
