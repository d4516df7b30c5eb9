package io.jenkins.plugins.containerrollout.steps;

import hudson.Extension;
import hudson.model.AbstractDescribableImpl;
import hudson.model.Descriptor;
import hudson.model.Item;
import hudson.util.FormValidation;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * One step of a canary: send {@code weight} percent of the traffic to the new revision, then wait {@code pause}
 * seconds (and analyse) before the next step. In a script a plain map does: {@code [weight: 10, pause: 30]}.
 *
 * <p>Usage: {@code canary(steps: [[weight: 10, pause: 30], [weight: 100]])}
 */
public final class CanaryStep extends AbstractDescribableImpl<CanaryStep> {
    private final int weight;
    private int pause;

    /** @param weight percent of the traffic, 1 to 100 */
    @DataBoundConstructor
    public CanaryStep(int weight) {
        this.weight = weight;
    }

    public int getWeight() {
        return weight;
    }

    public int getPause() {
        return pause;
    }

    /** Seconds to hold this weight before the next step. */
    @DataBoundSetter
    public void setPause(int pause) {
        this.pause = pause;
    }

    /** What is wrong with this step, or null. */
    String problem() {
        if (weight < 1 || weight > 100) {
            return "weight " + weight + " is not a share of the traffic; use 1 to 100 (percent)";
        }
        if (pause < 0) {
            return "pause " + pause + " must be 0 or more seconds";
        }
        return null;
    }

    /**
     * One canary step in the Snippet Generator.
     *
     * <p>Usage: {@code steps: [canaryStep(weight: 10, pause: 30)]}
     */
    @Extension
    @Symbol("canaryStep")
    public static final class DescriptorImpl extends Descriptor<CanaryStep> {
        @Override
        public String getDisplayName() {
            return Messages.get("CanaryStep.displayName");
        }

        /** A weight outside 1..100. */
        @POST
        public FormValidation doCheckWeight(@AncestorInPath Item item, @QueryParameter String value) {
            return RolloutForms.check(item, () -> {
                int weight = RolloutForms.integer("weight", value, 0);
                String problem = new CanaryStep(weight).problem();
                if (problem != null) {
                    throw new IllegalArgumentException(problem);
                }
            });
        }
    }
}
