package io.jenkins.plugins.containerrollout.core.verify;

import java.util.List;
import java.util.Optional;

/**
 * Which checks can verify an application deployed on a swarm, and the refusal of the others. {@link HealthCheck} and
 * {@link ExecCheck} look for containers by label on the one engine they talk to, while a service's tasks run on
 * whichever nodes the swarm picks: they would judge some of the tasks or none, and pass or fail for the wrong reason.
 * The CLI and the Pipeline step both refuse them through this class, each in its own words.
 *
 * <p>Usage: {@code SwarmChecks.firstUnsupported(checks).ifPresent(i -> fail(SwarmChecks.refusal("checks[" + i + "]",
 * "target: swarm()", "http(url: '{endpoint}/health')")));}
 */
public final class SwarmChecks {
    private SwarmChecks() {
    }

    /** Whether {@code check} can run against a swarm service (it does not look for containers by label). */
    public static boolean supported(Check check) {
        return !(check instanceof HealthCheck) && !(check instanceof ExecCheck);
    }

    /** The index of the first check in {@code checks} that cannot run against a swarm service, if any. */
    public static Optional<Integer> firstUnsupported(List<? extends Check> checks) {
        for (int i = 0; i < checks.size(); i++) {
            if (checks.get(i) != null && !supported(checks.get(i))) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    /**
     * The one-line refusal of such a check, naming it and the fix.
     *
     * @param parameter the check as the caller's user wrote it: {@code --health}, {@code checks[1] (health 'health')}
     * @param target    the swarm target as the caller's user wrote it: {@code --target swarm}, {@code target: swarm()}
     * @param instead   how the caller's user probes the serving tasks instead: {@code --http}, {@code http(...)}
     */
    public static String refusal(String parameter, String target, String instead) {
        return parameter + ": not supported with " + target + " yet; probe the serving tasks with " + instead;
    }
}
