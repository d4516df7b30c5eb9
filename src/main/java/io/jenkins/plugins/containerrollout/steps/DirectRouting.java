package io.jenkins.plugins.containerrollout.steps;

import hudson.Extension;
import hudson.model.Descriptor;
import io.jenkins.plugins.containerrollout.core.router.RouterSettings;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;

/**
 * No router: clients reach the replicas on their own ports ({@code portBase + slot}). The default; rolling and
 * recreate need nothing more, blue-green and canary do.
 *
 * <p>Usage: {@code router: direct()}
 */
public final class DirectRouting extends TrafficRouting {
    private static final long serialVersionUID = 1L;

    @DataBoundConstructor
    public DirectRouting() {
    }

    @Override
    public RouterSettings settings(String app) {
        return null;
    }

    /**
     * {@code direct} in Pipeline scripts and the Snippet Generator.
     *
     * <p>Usage: {@code router: direct()}
     */
    @Extension
    @Symbol("direct")
    public static final class DescriptorImpl extends Descriptor<TrafficRouting> {
        @Override
        public String getDisplayName() {
            return Messages.get("DirectRouting.displayName");
        }
    }
}
