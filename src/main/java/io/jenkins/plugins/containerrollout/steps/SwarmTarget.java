package io.jenkins.plugins.containerrollout.steps;

import io.jenkins.plugins.containerrollout.core.targets.Target;
import hudson.Extension;
import hudson.model.Descriptor;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;

/**
 * One replicated service on the swarm whose manager {@code dockerHost} names; the swarm's orchestrator
 * runs the update (rolling or recreate; no router yet).
 *
 * <p>Usage: {@code target: swarm()}
 */
public final class SwarmTarget extends DeployTarget {
    @DataBoundConstructor
    public SwarmTarget() {
    }

    @Override
    public Target kind() {
        return Target.SWARM;
    }

    /**
     * {@code swarm} in Pipeline scripts and the Snippet Generator.
     *
     * <p>Usage: {@code target: swarm()}
     */
    @Extension
    @Symbol("swarm")
    public static final class DescriptorImpl extends Descriptor<DeployTarget> {
        @Override
        public String getDisplayName() {
            return Messages.get("SwarmTarget.displayName");
        }
    }
}
