package io.jenkins.plugins.containerrollout.core.deploy.docker;

import static io.jenkins.plugins.containerrollout.core.deploy.AppLabels.*;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.command.HealthState;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.command.CreateVolumeResponse;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.command.InspectVolumeResponse;
import com.github.dockerjava.api.command.PullImageResultCallback;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.AuthConfig;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HealthCheck;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.RestartPolicy;
import io.jenkins.plugins.containerrollout.core.deploy.AppLabels;
import java.util.Set;
import java.util.HashSet;
import io.jenkins.plugins.containerrollout.core.deploy.ContainerHealthcheck;
import io.jenkins.plugins.containerrollout.core.deploy.ReplicaSpec;
import io.jenkins.plugins.containerrollout.core.RequestException;
import io.jenkins.plugins.containerrollout.core.image.ImageReference;
import io.jenkins.plugins.containerrollout.core.image.RegistryCredentials;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The few engine calls a rollout makes, on one application's containers. Everything is a bounded docker-java call;
 * nothing here decides anything.
 */
final class AppEngine implements ReplicaEngine, AutoCloseable {
    private final DockerClient docker;

    AppEngine(DockerClient docker) {
        this.docker = docker;
    }

    /** Every container of the application, whatever its role or state. */
    List<Container> containers(String app) {
        return docker.listContainersCmd().withShowAll(true).withLabelFilter(Map.of(APP, app)).exec();
    }

    /** Every container carrying {@code key=value}: the records kept under another label than {@link AppLabels#APP}. */
    List<Container> labelled(String key, String value) {
        return docker.listContainersCmd().withShowAll(true).withLabelFilter(Map.of(key, value)).exec();
    }

    /**
     * Creates a volume that only carries labels (a state entry): about a third of a container's create, which also
     * lays out and mounts a writable layer. The engine answers a name it has already with that volume, not a
     * conflict, so a volume without {@code labels} is refused here as the container's name would be (one with labels
     * of the engine's own besides them is ours).
     */
    String createLabelledVolume(String name, Map<String, String> labels) {
        CreateVolumeResponse made = docker.createVolumeCmd().withName(name).withDriver("local").withLabels(labels)
                .exec();
        if (made.getLabels() == null || !made.getLabels().entrySet().containsAll(labels.entrySet())) {
            throw new IllegalStateException("the engine has a volume named " + name + " already, with other labels");
        }
        return made.getName();
    }

    /** The volumes carrying the application's label: its state entries. */
    List<InspectVolumeResponse> volumes(String app) {
        List<InspectVolumeResponse> listed = docker.listVolumesCmd().withFilter("label", List.of(APP + "=" + app))
                .exec().getVolumes();
        return listed == null ? List.of() : listed; // the engine answers null for none
    }

    void removeVolume(String name) {
        try {
            docker.removeVolumeCmd(name).exec();
        } catch (NotFoundException alreadyGone) {
            // removing a removed volume is what we wanted anyway
        }
    }

    List<Container> containers(String app, String role) {
        return containers(app).stream().filter(c -> role.equals(c.getLabels().get(ROLE))).toList();
    }

    @Override
    public List<ReplicaRef> replicas(String app) {
        List<ReplicaRef> out = new ArrayList<>();
        for (Container c : containers(app, ROLE_REPLICA)) {
            out.add(replica(c));
        }
        return out;
    }

    /** A replica container of a listing. */
    static ReplicaRef replica(Container c) {
        return replica(c.getId(), name(c), c.getLabels(), "running".equals(c.getState()));
    }

    /** A replica container as its labels describe it. */
    static ReplicaRef replica(String id, String name, Map<String, String> l, boolean running) {
        return new ReplicaRef(id, name, Integer.parseInt(l.get(REVISION)), Integer.parseInt(l.get(SLOT)),
                Integer.parseInt(l.get(PORT)), running, l.get(SPEC_HASH));
    }

    /** Removes every replica container of {@code app}'s {@code revision}, running or not. */
    void removeReplicas(String app, int revision) {
        for (ReplicaRef r : replicas(app)) {
            if (r.revision() == revision) {
                remove(r.id());
            }
        }
    }

    /** Every port the rollout may use must be free, or served by one of the app's running {@code replicas}. */
    static void requireFreePorts(String app, List<ReplicaRef> replicas, int portBase, int span) {
        Set<Integer> ours = new HashSet<>();
        replicas.stream().filter(ReplicaRef::running).forEach(r -> ours.add(r.port()));
        for (int slot = 0; slot < span; slot++) {
            int port = portBase + slot;
            if (!ours.contains(port) && !io.jenkins.plugins.containerrollout.core.deploy.Ports.free(port)) {
                throw new RequestException("portBase: port " + port + " (slot " + slot + ") is already in use "
                        + "by another process; app '" + app + "' needs " + span + " free loopback ports from portBase "
                        + portBase + " (replicas + maxSurge, and as many again for replicas still stopping in a rolling update "
                        + "with replacement stopStarted): pick another portBase or free that port");
            }
        }
    }

