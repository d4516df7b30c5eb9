package io.jenkins.plugins.containerrollout.core.deploy;

/**
 * Where an application's last rollout stands, as {@code status} reports it and the engine state records it (by
 * {@link #name()}).
 */
public enum AppPhase {
    /** Never deployed (or every trace removed). */
    NONE,
    /** A rollout is running, or was interrupted: the next deploy or rollback converges from there. */
    PROGRESSING,
    /** The last rollout completed: its revision is the stable one. */
    COMPLETE,
    /** The last rollout stopped and waits (no automatic rollback; a Swarm update paused). */
    PAUSED,
    /** The last rollout failed and was rolled back, or the rollback itself failed. */
    FAILED;

    /**
     * The phase a state label names. A label this version does not know (a newer one wrote it, or it was edited)
     * reads as {@link #PROGRESSING}: the one phase that makes the next command converge rather than trust it.
     */
    public static AppPhase ofLabel(String label) {
        for (AppPhase p : values()) {
            if (p.name().equals(label)) {
                return p;
            }
        }
        return PROGRESSING;
    }
}
