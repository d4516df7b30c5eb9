package io.jenkins.plugins.containerrollout.steps;

import hudson.Extension;
import hudson.model.Descriptor;
import io.jenkins.plugins.containerrollout.core.verify.Check;
import io.jenkins.plugins.containerrollout.core.verify.HealthCheck;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * Container health: every running replica must report {@code healthy} (its image's HEALTHCHECK) or, without one,
 * have run {@code minReadySeconds}; and there must be at least {@code minContainers}. By default the application's
 * replicas, and as many as it desires, so a replica that exited is noticed.
 *
 * <p>Usage: {@code health()} or {@code health(minReadySeconds: 5, timeoutMillis: 30000)}
 */
public final class HealthVerifyCheck extends VerifyCheck {
    private String labels;
    private long minReadySeconds;
    private int minContainers;

    @DataBoundConstructor
    public HealthVerifyCheck() {
    }

    public String getLabels() {
        return labels;
    }

    /** Label selector ({@code key=value,...}); default the application's replicas. */
    @DataBoundSetter
    public void setLabels(String labels) {
        this.labels = RolloutForms.blankToNull(labels);
    }

    public long getMinReadySeconds() {
        return minReadySeconds;
    }

    @DataBoundSetter
    public void setMinReadySeconds(long minReadySeconds) {
        this.minReadySeconds = minReadySeconds;
    }

    public int getMinContainers() {
        return minContainers;
    }

    /** How many containers must match; default the application's desired replicas. */
    @DataBoundSetter
    public void setMinContainers(int minContainers) {
        this.minContainers = minContainers;
    }

    @Override
    public Check toCheck(String app, int desiredReplicas) {
        return new HealthCheck(getName(), labels == null ? appSelector(app) : labels, minReadySeconds,
                minContainers == 0 ? desiredReplicas : minContainers, timeoutMillis());
    }

    /**
     * {@code health} in Pipeline scripts and the Snippet Generator.
     *
     * <p>Usage: {@code checks: [health()]}
     */
    @Extension
    @Symbol("health")
    public static final class DescriptorImpl extends Descriptor<VerifyCheck> {
        @Override
        public String getDisplayName() {
            return Messages.get("HealthVerifyCheck.displayName");
        }
    }
}
