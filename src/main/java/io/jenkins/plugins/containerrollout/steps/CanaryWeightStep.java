package io.jenkins.plugins.containerrollout.steps;

import hudson.Extension;
import hudson.model.AbstractDescribableImpl;
import hudson.model.Descriptor;
import hudson.model.Item;
import hudson.util.FormValidation;
import io.jenkins.plugins.containerrollout.core.RequestException;
import io.jenkins.plugins.containerrollout.core.deploy.CanaryStep;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * One step of a canary as the Pipeline writes it (a describable argument of {@code canary(steps:)}, not a Pipeline
 * step; {@link #toCore()} gives the core's {@code CanaryStep}): send {@code weight} percent of the traffic to the new
 * revision, then wait {@code pause} seconds, analysing the traffic, before the next step, or ({@code pause: 'manual'})
 * hold that weight until {@code containerPromote} goes on (or {@code containerRollback} aborts). In a script a plain
 * map does: {@code [weight: 10, pause: 30]}.
 *
 * <p>Usage: {@code canary(steps: [[weight: 10, pause: 'manual'], [weight: 50, pause: 60]])}
 */
public final class CanaryWeightStep extends AbstractDescribableImpl<CanaryWeightStep> {
    private final int weight;
    /** What {@code pause} takes besides a number of seconds. */
    static final String MANUAL = "manual";

    // seconds, or CanaryStep.MANUAL
    private int pause;

    /** @param weight percent of the traffic, 1 to 100 */
    @DataBoundConstructor
    public CanaryWeightStep(int weight) {
        this.weight = weight;
    }

    public int getWeight() {
        return weight;
    }

    /** Seconds as a number, or {@code 'manual'}: what the Snippet Generator writes back. */
    public Object getPause() {
        return pause == CanaryStep.MANUAL ? MANUAL : Integer.valueOf(pause);
    }

    /**
     * Seconds to hold this weight before the next step, or {@code 'manual'} to hold it until promoted. {@code Object}
     * so that both bind: structs never turns a number into a {@code String} nor a string into an {@code int} for a
     * parameter of the other type, and passes any value to an {@code Object} one (see
     * {@link StepArguments#numberOrText}); the form's text arrives as a string.
     *
     * @throws IllegalArgumentException naming {@code pause} for anything but whole seconds or {@code 'manual'}
     */
    @DataBoundSetter
    public void setPause(Object pause) {
        this.pause = seconds(pause);
    }

    /** {@code pause} as the core takes it: seconds, or {@link CanaryStep#MANUAL}. */
    static int seconds(Object pause) {
        String text = StepArguments.numberOrText("pause", pause);
        if (text == null) {
            return 0;
        }
        if (text.equalsIgnoreCase(MANUAL)) {
            return CanaryStep.MANUAL;
        }
        try {
            int seconds = Integer.parseInt(text);
            if (seconds >= 0) {
                return seconds;
            }
        } catch (NumberFormatException e) {
            // not whole seconds: said below
        }
        throw new RequestException("pause: '" + text + "' is neither whole seconds (0 or more, e.g. 60) nor 'manual' "
                + "(hold the weight until containerPromote)");
    }

    /**
     * The core's step.
     *
     * @throws IllegalArgumentException when the weight is not 1..100 or the pause negative
     */
    CanaryStep toCore() {
        return new CanaryStep(weight, pause);
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

        /** Neither seconds nor {@code manual}. */
        @POST
        public FormValidation doCheckPause(@AncestorInPath Item item, @QueryParameter String value) {
            return RolloutForms.check(item, () -> seconds(value));
        }

        /** A weight outside 1..100. */
        @POST
        public FormValidation doCheckWeight(@AncestorInPath Item item, @QueryParameter String value) {
            return RolloutForms.check(item,
                    () -> new CanaryWeightStep(RolloutForms.integer("weight", value, 0)).toCore());
        }
    }
}
