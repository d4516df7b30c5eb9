package io.jenkins.plugins.containerrollout.steps;

import hudson.Extension;
import hudson.model.Descriptor;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;

/**
 * Containers on the engine {@code dockerHost} names, one per replica (the default).
 *
 * <p>Usage: {@code target: docker()}
 */
public final class DockerTarget extends DeployTarget {
    @DataBoundConstructor
    public DockerTarget() {
    }

    @Override
    public Kind kind() {
        return Kind.DOCKER;
    }

    /**
     * {@code docker} in Pipeline scripts and the Snippet Generator.
     *
     * <p>Usage: {@code target: docker()}
     */
    @Extension
    @Symbol("docker")
    public static final class DescriptorImpl extends Descriptor<DeployTarget> {
        @Override
        public String getDisplayName() {
            return Messages.get("DockerTarget.displayName");
        }
    }
}
