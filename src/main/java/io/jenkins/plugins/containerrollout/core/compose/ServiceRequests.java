package io.jenkins.plugins.containerrollout.core.compose;

import io.jenkins.plugins.containerrollout.core.deploy.AppLabels;
import io.jenkins.plugins.containerrollout.core.deploy.ContainerHealthcheck;
import io.jenkins.plugins.containerrollout.core.deploy.DeployRequest;
import io.jenkins.plugins.containerrollout.core.deploy.Ports;
import io.jenkins.plugins.containerrollout.core.deploy.ReplicaSpec;
import io.jenkins.plugins.containerrollout.core.deploy.RolloutStrategy;
import io.jenkins.plugins.containerrollout.core.deploy.StackRevision;
import io.jenkins.plugins.containerrollout.core.engine.DockerHost;
import io.jenkins.plugins.containerrollout.core.health.ProbeSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Maps each service of a {@link ComposeProject} onto the {@link DeployRequest} of its app, on the host network as both
 * targets run it (a Docker host's replicas, a swarm's tasks). Everything is mapped, and every refusal thrown, before
 * the first service deploys.
 *
 * <p>Usage: {@code DeployRequest r = new ServiceRequests(host, probe, previous, null).request(project, service)}
 */
final class ServiceRequests {
    /** Where a service with no published port gets its (unused) port base when it has none recorded yet. */
    static final int UNPUBLISHED_FROM = 30000;
    static final int UNPUBLISHED_TO = 39999;

    private final DockerHost host;
    private final ProbeSettings probe;
    private final StackRevision previous;
    private final RolloutStrategy chosen;

    /**
     * @param probe    the readiness probe of every service whose image has no HEALTHCHECK
     * @param previous the stack's latest revision, or null: a service with no published port keeps its port base
     * @param chosen   the strategy the caller chose for the stack (a service's {@code x-rollout:} or
     *                 {@code deploy.update_config} wins), or null: a rolling update with the defaults
     */
    ServiceRequests(DockerHost host, ProbeSettings probe, StackRevision previous, RolloutStrategy chosen) {
        this.host = host;
        this.probe = probe;
        this.previous = previous;
        this.chosen = chosen;
    }

    /** Every service's request, in the project's dependency order. */
    List<DeployRequest> all(ComposeProject project) {
        List<DeployRequest> out = new ArrayList<>();
        for (ComposeService s : project.services()) {
            out.add(request(project, s));
        }
        return out;
    }

    DeployRequest request(ComposeProject project, ComposeService s) {
        String where = "services." + s.name();
        if (s.replicas() < 1) {
            throw new ComposeException(where + ".deploy.replicas", "is 0; a stack runs at least 1"
                    + " replica of every service; remove the service from the file to stop it");
        }
        if (s.ports().size() > 1) {
            throw new ComposeException(where + ".ports", "lists " + s.ports().size() + " ports; on the host network a"
                    + " service has one port base (its first replica's port); keep one");
        }
        List<String> volumes = new ArrayList<>();
        for (Mount m : s.volumes()) {
            if (m.type() == Mount.Type.VOLUME && m.source() != null) {
                NamedResource v = project.volumes().get(m.source());
                if (v != null && (v.driver() != null || !v.driverOpts().isEmpty() || !v.labels().isEmpty())) {
                    throw new ComposeException("volumes." + m.source(), "sets a driver, driver_opts or labels; the"
                            + " engine creates a named volume with its default driver on first use; create it"
                            + " beforehand and mark it external: true");
                }
            }
            volumes.add(m.asBind(m.source() == null ? null : project.volumeName(m.source())));
        }
        // the project's label on every replica (on a swarm also on the service), as Compose labels its containers
        Map<String, String> labels = new TreeMap<>(s.labels());
        labels.put(AppLabels.PROJECT, project.name());
        ReplicaSpec spec = ReplicaSpec.of(s.image()).withEnv(s.environment()).withCommand(s.entrypoint(), s.command())
                .withLimits(s.memoryBytes(), s.nanoCpus()).withRestartPolicy(s.restart()).withLabels(labels)
                .withStopTimeoutSeconds(s.stopGraceSeconds())
                .withVolumes(volumes).withHealthcheck(healthcheck(s.healthcheck()));
        int portBase = portBase(s);
        String network = network(project, s);
        if (network != null) {
            // published on 127.0.0.1:(port base + k) from the port the process listens on inside (a worker's: the
            // port base, which nothing needs to listen on); the service's name reaches its replicas on the network
            spec = spec.withNetwork(network, s.ports().isEmpty() ? portBase : s.ports().get(0).target())
                    .withNetworkAliases(List.of(s.name()));
        }
        // a service that publishes no port (a worker) takes no traffic: a router in front of the stack has no backend
        // for it
        return new DeployRequest(host, s.app(), spec, s.replicas(), portBase, strategy(s, chosen), probe, 10, null,
                null).withTakesTraffic(!s.ports().isEmpty());
    }

