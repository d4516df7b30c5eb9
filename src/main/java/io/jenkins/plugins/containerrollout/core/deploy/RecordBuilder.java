package io.jenkins.plugins.containerrollout.core.deploy;

import io.jenkins.plugins.containerrollout.core.record.MetricsCalculator;
import io.jenkins.plugins.containerrollout.core.record.Operation;
import io.jenkins.plugins.containerrollout.core.record.Outcome;
import io.jenkins.plugins.containerrollout.core.record.RolloutRecord;
import io.jenkins.plugins.containerrollout.core.record.TimelineEvent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one place a finished deploy or rollback becomes its {@link RolloutRecord}, for every target (Docker host,
 * Swarm): the strategy and its settings, the metrics computed from the timeline, and the target revision's commit and
 * deploying build (the report header shows the commit). Each engine keeps its revisions its own way and adds only its
 * own settings; before this class each built the record itself, and Swarm's copy dropped the commit.
 *
 * <p>Usage: {@code RecordBuilder.finish(app, Operation.DEPLOY, from, target, serving, n, strategy, Map.of(), events,
 * Outcome.SUCCEEDED, "4/4 replicas on revision 7", startedAt)}
 */
public final class RecordBuilder {
    private RecordBuilder() {
    }

    /**
     * The revision a deploy or rollback went to, as its record names it.
     *
     * @param number   revision number
     * @param image    the image reference as requested (or as kept, for a rollback)
     * @param imageId  the image id the replicas run
     * @param digest   the repository digest, or null
     * @param commit   the source commit it was deployed from ({@code DeployRequest.commit}), or null
     * @param buildUrl the build that deployed it ({@code DeployRequest.buildUrl}), or null
     */
    public record Target(int number, String image, String imageId, String digest, String commit, String buildUrl) {
    }

    /**
     * The record of a rollout that ends now.
     *
     * @param engineSettings settings only this engine has, appended after the strategy's (empty for the Docker host)
     */
    public static RolloutRecord finish(String app, Operation op, int from, Target to, int serving, int desired,
            RolloutStrategy strategy, Map<String, String> engineSettings, List<TimelineEvent> events, Outcome outcome,
            String message, long startedAt) {
        long finishedAt = System.currentTimeMillis();
        Map<String, String> settings = new LinkedHashMap<>(strategy.describe(desired));
        settings.putAll(engineSettings);
        return new RolloutRecord(app, op, from, to.number(), serving, to.image(), to.imageId(), to.digest(), desired,
                strategy.name(), settings, events, outcome, message, startedAt, finishedAt,
                MetricsCalculator.compute(events, desired, to.number(), op, startedAt, finishedAt), to.commit(),
                to.buildUrl());
    }
}
