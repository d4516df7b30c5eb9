package io.jenkins.plugins.containerrollout.steps;

import io.jenkins.plugins.containerrollout.core.RequestException;
import io.jenkins.plugins.containerrollout.core.deploy.RolloutStrategy;
import io.jenkins.plugins.containerrollout.core.health.ProbeSettings;
import java.time.Duration;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * What the steps that replace an application's replicas ({@code containerDeploy}, {@code containerRollback}) take
 * alike besides engine and router: the strategy and the probe timings of the health gate. Each subclass maps them
 * with its own arguments to its core request.
 *
 * <p>Usage: {@code RolloutStrategy s = rolloutStrategy(); requireRouterFor(s); ProbeSettings p = probe("/health");}
 */
public abstract class RolloutStep extends AppStep {
    private DeployStrategy strategy;
    private double probeIntervalSeconds = 1;
    private double probeTimeoutSeconds = 1;
    private int successThreshold = 1;
    private int failureThreshold = 3;
    private int startupTimeoutSeconds = 60;

    /** The strategy given, or null for the default {@code rolling()}. */
    public DeployStrategy getStrategy() {
        return strategy;
    }

    @DataBoundSetter
    public void setStrategy(DeployStrategy strategy) {
        this.strategy = strategy;
    }

    public double getProbeIntervalSeconds() {
        return probeIntervalSeconds;
    }

    /** Seconds between readiness probes of a replica, fractions allowed ({@code 0.5}); default 1. */
    @DataBoundSetter
    public void setProbeIntervalSeconds(double probeIntervalSeconds) {
        this.probeIntervalSeconds = probeIntervalSeconds;
    }

    public double getProbeTimeoutSeconds() {
        return probeTimeoutSeconds;
    }

    /** Bound on one probe in seconds, fractions allowed; default 1. */
    @DataBoundSetter
    public void setProbeTimeoutSeconds(double probeTimeoutSeconds) {
        this.probeTimeoutSeconds = probeTimeoutSeconds;
    }

    /**
     * The interval in milliseconds, the unit before every duration became seconds: scripts written then still bind.
     *
     * @deprecated use {@link #setProbeIntervalSeconds}
     */
    @Deprecated
    @DataBoundSetter
    public void setProbeIntervalMillis(int probeIntervalMillis) {
        this.probeIntervalSeconds = probeIntervalMillis / 1000.0;
    }

    /**
     * Always null, so that the Snippet Generator never writes the old name: structs' {@code uninstantiate2} leaves
     * out a parameter whose value equals a default instance's (jenkinsci/structs-plugin, DescribableModel).
     *
     * @deprecated read {@link #getProbeIntervalSeconds}
     */
    @Deprecated
    public Integer getProbeIntervalMillis() {
        return null;
    }

    /**
     * The probe timeout in milliseconds, the unit before: scripts written then still bind.
     *
     * @deprecated use {@link #setProbeTimeoutSeconds}
     */
    @Deprecated
    @DataBoundSetter
    public void setProbeTimeoutMillis(int probeTimeoutMillis) {
        this.probeTimeoutSeconds = probeTimeoutMillis / 1000.0;
    }

    /** Always null, as {@link #getProbeIntervalMillis}. @deprecated read {@link #getProbeTimeoutSeconds} */
    @Deprecated
    public Integer getProbeTimeoutMillis() {
        return null;
    }

    public int getSuccessThreshold() {
        return successThreshold;
    }

    @DataBoundSetter
    public void setSuccessThreshold(int successThreshold) {
        this.successThreshold = successThreshold;
    }

    public int getFailureThreshold() {
        return failureThreshold;
    }

    @DataBoundSetter
    public void setFailureThreshold(int failureThreshold) {
        this.failureThreshold = failureThreshold;
    }

    public int getStartupTimeoutSeconds() {
        return startupTimeoutSeconds;
    }

    @DataBoundSetter
    public void setStartupTimeoutSeconds(int startupTimeoutSeconds) {
        this.startupTimeoutSeconds = startupTimeoutSeconds;
    }

    /**
     * The core strategy of the one given (default {@code rolling()}), with its kind's own settings only.
     *
     * @throws IllegalArgumentException naming the setting and the fix when a value is wrong
     */
    protected RolloutStrategy rolloutStrategy() {
        return (strategy == null ? new RollingStrategy() : strategy).toStrategy();
    }

    /** The probe settings for {@code path} with this step's timings. */
    protected ProbeSettings probe(String path) {
        return new ProbeSettings(path, StepArguments.seconds("probeIntervalSeconds", probeIntervalSeconds),
                StepArguments.seconds("probeTimeoutSeconds", probeTimeoutSeconds),
                successThreshold, failureThreshold, Duration.ofSeconds(startupTimeoutSeconds));
    }

    /**
     * Blue-green and canary move traffic, so they need a router (canary analysis reads the router's own counters, or
     * probes the canary's replicas, so no frontend port is needed).
     *
     * @throws IllegalArgumentException naming {@code router} and the fix
     */
    protected void requireRouterFor(RolloutStrategy strategy) {
        TrafficRouting router = getRouter();
        boolean none = router == null || router instanceof DirectRouting;
        if (strategy instanceof RolloutStrategy.BlueGreen && none) {
            throw new RequestException("router: blueGreen switches traffic between colours, so it needs a router "
                    + "in front of the replicas; add router: haproxy(socket: '" + HaproxyRouting.DEFAULT_SOCKET + "')");
        }
        if (strategy instanceof RolloutStrategy.Canary && none) {
            throw new RequestException("router: canary splits traffic by weight, so it needs a router in front of the "
                    + "replicas; add router: haproxy(socket: '" + HaproxyRouting.DEFAULT_SOCKET + "')");
        }
    }
}
