package io.jenkins.plugins.containerrollout.core.deploy;

import com.github.dockerjava.api.command.HealthState;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import io.jenkins.plugins.containerrollout.core.health.HttpProbe;
import io.jenkins.plugins.containerrollout.core.health.ProbeResult;
import io.jenkins.plugins.containerrollout.core.health.ProbeSettings;
import java.util.HashMap;
import java.util.Map;

/**
 * One readiness check of one replica: is the container running, and then either the engine's HEALTHCHECK status (when
 * its revision's image has one) or the HTTP probe on the revision's health path.
 */
final class ReplicaCheck {
    /** A probe result, and whether it is final (the container exited or the engine called it unhealthy). */
    record Check(ProbeResult result, boolean fatal) {
    }

    private final AppEngine engine;
    private final Map<Integer, Revision> revisions;
    private final ProbeSettings probe;
    private final Map<String, HttpProbe> httpProbes = new HashMap<>();

    ReplicaCheck(AppEngine engine, Map<Integer, Revision> revisions, ProbeSettings probe) {
        this.engine = engine;
        this.revisions = revisions;
        this.probe = probe;
    }

    Check check(ReplicaRef replica) {
        InspectContainerResponse.ContainerState state;
        try {
            state = engine.inspect(replica.id()).getState();
        } catch (NotFoundException gone) {
            return fatal("container vanished");
        }
        if (!Boolean.TRUE.equals(state.getRunning())) {
            return fatal("exited with code " + state.getExitCodeLong());
        }
        Revision rev = revisions.get(replica.revision());
        if (rev != null && rev.engineHealth()) {
            HealthState health = state.getHealth();
            String status = health == null || health.getStatus() == null ? "starting" : health.getStatus();
            return switch (status) {
                case "healthy" -> new Check(ProbeResult.ready("HEALTHCHECK healthy"), false);
                case "unhealthy" -> fatal("HEALTHCHECK unhealthy");
                default -> new Check(ProbeResult.noAnswer("HEALTHCHECK " + status), false);
            };
        }
        String path = rev == null ? probe.path() : rev.healthPath();
        return new Check(httpProbes.computeIfAbsent(path, p -> new HttpProbe(probe.withPath(p))).get(replica.port()),
                false);
    }

    private static Check fatal(String why) {
        return new Check(ProbeResult.notReady(why), true);
    }
}
