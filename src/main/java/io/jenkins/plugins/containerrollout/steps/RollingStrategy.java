package io.jenkins.plugins.containerrollout.steps;

import hudson.Extension;
import hudson.model.Descriptor;
import hudson.model.Item;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.containerrollout.core.deploy.Replacement;
import io.jenkins.plugins.containerrollout.core.deploy.RolloutStrategy;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * A rolling update: new replicas replace old ones in batches, never more than {@code maxSurge} above and never more
 * than {@code maxUnavailable} below the desired count (counts, or percentages with Kubernetes rounding).
 *
 * <p>Usage: {@code strategy: rolling(maxSurge: 1, maxUnavailable: 0, batchDelaySeconds: 5, replacement: 'stopComplete')}
 */
public final class RollingStrategy extends DeployStrategy {
    private String maxSurge = "25%";
    private String maxUnavailable = "25%";
    private double batchDelaySeconds;
    private String replacement = Replacement.STOP_STARTED.id();

    /** Kubernetes' defaults: 25% surge, 25% unavailable, no pause between batches. */
    @DataBoundConstructor
    public RollingStrategy() {
    }

    public String getMaxSurge() {
        return maxSurge;
    }

    /**
     * Replicas above the desired count during the update: a count ({@code 1}, or {@code '1'}) or a percentage
     * ({@code '25%'}, rounded up), as Kubernetes takes it; {@code Object} so that a number binds (see
     * {@link StepArguments#numberOrText}).
     */
    @DataBoundSetter
    public void setMaxSurge(Object maxSurge) {
        String text = StepArguments.numberOrText("maxSurge", maxSurge);
        this.maxSurge = text == null ? "25%" : text;
    }

    public String getMaxUnavailable() {
        return maxUnavailable;
    }

    /** Replicas below the desired count that may be unready: a count ({@code 0}) or a percentage ({@code '25%'}, rounded down). */
    @DataBoundSetter
    public void setMaxUnavailable(Object maxUnavailable) {
        String text = StepArguments.numberOrText("maxUnavailable", maxUnavailable);
        this.maxUnavailable = text == null ? "25%" : text;
    }

    public double getBatchDelaySeconds() {
        return batchDelaySeconds;
    }

    /** Pause between batches in seconds, fractions allowed ({@code 0.5}). */
    @DataBoundSetter
    public void setBatchDelaySeconds(double batchDelaySeconds) {
        this.batchDelaySeconds = batchDelaySeconds;
    }

    public String getReplacement() {
        return replacement;
    }

    /**
     * {@code 'stopStarted'} (default): the next batch starts while the replaced replicas stop; {@code 'stopComplete'}:
     * it waits until they have stopped.
     */
    @DataBoundSetter
    public void setReplacement(String replacement) {
        this.replacement = replacement == null || replacement.isBlank() ? Replacement.STOP_STARTED.id()
                : replacement.strip();
    }

    @Override
    public RolloutStrategy toStrategy() {
        return RolloutStrategy.rolling(maxSurge, maxUnavailable)
                .withBatchDelay(StepArguments.seconds("batchDelaySeconds", batchDelaySeconds))
                .withReplacement(Replacement.parse(replacement));
    }

    /**
     * {@code rolling} in Pipeline scripts and the Snippet Generator.
     *
     * <p>Usage: {@code strategy: rolling()}
     */
    @Extension
    @Symbol("rolling")
    public static final class DescriptorImpl extends Descriptor<DeployStrategy> {
        @Override
        public String getDisplayName() {
            return Messages.get("RollingStrategy.displayName");
        }

        /** Neither a count nor a percentage. */
        @POST
        public FormValidation doCheckMaxSurge(@AncestorInPath Item item, @QueryParameter String value) {
            return RolloutForms.check(item, () -> RolloutStrategy.rolling(value, "1"));
        }

        /** Neither a count nor a percentage, or 0 together with a zero {@code maxSurge}. */
        @POST
        public FormValidation doCheckMaxUnavailable(@AncestorInPath Item item, @QueryParameter String value,
                @QueryParameter String maxSurge) {
            return RolloutForms.check(item, () -> {
                RolloutStrategy.rolling("1", value);
                if (RolloutForms.problem(() -> RolloutStrategy.rolling(maxSurge, "1")) == null) {
                    RolloutStrategy.rolling(maxSurge, value);
                }
            });
        }

        /** The two replacement policies, for everybody ({@link FixedChoices}). */
        @POST
        public ListBoxModel doFillReplacementItems() {
            return FixedChoices.listBox(FixedChoices.replacement());
        }

        /** A negative pause. */
        @POST
        public FormValidation doCheckBatchDelaySeconds(@AncestorInPath Item item, @QueryParameter String value) {
            return RolloutForms.check(item, () -> {
                StepArguments.seconds("batchDelaySeconds", RolloutForms.decimal("batchDelaySeconds", value, 0));
            });
        }
    }
}
