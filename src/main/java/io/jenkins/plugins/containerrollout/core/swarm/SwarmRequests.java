package io.jenkins.plugins.containerrollout.core.swarm;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.containerrollout.core.deploy.AppLabels;
import io.jenkins.plugins.containerrollout.core.deploy.DeployRequest;
import io.jenkins.plugins.containerrollout.core.deploy.ReplicaSpec;
import io.jenkins.plugins.containerrollout.core.deploy.RolloutLockedException;
import io.jenkins.plugins.containerrollout.core.RequestException;
import io.jenkins.plugins.containerrollout.core.deploy.RolloutStrategy;

/** The checks a Swarm request passes before anything changes, each refusing with the parameter to fix. */
final class SwarmRequests {
    private SwarmRequests() {
    }

    /** A service of that name that we did not deploy is left alone. */
    static void requireOurs(String app, JsonNode service) {
        JsonNode labels = service.path("Spec").path("Labels");
        if (!app.equals(labels.path(AppLabels.APP).asText(null)) || !labels.has(SwarmLabels.RECORD)) {
            throw new RequestException("app: a service named '" + app + "' exists but was not deployed by "
                    + "container-rollout (no " + SwarmLabels.RECORD + " label); pick another app name or remove it");
        }
    }

    /** Swarm runs one update of a service at a time: one in progress is someone else's rollout. */
    static void requireIdle(String app, JsonNode service) {
        String state = service.path("UpdateStatus").path("State").asText("");
        if (state.equals("updating") || state.equals("rollback_started")) {
            throw new RolloutLockedException("app: service '" + app + "' is " + state.replace('_', ' ') + " ("
                    + service.path("UpdateStatus").path("Message").asText("") + "); wait for it to finish, or pause it"
                    + " with docker service update --update-failure-action pause");
        }
    }

    /** A deploy request the swarm target cannot carry out, whatever the swarm's state. */
    static void requireSupported(DeployRequest request) {
        requireSupported(request.strategy(), request.spec());
        ServiceSpecs.mounts(SwarmApi.array(), request.spec().volumes()); // an anonymous volume is refused here
        int n = request.replicas();
        if (ServiceSpecs.lastPort(request.portBase(), n) > 65535) {
            throw new RequestException("portBase: " + request.portBase() + " leaves no room for " + 2 * n
                    + " ports (two per replica on a swarm); use a value up to " + (65536 - 2 * n));
        }
    }

    /** What the swarm target cannot do yet is refused, not approximated. */
    static void requireSupported(RolloutStrategy strategy, ReplicaSpec spec) {
        if (strategy instanceof RolloutStrategy.BlueGreen) {
            throw new RequestException("strategy: blueGreen is not supported on swarm yet; use rolling");
        }
        if (strategy instanceof RolloutStrategy.Canary) {
            // Swarm's update policy has no weights; running it as a plain rolling update would hide that.
            throw new RequestException("strategy: canary is not supported on swarm yet; use rolling");
        }
        if (spec != null && !spec.hostNetwork()) {
            throw new RequestException("network: '" + spec.networkMode() + "' is not supported on swarm yet; "
                    + "tasks use the host network and bind 127.0.0.1:$PORT");
        }
    }
}
