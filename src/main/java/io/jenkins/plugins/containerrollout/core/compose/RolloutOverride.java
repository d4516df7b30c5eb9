package io.jenkins.plugins.containerrollout.core.compose;

import java.io.Serializable;
import java.time.Duration;
import java.util.Locale;

/**
 * A service's {@code x-rollout:} extension: how this service rolls out when it differs from the strategy the caller
 * gave for the whole project. Every field is optional (null = the caller's). Kept apart from the deploy API on
 * purpose: the stack deployer maps it onto the strategy it builds.
 *
 * <p>Usage: {@code x-rollout: {strategy: blueGreen}} or {@code x-rollout: {maxSurge: "50%", batchDelay: 5s}}
 *
 * @param strategy                the strategy kind, or null for the caller's
 * @param maxSurge                rolling: a count ({@code "1"}) or a percentage ({@code "25%"})
 * @param maxUnavailable          rolling: a count or a percentage
 * @param batchDelay              rolling: pause between batches
 * @param minReadySeconds         how long a new replica must stay ready before it counts
 * @param progressDeadlineSeconds how long a rollout may go without progress before it fails
 */
public record RolloutOverride(Strategy strategy, String maxSurge, String maxUnavailable, Duration batchDelay,
        Integer minReadySeconds, Integer progressDeadlineSeconds) implements Serializable {

    /** The strategy kinds, by the names the steps and the CLI use. */
    public enum Strategy {
        /** {@code recreate} */
        RECREATE("recreate"),
        /** {@code rolling} */
        ROLLING("rolling"),
        /** {@code blueGreen} */
        BLUE_GREEN("blueGreen"),
        /** {@code canary} */
        CANARY("canary");

        private final String id;

        Strategy(String id) {
            this.id = id;
        }

        /** The name in the file, e.g. {@code blueGreen}. */
        public String id() {
            return id;
        }

        static Strategy parse(String name, String where) {
            for (Strategy s : values()) {
                if (s.id.toLowerCase(Locale.ROOT).equals(name == null ? "" : name.trim().toLowerCase(Locale.ROOT))) {
                    return s;
                }
            }
            throw new ComposeException(where, "is '" + name + "'; use rolling, recreate, blueGreen or canary");
        }
    }
}