    /** The user-defined networks of the engine (a Compose stack's). */
    EngineNetworks networks() {
        return new EngineNetworks(docker);
    }

    Optional<InspectImageResponse> image(String ref) {
        try {
            return Optional.of(docker.inspectImageCmd(ref).exec());
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    /** Pulls {@code ref} (a tag or {@code repo@sha256:...}), bounded; false when the registry said no. */
    boolean pull(String ref, long timeoutSeconds) throws InterruptedException {
        try {
            return docker.pullImageCmd(ref).exec(new PullImageResultCallback())
                    .awaitCompletion(timeoutSeconds, TimeUnit.SECONDS);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * Pulls {@code ref} with a registry login, bounded.
     *
     * @throws RequestException naming {@code image} when the registry refuses or the pull does not finish in time
     */
    void pull(String ref, RegistryCredentials credentials, long timeoutSeconds) throws InterruptedException {
        AuthConfig auth = new AuthConfig().withUsername(credentials.username()).withPassword(credentials.password())
                .withRegistryAddress(registry(ref));
        boolean done;
        try {
            done = docker.pullImageCmd(ref).withAuthConfig(auth).exec(new PullImageResultCallback())
                    .awaitCompletion(timeoutSeconds, TimeUnit.SECONDS);
        } catch (RuntimeException e) {
            throw new RequestException("image: pulling '" + ref + "' as " + credentials.username() + " failed: "
                    + String.valueOf(e.getMessage()).strip().replaceAll("\\s+", " ") + "; check the registry credentials",
                    e);
        }
        if (!done) {
            throw new RequestException("image: pulling '" + ref + "' took longer than " + timeoutSeconds + " s");
        }
    }

    /** The registry a reference names; a digest reference is named by its repository. */
    private static String registry(String ref) {
        try {
            return ImageReference.parse(ref.contains("@") ? ref.substring(0, ref.indexOf('@')) : ref).registry();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    InspectContainerResponse inspect(String id) {
        return docker.inspectContainerCmd(id).exec();
    }

    /** Creates (never starts) a container that only carries labels: a revision record, a state entry, the lock. */
    String createMarker(String name, String imageId, Map<String, String> labels) {
        return docker.createContainerCmd(imageId).withName(name).withLabels(labels)
                .withEntrypoint("/rollout-record-never-started").withCmd(List.of())
                .withHostConfig(HostConfig.newHostConfig().withNetworkMode("none")).exec().getId();
    }

    @Override
    public String createReplica(String app, Revision revision, int slot, int port) {
        try {
            return replicaCommand(app, revision, slot, port).exec().getId();
        } catch (ConflictException leftover) {
            // a container of that name survived a crash in an unexpected state: it is ours, replace it
            remove(AppLabels.replicaName(app, revision.number(), slot));
            return replicaCommand(app, revision, slot, port).exec().getId();
        }
    }

    @Override
    public Optional<ReplicaState> state(String id) {
        InspectContainerResponse.ContainerState s;
        try {
            s = inspect(id).getState();
        } catch (NotFoundException gone) {
            return Optional.empty();
        }
        HealthState health = s.getHealth();
        List<String> healthLog = new ArrayList<>();
        if (health != null && health.getLog() != null) {
            health.getLog().forEach(h -> healthLog.add("exit " + h.getExitCodeLong() + ": "
                    + String.valueOf(h.getOutput()).strip()));
        }
        return Optional.of(new ReplicaState(Boolean.TRUE.equals(s.getRunning()),
                s.getExitCodeLong() == null ? 0 : s.getExitCodeLong(), Boolean.TRUE.equals(s.getOOMKilled()),
                s.getError(), health == null ? null : health.getStatus() == null ? "starting" : health.getStatus(),
                healthLog));
    }

    @Override
    public LogTail logs(String id, int lines, int maxBytes) {
        LogLines collected = new LogLines();
        try {
            docker.logContainerCmd(id).withStdOut(true).withStdErr(true).withTail(lines + 1).exec(collected)
                    .awaitCompletion(10, TimeUnit.SECONDS);
        } catch (NotFoundException gone) {
            return new LogTail(List.of(), false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return collected.tail(lines, maxBytes);
    }

    /** The create command for one replica: package-private so tests can check the spec it sends. */
    CreateContainerCmd replicaCommand(String app, Revision revision, int slot, int port) {
        ReplicaSpec spec = revision.spec();
        Map<String, String> labels = new HashMap<>(spec.labels());
        labels.put(APP, app);
        labels.put(ROLE, ROLE_REPLICA);
        labels.put(REVISION, String.valueOf(revision.number()));
        labels.put(SLOT, String.valueOf(slot));
        labels.put(PORT, String.valueOf(port));
        labels.put(SPEC_HASH, revision.specHash());
        labels.put(IMAGE_ID, revision.imageId());
        putIfKnown(labels, DIGEST, revision.digest());
        putIfKnown(labels, BUILD_URL, revision.buildUrl());
        putIfKnown(labels, COMMIT, revision.commit());
        List<String> env = new ArrayList<>();
        spec.env().forEach((k, v) -> env.add(k + "=" + v));
        env.add("PORT=" + (spec.hostNetwork() ? port : spec.containerPort()));
        HostConfig host = HostConfig.newHostConfig()
                .withNetworkMode(spec.networkMode())
                .withRestartPolicy(RestartPolicy.parse(spec.restartPolicy()))
                .withBinds(spec.volumes().stream().map(Bind::parse).toList());
        if (spec.memoryBytes() > 0) {
            host.withMemory(spec.memoryBytes());
        }
        if (spec.nanoCpus() > 0) {
            host.withNanoCPUs(spec.nanoCpus());
        }
        CreateContainerCmd cmd = docker.createContainerCmd(revision.imageId())
                .withName(AppLabels.replicaName(app, revision.number(), slot))
                .withLabels(labels).withEnv(env).withStopTimeout(spec.stopTimeoutSeconds());
        if (!spec.hostNetwork()) {
            // a bridge replica listens on containerPort inside; only loopback may reach it from the host
            ExposedPort inside = ExposedPort.tcp(spec.containerPort());
            Ports ports = new Ports();
            ports.bind(inside, Ports.Binding.bindIpAndPort("127.0.0.1", port));
            host.withPortBindings(ports);
            cmd.withExposedPorts(inside);
            if (!spec.networkAliases().isEmpty()) {
                cmd.withAliases(spec.networkAliases()); // on the network of the network mode (docker run --network-alias)
            }
        }
        if (spec.entrypoint() != null) {
            cmd.withEntrypoint(spec.entrypoint());
        }
        if (spec.command() != null) {
            cmd.withCmd(spec.command());
        }
        if (spec.healthcheck() != null) {
            cmd.withHealthcheck(healthcheck(spec.healthcheck()));
        }
        return cmd.withHostConfig(host);
    }

    /** The engine's form of a replica's healthcheck: durations in nanoseconds, 0 or absent for the image's value. */
    private static HealthCheck healthcheck(ContainerHealthcheck h) {
        HealthCheck out = new HealthCheck();
        if (h.test() != null) {
            out.withTest(h.test());
        }
        if (h.intervalMillis() > 0) {
            out.withInterval(h.intervalMillis() * 1_000_000L);
        }
        if (h.timeoutMillis() > 0) {
            out.withTimeout(h.timeoutMillis() * 1_000_000L);
        }
        if (h.retries() > 0) {
            out.withRetries(h.retries());
        }
        if (h.startPeriodMillis() > 0) {
            out.withStartPeriod(h.startPeriodMillis() * 1_000_000L);
        }
        return out;
    }

    static void putIfKnown(Map<String, String> labels, String key, String value) {
        if (value != null && !value.isBlank()) {
            labels.put(key, value);
        }
    }

    @Override
    public void start(String id) {
        try {
            docker.startContainerCmd(id).exec();
        } catch (NotModifiedException alreadyRunning) {
            // starting a running container is what we wanted anyway
        }
    }

    /**
     * Stops a container: its stop signal, then SIGKILL after {@code timeoutSeconds}. With no grace period at all that
     * is SIGKILL at once, which the engine does without first sending the stop signal and timing out on it (the call
     * still returns only once the container has exited).
     */
    @Override
    public void stop(String id, int timeoutSeconds) {
        try {
            if (timeoutSeconds == 0) {
                docker.killContainerCmd(id).exec();
            } else {
                docker.stopContainerCmd(id).withTimeout(timeoutSeconds).exec();
            }
        } catch (NotModifiedException | NotFoundException alreadyStopped) {
            // stopping a stopped (or vanished) container is what we wanted anyway
        } catch (ConflictException notRunning) {
            // the engine refuses to kill a container that is not running: stopped already, as wanted
        }
    }

    @Override
    public void remove(String id) {
        try {
            docker.removeContainerCmd(id).withForce(true).exec();
        } catch (NotFoundException alreadyGone) {
            // removing a removed container is what we wanted anyway
        }
    }

    static String name(Container c) {
        String[] names = c.getNames();
        return names == null || names.length == 0 ? c.getId() : names[0].replaceFirst("^/", "");
    }

    @Override
    public void close() {
        try {
            docker.close();
        } catch (java.io.IOException e) {
            // closing the transport cannot fail in a way a caller could act on
        }
    }
}
