package io.jenkins.plugins.containerrollout.steps;

import hudson.Extension;
import hudson.model.Descriptor;
import hudson.model.Item;
import hudson.util.FormValidation;
import io.jenkins.plugins.containerrollout.core.deploy.CanaryPlan;
import io.jenkins.plugins.containerrollout.core.deploy.RolloutStrategy;
import java.util.ArrayList;
import java.util.List;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * Canary: replicas of the new revision start beside the stable ones and take a growing share of the traffic in
 * {@code steps} (weight in percent, then a pause), each step judged by its {@code analysis} (the router's counters of
 * the canary's own traffic by default); then the new revision is promoted, or after {@code failureLimit} failed
 * analyses rolled back. Needs
 * {@code router: haproxy(socket: ..., frontendPort: ...)}. Unset settings take the core's defaults
 * ({@link CanaryPlan#defaults()}).
 *
 * <p>Usage: {@code strategy: canary(steps: [[weight: 10, pause: 30], [weight: 50, pause: 60]], minSuccessRatio: 0.99)}
 */
public final class CanaryStrategy extends DeployStrategy {
    private static final CanaryPlan DEFAULTS = CanaryPlan.defaults();

    private List<CanaryWeightStep> steps = new ArrayList<>();
    private String analysisPath = DEFAULTS.analysisPath();
    private double minSuccessRatio = DEFAULTS.minSuccessRatio();
    private long maxP95Millis = DEFAULTS.maxP95Millis();
    private int analysisRequests = DEFAULTS.analysisRequests();
    private int failureLimit = DEFAULTS.failureLimit();
    private CanaryAnalysisSource analysis;

    /** The core's plan: steps 10 % and 50 %, 30 s each, and its analysis defaults. */
    @DataBoundConstructor
    public CanaryStrategy() {
    }

    /** The steps given, empty for the core's default steps. */
    public List<CanaryWeightStep> getSteps() {
        return new ArrayList<>(steps);
    }

    /** The traffic steps in order: {@code [[weight: 10, pause: 30], ...]}; weights grow from 1 to 100. */
    @DataBoundSetter
    public void setSteps(List<CanaryWeightStep> steps) {
        this.steps = steps == null ? new ArrayList<>() : new ArrayList<>(steps);
    }

    public String getAnalysisPath() {
        return analysisPath;
    }

    /** Path requested through the router's frontend in each analysis. */
    @DataBoundSetter
    public void setAnalysisPath(String analysisPath) {
        this.analysisPath = analysisPath == null || analysisPath.isBlank() ? DEFAULTS.analysisPath() : analysisPath.strip();
    }

    public double getMinSuccessRatio() {
        return minSuccessRatio;
    }

    /** Share of requests that must succeed in each analysis, in (0, 1]. */
    @DataBoundSetter
    public void setMinSuccessRatio(double minSuccessRatio) {
        this.minSuccessRatio = minSuccessRatio;
    }

    public long getMaxP95Millis() {
        return maxP95Millis;
    }

    /** p95 latency each analysis tolerates; 0 for none. */
    @DataBoundSetter
    public void setMaxP95Millis(long maxP95Millis) {
        this.maxP95Millis = maxP95Millis;
    }

    public int getAnalysisRequests() {
        return analysisRequests;
    }

    /** Requests per analysis. */
    @DataBoundSetter
    public void setAnalysisRequests(int analysisRequests) {
        this.analysisRequests = analysisRequests;
    }

    public int getFailureLimit() {
        return failureLimit;
    }

    /** Failed analyses that abort the canary (and roll it back); 1 aborts on the first. */
    @DataBoundSetter
    public void setFailureLimit(int failureLimit) {
        this.failureLimit = failureLimit;
    }

    /** The analysis given, or null for the core's default ({@code router()}). */
    public CanaryAnalysisSource getAnalysis() {
        return analysis;
    }

    /**
     * What judges each step: {@code router(...)} (the router's counters of the canary's own traffic, default),
     * {@code synthetic()} or {@code prometheus(...)}.
     */
    @DataBoundSetter
    public void setAnalysis(CanaryAnalysisSource analysis) {
        this.analysis = analysis;
    }

    /** The core's plan for these settings; its constructor names a wrong one. */
    CanaryPlan toPlan() {
        List<io.jenkins.plugins.containerrollout.core.deploy.CanaryStep> plan = new ArrayList<>();
        for (CanaryWeightStep step : steps) {
            plan.add(step.toCore());
        }
        return new CanaryPlan(plan.isEmpty() ? DEFAULTS.steps() : plan, analysisPath, minSuccessRatio, maxP95Millis,
                analysisRequests, failureLimit, analysis == null ? null : analysis.toAnalysis());
    }

    @Override
    public RolloutStrategy toStrategy() {
        return RolloutStrategy.canary(toPlan());
    }

    /**
     * {@code canary} in Pipeline scripts and the Snippet Generator.
     *
     * <p>Usage: {@code strategy: canary(steps: [[weight: 10, pause: 30]])}
     */
    @Extension
    @Symbol("canary")
    public static final class DescriptorImpl extends Descriptor<DeployStrategy> {
        @Override
        public String getDisplayName() {
            return Messages.get("CanaryStrategy.displayName");
        }

        /** What the analysis drop-down shows first: the core's default, the router's counters. */
        public CanaryAnalysisSource getDefaultAnalysis() {
            return new RouterAnalysisSource();
        }

        /** A ratio outside (0, 1]. */
        @POST
        public FormValidation doCheckMinSuccessRatio(@AncestorInPath Item item, @QueryParameter String value) {
            return RolloutForms.check(item, () -> DEFAULTS.withAnalysis(
                    RolloutForms.decimal("minSuccessRatio", value, DEFAULTS.minSuccessRatio()), DEFAULTS.maxP95Millis(),
                    DEFAULTS.analysisRequests()));
        }

        /** A path without the leading slash. */
        @POST
        public FormValidation doCheckAnalysisPath(@AncestorInPath Item item, @QueryParameter String value) {
            return RolloutForms.check(item, () -> DEFAULTS.withAnalysisPath(value == null || value.isBlank() ? "/" : value.strip()));
        }

        /** Fewer than one failed analysis. */
        @POST
        public FormValidation doCheckFailureLimit(@AncestorInPath Item item, @QueryParameter String value) {
            return RolloutForms.check(item, () -> DEFAULTS.withFailureLimit(
                    RolloutForms.integer("failureLimit", value, DEFAULTS.failureLimit())));
        }
    }
}
