package io.jenkins.plugins.containerrollout.core.deploy.docker;

import java.util.Optional;

/** The one engine call a readiness check makes: a replica's state (its inspect); empty when the container is gone. */
@FunctionalInterface
interface ReplicaInspect {
    Optional<ReplicaState> state(String id);
}
