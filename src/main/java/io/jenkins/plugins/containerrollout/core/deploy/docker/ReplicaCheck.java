package io.jenkins.plugins.containerrollout.core.deploy.docker;

import io.jenkins.plugins.containerrollout.core.health.HttpProbe;
import io.jenkins.plugins.containerrollout.core.health.ProbeResult;
import io.jenkins.plugins.containerrollout.core.health.ProbeSettings;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One readiness check of one replica: is the container running, and then either the engine's HEALTHCHECK status (when
 * its revision's image has one) or the HTTP probe on the revision's health path. Safe to call from several threads at
 * once (a rollout probes its replicas concurrently).
 */
final class ReplicaCheck {
    /** A probe result, and whether it is final (the container exited or the engine called it unhealthy). */
    record Check(ProbeResult result, boolean fatal) {
    }

    private final ReplicaInspect engine;
    private final Map<Integer, ? extends HealthRule> revisions;
    private final ProbeSettings probe;
    private final Map<String, HttpProbe> httpProbes = new ConcurrentHashMap<>();

    ReplicaCheck(ReplicaInspect engine, Map<Integer, ? extends HealthRule> revisions, ProbeSettings probe) {
        this.engine = engine;
        this.revisions = revisions;
        this.probe = probe;
    }

    /**
     * As {@link #check(ReplicaRef)}, when a container listing taken just before said whether the replica runs: a
     * running replica probed over HTTP needs no inspect of its own (one listing serves every replica of a round).
     */
    Check check(ReplicaRef replica, boolean listedRunning) {
        HealthRule rev = revisions.get(replica.revision());
        if (!listedRunning || rev != null && rev.engineHealth()) {
            return check(replica); // the exit code, or the engine's health status, needs the inspect
        }
        return new Check(probeFor(rev).get(replica.port()), false);
    }

    Check check(ReplicaRef replica) {
        ReplicaState state = engine.state(replica.id()).orElse(null);
        if (state == null) {
            return fatal("container vanished");
        }
        if (!state.running()) {
            return fatal(state.exitReason());
        }
        HealthRule rev = revisions.get(replica.revision());
        if (rev != null && rev.engineHealth()) {
            String status = state.health() == null ? "starting" : state.health();
            return switch (status) {
                case "healthy" -> new Check(ProbeResult.ready("HEALTHCHECK healthy"), false);
                case "unhealthy" -> fatal("HEALTHCHECK unhealthy");
                default -> new Check(ProbeResult.noAnswer("HEALTHCHECK " + status), false);
            };
        }
        return new Check(probeFor(rev).get(replica.port()), false);
    }

    private HttpProbe probeFor(HealthRule rev) {
        String path = rev == null ? probe.path() : rev.healthPath();
        return httpProbes.computeIfAbsent(path, p -> new HttpProbe(probe.withPath(p)));
    }

    private static Check fatal(String why) {
        return new Check(ProbeResult.notReady(why), true);
    }
}
