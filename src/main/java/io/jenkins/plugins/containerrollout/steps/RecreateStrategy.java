package io.jenkins.plugins.containerrollout.steps;

import hudson.Extension;
import hudson.model.Descriptor;
import io.jenkins.plugins.containerrollout.core.deploy.RolloutStrategy;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;

/**
 * Recreate: every old replica stops before the new ones start (downtime, but never two versions at once).
 *
 * <p>Usage: {@code strategy: recreate()}
 */
public final class RecreateStrategy extends DeployStrategy {
    @DataBoundConstructor
    public RecreateStrategy() {
    }

    @Override
    public RolloutStrategy toStrategy() {
        return RolloutStrategy.recreate();
    }

    /**
     * {@code recreate} in Pipeline scripts and the Snippet Generator.
     *
     * <p>Usage: {@code strategy: recreate()}
     */
    @Extension
    @Symbol("recreate")
    public static final class DescriptorImpl extends Descriptor<DeployStrategy> {
        @Override
        public String getDisplayName() {
            return Messages.get("RecreateStrategy.displayName");
        }
    }
}
