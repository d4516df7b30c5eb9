package io.jenkins.plugins.containerrollout.core.deploy.docker;

/** A rollout stopped: a replica failed beyond the failure ratio, or the progress deadline passed. */
final class RolloutFailure extends Exception {
    private static final long serialVersionUID = 1L;

    RolloutFailure(String message) {
        super(message);
    }
}
