package io.jenkins.plugins.containerrollout.steps;

import io.jenkins.plugins.containerrollout.core.targets.Target;
import hudson.Extension;
import hudson.model.Descriptor;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;

/**
 * Containers on the engine {@code dockerHost} names, one per replica: the default, so a Pipeline leaves
 * {@code target} out for it. Its symbol is {@code dockerEngine}, not {@code docker}: docker-workflow's global
 * variable {@code docker} wins over every {@code @Symbol} in a Pipeline script (see {@link DeployTarget}).
 *
 * <p>Usage: {@code target: dockerEngine()} (the same as no {@code target})
 */
public final class DockerTarget extends DeployTarget {
    @DataBoundConstructor
    public DockerTarget() {
    }

    @Override
    public Target kind() {
        return Target.DOCKER;
    }

    /**
     * {@code dockerEngine} in Pipeline scripts and the Snippet Generator.
     *
     * <p>Usage: {@code target: dockerEngine()}
     */
    @Extension
    @Symbol("dockerEngine")
    public static final class DescriptorImpl extends Descriptor<DeployTarget> {
        @Override
        public String getDisplayName() {
            return Messages.get("DockerTarget.displayName");
        }
    }
}
