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
 * One step of a canary as the Pipeline writes it (a describable argument of {@code canary(steps:)}, not a Pipeline
 * step; {@link #toCore()} gives the core's {@code CanaryStep}): send {@code weight} percent of the traffic to the new
 * revision, then wait {@code pause} seconds, analysing the traffic, before the next step. In a
 * script a plain map does: {@code [weight: 10, pause: 30]}.
 *
 * <p>Usage: {@code canary(steps: [[weight: 10, pause: 30], [weight: 100]])}
 */
public final class CanaryWeightStep extends AbstractDescribableImpl<CanaryWeightStep> {
    private final int weight;
    private int pause;

    /** @param weight percent of the traffic, 1 to 100 */
    @DataBoundConstructor
    public CanaryWeightStep(int weight) {
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

    /**
     * The core's step.
     *
     * @throws IllegalArgumentException when the weight is not 1..100 or the pause negative
     */
    io.jenkins.plugins.containerrollout.core.deploy.CanaryStep toCore() {
        return new io.jenkins.plugins.containerrollout.core.deploy.CanaryStep(weight, pause);
    }

    /**
     * One canary step in the Snippet Generator.
     *
     * <p>Usage: {@code steps: [canaryStep(weight: 10, pause: 30)]}
     */
    @Extension
    @Symbol("canaryStep")
    public static final class DescriptorImpl extends Descriptor<CanaryWeightStep> {
        @Override
        public String getDisplayName() {
            return Messages.get("CanaryWeightStep.displayName");
        }

        /** A weight outside 1..100. */
        @POST
        public FormValidation doCheckWeight(@AncestorInPath Item item, @QueryParameter String value) {
            return RolloutForms.check(item,
                    () -> new CanaryWeightStep(RolloutForms.integer("weight", value, 0)).toCore());
        }
    }
}
