package io.jenkins.plugins.containerrollout.steps;

import hudson.Extension;
import hudson.model.Descriptor;
import hudson.model.Item;
import hudson.util.FormValidation;
import io.jenkins.plugins.containerrollout.core.deploy.RolloutStrategy;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * Blue-green: a full set of the new colour starts beside the old one, all traffic switches at once when it is
 * ready, and the old colour keeps running {@code scaleDownDelaySeconds} for an instant switch back. Needs a router
 * ({@code router: haproxy(...)}).
 *
 * With {@code autoPromote: false} the new colour waits on the router's preview address for {@code containerPromote}.
 *
 * <p>Usage: {@code strategy: blueGreen(scaleDownDelaySeconds: 30), router: haproxy(socket: '/run/haproxy/admin.sock')}
 */
public final class BlueGreenStrategy extends DeployStrategy {
    /** How long the old colour stays up after the switch when not given. */
    public static final int DEFAULT_SCALE_DOWN_DELAY_SECONDS = 30;

    private int scaleDownDelaySeconds = DEFAULT_SCALE_DOWN_DELAY_SECONDS;
    private boolean autoPromote = true;

    @DataBoundConstructor
    public BlueGreenStrategy() {
    }

    public int getScaleDownDelaySeconds() {
        return scaleDownDelaySeconds;
    }

    /** Seconds the old colour keeps running after traffic switched. */
    @DataBoundSetter
    public void setScaleDownDelaySeconds(int scaleDownDelaySeconds) {
        this.scaleDownDelaySeconds = scaleDownDelaySeconds;
    }

    public boolean isAutoPromote() {
        return autoPromote;
    }

    /**
     * Whether traffic switches as soon as the new colour is ready (default). Off, the new colour serves only on the
     * router's preview address and the deploy returns {@code PAUSED}, until {@code containerPromote} switches (or
     * {@code containerRollback} aborts).
     */
    @DataBoundSetter
    public void setAutoPromote(boolean autoPromote) {
        this.autoPromote = autoPromote;
    }

    @Override
    public RolloutStrategy toStrategy() {
        return RolloutStrategy.blueGreen().withScaleDownDelaySeconds(scaleDownDelaySeconds)
                .withAutoPromote(autoPromote);
    }

    /**
     * {@code blueGreen} in Pipeline scripts and the Snippet Generator.
     *
     * <p>Usage: {@code strategy: blueGreen()}
     */
    @Extension
    @Symbol("blueGreen")
    public static final class DescriptorImpl extends Descriptor<DeployStrategy> {
        @Override
        public String getDisplayName() {
            return Messages.get("BlueGreenStrategy.displayName");
        }

        /** A negative delay. */
        @POST
        public FormValidation doCheckScaleDownDelaySeconds(@AncestorInPath Item item, @QueryParameter String value) {
            return RolloutForms.check(item, () -> RolloutStrategy.blueGreen()
                    .withScaleDownDelaySeconds(RolloutForms.integer("scaleDownDelaySeconds", value, DEFAULT_SCALE_DOWN_DELAY_SECONDS)));
        }
    }
}
