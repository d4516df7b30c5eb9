package io.jenkins.plugins.containerrollout.core.record;

import java.io.Serializable;

/**
 * Where a paused rollout holds, waiting for {@code promote} or an abort (a rollback): a canary at one of its manual
 * steps, or a blue-green release whose new colour serves only on the router's preview address. Kept in the engine
 * with the application's state, so any later process can show it, promote or abort; {@code status} and the record of
 * the deploy that paused carry it.
 *
 * <p>Usage: {@code if (status.pause() != null) System.out.println(status.pause().describe(now))}
 *
 * @param strategy       {@code canary} or {@code blueGreen}
 * @param step           the canary step it holds at, 1-based; 0 for blue-green
 * @param steps          the canary's steps; 0 for blue-green
 * @param weight         percent of production traffic the paused revision gets (blue-green: 0)
 * @param revision       the paused (new) revision
 * @param stableRevision the revision serving the rest of the traffic, which an abort restores
 * @param pausedAtMillis when it paused, epoch milliseconds
 * @param previewUrl     where the new colour alone answers (blue-green), or null
 * @param startedBy      the build that started the rollout, or null (the CLI)
 */
public record PauseInfo(String strategy, int step, int steps, int weight, int revision, int stableRevision,
        long pausedAtMillis, String previewUrl, String startedBy) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** One line for people: {@code canary step 1 of 2: revision 3 at weight 10 %, revision 2 serves the rest}. */
    public String describe() {
        if (step > 0) {
            return strategy + " step " + step + " of " + steps + ": revision " + revision + " at weight " + weight
                    + " %, revision " + stableRevision + " serves the rest";
        }
        return strategy + ": revision " + revision + " is up, serving only on the preview"
                + (previewUrl == null ? "" : " " + previewUrl) + "; revision " + stableRevision
                + " serves production";
    }

    /** How long it has been paused at {@code nowMillis}, as people read it ({@code 3 min 20 s}). */
    public String pausedFor(long nowMillis) {
        long s = Math.max(0, (nowMillis - pausedAtMillis) / 1000);
        return s >= 3600 ? s / 3600 + " h " + s % 3600 / 60 + " min" : s >= 60 ? s / 60 + " min " + s % 60 + " s"
                : s + " s";
    }

    /** What to do next, naming both ways out. */
    public static String nextSteps(String app) {
        return "promote it (containerPromote(app: '" + app + "'), container-rollout promote --app " + app
                + ") or abort it (containerRollback(app: '" + app + "'), container-rollout rollback --app " + app + ")";
    }
}
