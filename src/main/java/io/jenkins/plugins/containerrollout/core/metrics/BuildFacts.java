package io.jenkins.plugins.containerrollout.core.metrics;

import java.util.List;

/**
 * The recorded entries of one build, in order.
 *
 * <p>Usage: {@code new BuildFacts(42, build.getTimeInMillis(), facts)}
 *
 * @param build      build number
 * @param timeMillis when the build started, epoch milliseconds
 * @param facts      its entries, in recording order
 */
public record BuildFacts(int build, long timeMillis, List<RolloutFact> facts) {
    public BuildFacts {
        facts = List.copyOf(facts);
    }
}