    /**
     * The engine name of the one network the service joins besides {@code default}, or null: it runs on the host
     * network (a service that lists none, or only {@code default}).
     */
    static String network(ComposeProject project, ComposeService s) {
        List<String> joined = s.networks().stream().filter(n -> !n.equals("default")).toList();
        if (joined.isEmpty()) {
            return null;
        }
        String where = "services." + s.name();
        if (joined.size() > 1 || s.networks().contains("default")) {
            throw new ComposeException(where + ".networks", "names " + s.networks() + "; a replica joins one network"
                    + " here; keep one");
        }
        String hostIp = s.ports().isEmpty() ? null : s.ports().get(0).hostIp();
        if (hostIp != null && !hostIp.equals("127.0.0.1")) {
            throw new ComposeException(where + ".ports", "publishes on " + hostIp + "; replicas are published on"
                    + " 127.0.0.1 only (a router on the host gives them one address); use 127.0.0.1:PORT:TARGET");
        }
        return project.networkName(joined.get(0));
    }

    /**
     * A service's {@code healthcheck:} as the replicas carry it: the engine runs it and its status gates each
     * replica's readiness; {@code disable: true} switches the image's HEALTHCHECK off (readiness then falls back to
     * the health path). Null: the image's HEALTHCHECK as it is.
     */
    static ContainerHealthcheck healthcheck(Healthcheck h) {
        if (h == null) {
            return null;
        }
        if (h.disabled()) {
            return ContainerHealthcheck.none();
        }
        return new ContainerHealthcheck(h.test(), millis(h.interval()), millis(h.timeout()),
                h.retries() == null ? 0 : h.retries(), millis(h.startPeriod()));
    }

    private static long millis(Duration d) {
        return d == null ? 0 : d.toMillis();
    }

    /**
     * The first published port, else the one recorded for the service in the previous stack revision, else a free
     * loopback port: the replicas read it as {@code PORT} and the deployer needs one even when nothing listens on it.
     */
    private int portBase(ComposeService s) {
        if (!s.ports().isEmpty()) {
            Integer published = s.ports().get(0).published();
            if (published == null) {
                throw new ComposeException("services." + s.name() + ".ports", "publishes no host port; give one"
                        + " ('127.0.0.1:18080:18080'): it is the port base of the service's replicas on the host network");
            }
            return published;
        }
        StackRevision.Service before = previous == null ? null : previous.service(s.name());
        if (before != null && before.portBase() > 0) {
            return before.portBase();
        }
        int span = UNPUBLISHED_TO - UNPUBLISHED_FROM;
        int start = Math.floorMod(s.app().hashCode(), span);
        for (int i = 0; i < span; i += 7) {
            int base = UNPUBLISHED_FROM + Math.floorMod(start + i, span - 8);
            if (Ports.free(base) && Ports.free(base + 1)) {
                return base;
            }
        }
        throw new ComposeException("services." + s.name(), "has no published port and no free loopback port was"
                + " found in " + UNPUBLISHED_FROM + "-" + UNPUBLISHED_TO + "; publish one with ports:");
    }

    /**
     * {@code x-rollout:}, else {@code deploy.update_config}, else the strategy the caller chose for the stack
     * ({@code chosen}), else a rolling update with the defaults.
     */
    static RolloutStrategy strategy(ComposeService s, RolloutStrategy chosen) {
        RolloutOverride o = s.rollout();
        RolloutStrategy strategy;
        if (o != null) {
            RolloutStrategy named = RolloutStrategy.named(o.strategy() == null ? "rolling" : o.strategy().id());
            if (named instanceof RolloutStrategy.Rolling r) {
                RolloutStrategy.Rolling rolling = RolloutStrategy.rolling(
                        o.maxSurge() == null ? r.maxSurge() : o.maxSurge(),
                        o.maxUnavailable() == null ? r.maxUnavailable() : o.maxUnavailable());
                named = rolling.withBatchDelay(o.batchDelay() == null ? Duration.ZERO : o.batchDelay());
            }
            strategy = named;
            if (o.minReadySeconds() != null) {
                strategy = strategy.withMinReadySeconds(o.minReadySeconds());
            }
            if (o.progressDeadlineSeconds() != null) {
                strategy = strategy.withProgressDeadlineSeconds(o.progressDeadlineSeconds());
            }
        } else if (s.update().equals(UpdateConfig.DEFAULTS)) {
            strategy = chosen == null ? RolloutStrategy.rolling() : chosen;
        } else {
            UpdateConfig u = s.update();
            strategy = RolloutStrategy.rolling(u.maxSurge(), u.maxUnavailable()).withBatchDelay(u.delay());
        }
        // a stack never stays half-new: a failed service is restored (and the stack deployer restores the others)
        return strategy.withAutoRollback(true);
    }
}
