package io.jenkins.plugins.containerrollout.steps;

import hudson.Extension;
import hudson.model.Descriptor;
import hudson.model.Item;
import hudson.util.FormValidation;
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
 * Canary: the new revision takes a growing share of the traffic in {@code steps} (weight in percent, then a pause),
 * with an analysis between steps (success ratio, p95 latency) that stops the rollout after {@code failureLimit}
 * failed analyses. The arguments are mapped and checked here; the Docker Engine core does not run canaries yet and
 * refuses them with its own message, which the step reports.
 *
 * <p>Usage: {@code strategy: canary(steps: [[weight: 10, pause: 30], [weight: 50, pause: 60]], minSuccessRatio: 0.99)}
 */
public final class CanaryStrategy extends DeployStrategy {
    private List<CanaryStep> steps = new ArrayList<>();
    private double minSuccessRatio = 0.99;
    private long maxP95Millis;
    private int failureLimit;

    /** @param steps the traffic steps, in order: {@code [[weight: 10, pause: 30], ...]} */
    @DataBoundConstructor
    public CanaryStrategy(List<CanaryStep> steps) {
        this.steps = steps == null ? new ArrayList<>() : new ArrayList<>(steps);
    }

    public List<CanaryStep> getSteps() {
        return new ArrayList<>(steps);
    }

    public double getMinSuccessRatio() {
        return minSuccessRatio;
    }

    /** Share of requests to the canary that must succeed in each analysis, 0..1. */
    @DataBoundSetter
    public void setMinSuccessRatio(double minSuccessRatio) {
        this.minSuccessRatio = minSuccessRatio;
    }

    public long getMaxP95Millis() {
        return maxP95Millis;
    }

    /** p95 latency the canary must keep in each analysis; 0 for none. */
    @DataBoundSetter
    public void setMaxP95Millis(long maxP95Millis) {
        this.maxP95Millis = maxP95Millis;
    }

    public int getFailureLimit() {
        return failureLimit;
    }

    /** Failed analyses tolerated before the canary is rolled back; 0 stops at the first. */
    @DataBoundSetter
    public void setFailureLimit(int failureLimit) {
        this.failureLimit = failureLimit;
    }

    /** What is wrong with these settings, or null. */
    String problem() {
        if (steps.isEmpty()) {
            return "canary steps: give at least one step, e.g. steps: [[weight: 10, pause: 30], [weight: 50, pause: 60]]";
        }
        int previous = 0;
        for (int i = 0; i < steps.size(); i++) {
            CanaryStep step = steps.get(i);
            String problem = step.problem();
            if (problem != null) {
                return "canary steps[" + i + "]: " + problem;
            }
            if (step.getWeight() <= previous) {
                return "canary steps[" + i + "]: weight " + step.getWeight() + " must be above the previous step's "
                        + previous + "; weights grow towards 100";
            }
            previous = step.getWeight();
        }
        if (!(minSuccessRatio > 0 && minSuccessRatio <= 1)) {
            return "canary minSuccessRatio: must be above 0 and at most 1, e.g. 0.99 (got " + minSuccessRatio + ")";
        }
        if (maxP95Millis < 0 || failureLimit < 0) {
            return "canary maxP95Millis/failureLimit: must be 0 or more";
        }
        return null;
    }

    @Override
    public RolloutStrategy toStrategy() {
        String problem = problem();
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        // the core names the strategies it runs; until it runs canaries this throws its own clear message
        return RolloutStrategy.named("canary");
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

        /** A ratio outside (0, 1]. */
        @POST
        public FormValidation doCheckMinSuccessRatio(@AncestorInPath Item item, @QueryParameter String value) {
            return RolloutForms.check(item, () -> {
                double ratio = RolloutForms.decimal("minSuccessRatio", value, 0.99);
                if (!(ratio > 0 && ratio <= 1)) {
                    throw new IllegalArgumentException("minSuccessRatio: must be above 0 and at most 1, e.g. 0.99");
                }
            });
        }
    }
}
