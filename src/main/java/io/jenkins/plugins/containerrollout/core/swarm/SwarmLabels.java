package io.jenkins.plugins.containerrollout.core.swarm;

import io.jenkins.plugins.containerrollout.core.deploy.AppLabels;

/**
 * Labels of a Swarm application. The service carries {@link AppLabels#APP}, {@link AppLabels#REVISION},
 * {@link AppLabels#DIGEST}, {@link AppLabels#SPEC_HASH}, {@link AppLabels#BUILD_URL}, {@link AppLabels#COMMIT},
 * {@link AppLabels#PORT_BASE} as on a Docker host, plus {@link #RECORD} (the current revision as JSON),
 * {@link #HISTORY} (earlier revisions as a JSON array, at most {@code revisionHistoryLimit}), {@link #PORT_BANK},
 * {@link #SPEC_SENT}, {@link AppLabels#PROJECT} for a service of a Compose stack
 * and one {@link #SLOT_PORT}{@code <slot>} per task slot, from which each task's {@code PORT} is expanded.
 * Every task's container carries {@link AppLabels#APP}, {@link AppLabels#REVISION} and {@link AppLabels#SPEC_HASH},
 * so the task list tells which revision each task runs.
 *
 * <p>Usage: {@code docker service inspect --format '{{index .Spec.Labels "io.jenkins.containerrollout.revision"}}' web}
 */
public final class SwarmLabels {
    private SwarmLabels() {
    }

    public static final String RECORD = AppLabels.PREFIX + "swarm-revision";
    public static final String HISTORY = AppLabels.PREFIX + "history";
    public static final String PORT_BANK = AppLabels.PREFIX + "port-bank";
    /** A hash of the whole spec we sent (this label aside): a deploy that would send the same spec sends nothing. */
    public static final String SPEC_SENT = AppLabels.PREFIX + "spec-sent";
    /** Prefix of the per-slot port labels: {@code io.jenkins.containerrollout.slot-port.3=37004}. */
    public static final String SLOT_PORT = AppLabels.PREFIX + "slot-port.";

    /**
     * Task environment besides {@code PORT}: the slot (from {@code {{.Task.Slot}}}), the port base and the bank the
     * port is made of; the task list shows them, so the port of any task can be told without its container.
     */
    public static final String ENV_SLOT = "ROLLOUT_SLOT";
    public static final String ENV_PORT_BASE = "ROLLOUT_PORT_BASE";
    public static final String ENV_PORT_BANK = "ROLLOUT_PORT_BANK";
}
