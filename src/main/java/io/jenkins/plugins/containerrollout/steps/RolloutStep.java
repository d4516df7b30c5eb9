package io.jenkins.plugins.containerrollout.steps;

import io.jenkins.plugins.containerrollout.core.deploy.RolloutStrategy;
import io.jenkins.plugins.containerrollout.core.health.ProbeSettings;
import java.time.Duration;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * What the steps that replace an application's replicas ({@code containerDeploy}, {@code containerRollback}) take
 * alike besides engine and router: the strategy and the probe timings of the health gate. Each subclass maps them
 * with its own arguments to its core request.
 *
 * <p>Usage: {@code RolloutStrategy s = rolloutStrategy(); requireRouterFor(s.kind()); ProbeSettings p = probe("/health");}
 */
public abstract class RolloutStep extends AppStep {
    private DeployStrategy strategy;
    private int probeIntervalMillis = 1000;
    private int probeTimeoutMillis = 1000;
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

    public int getProbeIntervalMillis() {
        return probeIntervalMillis;
    }

    @DataBoundSetter
    public void setProbeIntervalMillis(int probeIntervalMillis) {
        this.probeIntervalMillis = probeIntervalMillis;
    }

    public int getProbeTimeoutMillis() {
        return probeTimeoutMillis;
    }

    @DataBoundSetter
    public void setProbeTimeoutMillis(int probeTimeoutMillis) {
        this.probeTimeoutMillis = probeTimeoutMillis;
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
        return new ProbeSettings(path, Duration.ofMillis(probeIntervalMillis), Duration.ofMillis(probeTimeoutMillis),
                successThreshold, failureThreshold, Duration.ofSeconds(startupTimeoutSeconds));
    }

    /**
     * Blue-green and canary move traffic, so they need a router; canary also its frontend, to analyse there.
     *
     * @throws IllegalArgumentException naming {@code router} and the fix
     */
    protected void requireRouterFor(RolloutStrategy.Kind kind) {
        TrafficRouting router = getRouter();
        boolean none = router == null || router instanceof DirectRouting;
        if (kind == RolloutStrategy.Kind.BLUE_GREEN && none) {
            throw new IllegalArgumentException("router: blueGreen switches traffic between colours, so it needs a router "
                    + "in front of the replicas; add router: haproxy(socket: '" + HaproxyRouting.DEFAULT_SOCKET + "')");
        }
        if (kind == RolloutStrategy.Kind.CANARY && (none || (router instanceof HaproxyRouting h && h.getFrontendPort() == 0))) {
            throw new IllegalArgumentException("router: canary splits traffic by weight and analyses it at the router's "
                    + "frontend; add router: haproxy(socket: '" + HaproxyRouting.DEFAULT_SOCKET + "', frontendPort: PORT)");
        }
    }
}
