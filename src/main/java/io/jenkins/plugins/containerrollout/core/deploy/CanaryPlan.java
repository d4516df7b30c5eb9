package io.jenkins.plugins.containerrollout.core.deploy;

import io.jenkins.plugins.containerrollout.core.RequestException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The canary part of a {@link RolloutStrategy}: the weight steps, and the analysis that must pass at each step
 * ({@link CanaryAnalysis}: by default the router's counters of the canary's own share of real traffic). The canary's
 * answers must reach {@code minSuccessRatio}; a synthetic analysis sends {@code analysisRequests} requests to
 * {@code analysisPath} on the canary's replicas and also holds their p95 latency to {@code maxP95Millis}. A failed
 * analysis is repeated at the same weight; the {@code failureLimit}-th failure aborts the rollout.
 *
 * <p>Usage: {@code CanaryPlan.defaults().withSteps(CanaryPlan.parseSteps("10:30,50:30")).withAnalysis(0.99, 500, 100)}
 *
 * @param steps            weights in increasing order, each with its pause; promotion to 100 % follows the last
 * @param analysisPath     request path analysed through the frontend, starting with {@code /}
 * @param minSuccessRatio  2xx/3xx answers / requests an analysis needs, in (0, 1]
 * @param maxP95Millis     p95 latency an analysis tolerates; 0 means no latency limit
 * @param analysisRequests requests per analysis, at least 1
 * @param failureLimit     failed analyses that abort the rollout, at least 1
 * @param analysis         how each step is judged; never null (default: the router's counters)
 */
public record CanaryPlan(
        List<CanaryStep> steps,
        String analysisPath,
        double minSuccessRatio,
        long maxP95Millis,
        int analysisRequests,
        int failureLimit,
        CanaryAnalysis analysis) implements Serializable {

    public CanaryPlan {
        analysis = analysis == null ? CanaryAnalysis.Router.defaults() : analysis;
        if (steps == null || steps.isEmpty()) {
            throw new RequestException("steps: at least one canary step is needed, e.g. '10:30,50:30' "
                    + "(weight %:pause seconds)");
        }
        steps = List.copyOf(steps);
        for (int i = 1; i < steps.size(); i++) {
            if (steps.get(i).weight() <= steps.get(i - 1).weight()) {
                throw new RequestException("steps: weights must increase step by step (got "
                        + steps.get(i - 1).weight() + " then " + steps.get(i).weight() + ")");
            }
        }
        if (analysisPath == null || !analysisPath.startsWith("/")) {
            throw new RequestException("analysisPath: '" + analysisPath + "' must start with '/', e.g. '/'");
        }
        if (!(minSuccessRatio > 0 && minSuccessRatio <= 1)) {
            throw new RequestException("minSuccessRatio: must be in (0, 1] (got " + minSuccessRatio
                    + "); e.g. 0.99");
        }
        if (maxP95Millis < 0) {
            throw new RequestException("maxP95Millis: must be 0 (no limit) or more (got " + maxP95Millis + ")");
        }
        if (analysisRequests < 1 || analysisRequests > 100_000) {
            throw new RequestException("analysisRequests: " + analysisRequests + " is out of range; use 1 to "
                    + "100000");
        }
        if (failureLimit < 1) {
            throw new RequestException("failureLimit: must be at least 1 (got " + failureLimit
                    + "); 1 aborts on the first failed analysis");
        }
    }

    /** With the default analysis (the router's counters). */
    public CanaryPlan(List<CanaryStep> steps, String analysisPath, double minSuccessRatio, long maxP95Millis,
            int analysisRequests, int failureLimit) {
        this(steps, analysisPath, minSuccessRatio, maxP95Millis, analysisRequests, failureLimit, null);
    }

    /**
     * Steps 10 % and 50 %, 30 s each, judged by the router's counters; 99 % success; synthetic analyses send 100
     * requests to {@code /} with p95 within 500 ms; abort on the first failure.
     */
    public static CanaryPlan defaults() {
        return new CanaryPlan(List.of(new CanaryStep(10, 30), new CanaryStep(50, 30)), "/", 0.99, 500, 100, 1);
    }

    public CanaryPlan withSteps(List<CanaryStep> newSteps) {
        return new CanaryPlan(newSteps, analysisPath, minSuccessRatio, maxP95Millis, analysisRequests, failureLimit,
                analysis);
    }

    public CanaryPlan withAnalysisPath(String path) {
        return new CanaryPlan(steps, path, minSuccessRatio, maxP95Millis, analysisRequests, failureLimit, analysis);
    }

    /** The thresholds and size of each analysis. */
    public CanaryPlan withAnalysis(double newMinSuccessRatio, long newMaxP95Millis, int newAnalysisRequests) {
        return new CanaryPlan(steps, analysisPath, newMinSuccessRatio, newMaxP95Millis, newAnalysisRequests,
                failureLimit, analysis);
    }

    /** How each step is judged. */
    public CanaryPlan withAnalysis(CanaryAnalysis newAnalysis) {
        return new CanaryPlan(steps, analysisPath, minSuccessRatio, maxP95Millis, analysisRequests, failureLimit,
                newAnalysis);
    }

    public CanaryPlan withFailureLimit(int limit) {
        return new CanaryPlan(steps, analysisPath, minSuccessRatio, maxP95Millis, analysisRequests, limit, analysis);
    }

    /**
     * Parses {@code "10:30,50:30"} (weight percent, colon, pause seconds, or {@code manual} to hold the weight until
     * promoted; a bare weight pauses 0 s), the form the pipeline step and the CLI take.
     */
    public static List<CanaryStep> parseSteps(String text) {
        if (text == null || text.isBlank()) {
            throw new RequestException("steps: empty; give weight:pause pairs, e.g. '10:30,50:30'");
        }
        List<CanaryStep> out = new ArrayList<>();
        for (String part : text.split(",")) {
            String[] wp = part.trim().split(":");
            try {
                int weight = Integer.parseInt(wp[0].trim().replace("%", ""));
                boolean manual = wp.length > 1 && wp[1].trim().equals("manual");
                int pause = manual ? CanaryStep.MANUAL : wp.length > 1 ? Integer.parseInt(wp[1].trim().replace("s", ""))
                        : 0;
                if (!manual && pause < 0) {
                    throw new RequestException("steps: pause " + pause + " s in '" + part.trim() + "' must be 0 or "
                            + "more, or 'manual' to hold the weight until promoted");
                }
                out.add(new CanaryStep(weight, pause));
            } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
                throw new RequestException("steps: '" + part.trim() + "' is not weight:pause; use e.g. "
                        + "'10:30,50:30' or '10:manual,50:30' (percent:seconds, or percent:manual)", e);
            }
            if (wp.length > 2) {
                throw new RequestException("steps: '" + part.trim() + "' is not weight:pause; use e.g. "
                        + "'10:30,50:30' (percent:seconds)");
            }
        }
        return out;
    }

    /**
     * Replicas of the new revision started for the canary steps: enough for the largest step's share of
     * {@code desired} (rounded up, at least one), so a canary at 50 % does not get 50 % of the load on one replica.
     */
    public int canaryReplicas(int desired) {
        int top = steps.get(steps.size() - 1).weight();
        return Math.max(1, Math.min(desired, (int) Math.ceil(desired * top / 100.0)));
    }

    /** The settings for the record. */
    void describe(Map<String, String> into, int desired) {
        StringBuilder s = new StringBuilder();
        for (CanaryStep step : steps) {
            s.append(s.length() == 0 ? "" : ",").append(step.text());
        }
        into.put("steps", s.toString());
        into.put("canaryReplicas", String.valueOf(canaryReplicas(desired)));
        into.put("analysis", analysis.describe());
        into.put("analysisPath", analysisPath);
        into.put("minSuccessRatio", String.valueOf(minSuccessRatio));
        into.put("maxP95Millis", String.valueOf(maxP95Millis));
        into.put("analysisRequests", String.valueOf(analysisRequests));
        into.put("failureLimit", String.valueOf(failureLimit));
    }
}
