package io.jenkins.plugins.containerrollout.core.deploy;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.jenkins.plugins.containerrollout.core.RequestException;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * What every replica of a revision runs: the container configuration, without the replica count (scaling does not
 * make a new revision). Kept as JSON on the revision record, so a rollback re-creates exactly this.
 *
 * <p>Usage: {@code ReplicaSpec.of("127.0.0.1:5000/web:7").withEnv(Map.of("MODE", "prod"))}
 *
 * @param image          image reference; the deployer pins it to the local image id (and digest) at deploy time
 * @param env            extra environment; {@code PORT} is set by the deployer per replica
 * @param entrypoint     entrypoint override, or null for the image's
 * @param command        command (arguments) override, or null for the image's
 * @param memoryBytes    memory limit in bytes, 0 for none
 * @param nanoCpus       CPU limit in 10<sup>-9</sup> CPUs, 0 for none
 * @param restartPolicy  {@code no}, {@code always}, {@code unless-stopped}, {@code on-failure[:N]}
 * @param labels         extra container labels (ours, under {@link AppLabels#PREFIX}, win)
 * @param volumes        binds as {@code docker run -v} takes them ({@code /host:/ctr:ro}, {@code vol:/data})
 * @param networkMode    {@code host} (default: each replica binds 127.0.0.1:PORT) or a bridge network name
 * @param containerPort  with a bridge network: the port the process listens on inside, published on
 *                       {@code 127.0.0.1:PORT}; ignored with the host network
 * @param stopTimeoutSeconds grace period between SIGTERM and SIGKILL when a replica is stopped
 * @param healthcheck    a container healthcheck overriding the image's, or null to keep the image's (left out of the
 *                       JSON when null, so the revisions recorded before it existed keep their spec hash)
 * @param networkAliases with a bridge network: the names other containers on it reach every replica by (a Compose
 *                       service's name); left out of the JSON when empty, as {@code healthcheck}
 */
public record ReplicaSpec(
        String image,
        Map<String, String> env,
        List<String> entrypoint,
        List<String> command,
        long memoryBytes,
        long nanoCpus,
        String restartPolicy,
        Map<String, String> labels,
        List<String> volumes,
        String networkMode,
        int containerPort,
        int stopTimeoutSeconds,
        @JsonInclude(JsonInclude.Include.NON_NULL) ContainerHealthcheck healthcheck,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> networkAliases) implements Serializable {

    public ReplicaSpec {
        if (image == null || image.isBlank()) {
            throw new RequestException("image: required; give the image reference to deploy, e.g. "
                    + "'127.0.0.1:5000/web:7' (or the digest containerBuild returned)");
        }
        env = env == null ? Map.of() : Map.copyOf(env);
        entrypoint = entrypoint == null ? null : List.copyOf(entrypoint);
        command = command == null ? null : List.copyOf(command);
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        volumes = volumes == null ? List.of() : List.copyOf(volumes);
        networkAliases = networkAliases == null ? List.of() : List.copyOf(networkAliases);
        restartPolicy = restartPolicy == null || restartPolicy.isBlank() ? "no" : restartPolicy;
        networkMode = networkMode == null || networkMode.isBlank() ? "host" : networkMode;
        if (memoryBytes < 0 || nanoCpus < 0) {
            throw new RequestException("memory/cpus: limits must not be negative (0 means no limit)");
        }
        if (containerPort < 0 || containerPort > 65535) {
            throw new RequestException("containerPort: " + containerPort + " is not a port (1-65535, or 0)");
        }
        if (!isHostNetwork(networkMode) && containerPort == 0) {
            throw new RequestException("containerPort: required with network '" + networkMode
                    + "': the port the app listens on inside the container, published on 127.0.0.1");
        }
        if (!networkAliases.isEmpty() && isHostNetwork(networkMode)) {
            throw new RequestException("networkAliases: only a bridge network has aliases; the host network has none");
        }
        if (stopTimeoutSeconds < 0) {
            throw new RequestException("stopTimeoutSeconds: must be 0 or more (got " + stopTimeoutSeconds + ")");
        }
        for (String key : env.keySet()) {
            if (key.equals("PORT")) {
                throw new RequestException("env: PORT is set by the deployer (portBase + slot); remove it");
            }
        }
    }

    /** A spec whose replicas keep the image's HEALTHCHECK. */
    public ReplicaSpec(String image, Map<String, String> env, List<String> entrypoint, List<String> command,
            long memoryBytes, long nanoCpus, String restartPolicy, Map<String, String> labels, List<String> volumes,
            String networkMode, int containerPort, int stopTimeoutSeconds) {
        this(image, env, entrypoint, command, memoryBytes, nanoCpus, restartPolicy, labels, volumes, networkMode,
                containerPort, stopTimeoutSeconds, null, List.of());
    }

    /** The image with defaults: host network, no limits, no restart, 10 s stop grace. */
    public static ReplicaSpec of(String image) {
        return new ReplicaSpec(image, Map.of(), null, null, 0, 0, "no", Map.of(), List.of(), "host", 0, 10);
    }

    /** Replicas that run {@code check} instead of the image's HEALTHCHECK (null: the image's). */
    public ReplicaSpec withHealthcheck(ContainerHealthcheck check) {
        return new ReplicaSpec(image, env, entrypoint, command, memoryBytes, nanoCpus, restartPolicy, labels,
                volumes, networkMode, containerPort, stopTimeoutSeconds, check, networkAliases);
    }

    public ReplicaSpec withImage(String newImage) {
        return new ReplicaSpec(newImage, env, entrypoint, command, memoryBytes, nanoCpus, restartPolicy, labels,
                volumes, networkMode, containerPort, stopTimeoutSeconds, healthcheck, networkAliases);
    }

    public ReplicaSpec withEnv(Map<String, String> newEnv) {
        return new ReplicaSpec(image, newEnv, entrypoint, command, memoryBytes, nanoCpus, restartPolicy, labels,
                volumes, networkMode, containerPort, stopTimeoutSeconds, healthcheck, networkAliases);
    }

    public ReplicaSpec withCommand(List<String> newEntrypoint, List<String> newCommand) {
        return new ReplicaSpec(image, env, newEntrypoint, newCommand, memoryBytes, nanoCpus, restartPolicy, labels,
                volumes, networkMode, containerPort, stopTimeoutSeconds, healthcheck, networkAliases);
    }

    public ReplicaSpec withLimits(long newMemoryBytes, long newNanoCpus) {
        return new ReplicaSpec(image, env, entrypoint, command, newMemoryBytes, newNanoCpus, restartPolicy, labels,
                volumes, networkMode, containerPort, stopTimeoutSeconds, healthcheck, networkAliases);
    }

    public ReplicaSpec withRestartPolicy(String policy) {
        return new ReplicaSpec(image, env, entrypoint, command, memoryBytes, nanoCpus, policy, labels,
                volumes, networkMode, containerPort, stopTimeoutSeconds, healthcheck, networkAliases);
    }

    public ReplicaSpec withLabels(Map<String, String> newLabels) {
        return new ReplicaSpec(image, env, entrypoint, command, memoryBytes, nanoCpus, restartPolicy, newLabels,
                volumes, networkMode, containerPort, stopTimeoutSeconds, healthcheck, networkAliases);
    }

    public ReplicaSpec withVolumes(List<String> newVolumes) {
        return new ReplicaSpec(image, env, entrypoint, command, memoryBytes, nanoCpus, restartPolicy, labels,
                newVolumes, networkMode, containerPort, stopTimeoutSeconds, healthcheck, networkAliases);
    }

    public ReplicaSpec withNetwork(String newNetworkMode, int newContainerPort) {
        return new ReplicaSpec(image, env, entrypoint, command, memoryBytes, nanoCpus, restartPolicy, labels,
                volumes, newNetworkMode, newContainerPort, stopTimeoutSeconds, healthcheck, networkAliases);
    }

    public ReplicaSpec withStopTimeoutSeconds(int seconds) {
        return new ReplicaSpec(image, env, entrypoint, command, memoryBytes, nanoCpus, restartPolicy, labels,
                volumes, networkMode, containerPort, seconds, healthcheck, networkAliases);
    }

    /** Replicas other containers on their bridge network reach by {@code aliases} (a Compose service's name). */
    public ReplicaSpec withNetworkAliases(List<String> aliases) {
        return new ReplicaSpec(image, env, entrypoint, command, memoryBytes, nanoCpus, restartPolicy, labels,
                volumes, networkMode, containerPort, stopTimeoutSeconds, healthcheck, aliases);
    }

    /** True for the host network, where the replica itself binds {@code 127.0.0.1:PORT}. */
    public boolean hostNetwork() {
        return isHostNetwork(networkMode);
    }

    private static boolean isHostNetwork(String mode) {
        return mode == null || mode.isBlank() || mode.equals("host");
    }
}
