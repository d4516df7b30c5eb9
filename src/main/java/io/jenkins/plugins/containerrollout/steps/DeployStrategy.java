package io.jenkins.plugins.containerrollout.steps;

import hudson.model.AbstractDescribableImpl;
import io.jenkins.plugins.containerrollout.core.deploy.RolloutStrategy;

/**
 * How {@code containerDeploy} replaces replicas: {@code rolling(...)}, {@code recreate()}, {@code blueGreen(...)} or
 * {@code canary(...)}. Each kind maps itself to the core's {@link RolloutStrategy}; the settings every kind shares
 * ({@code minReadySeconds}, {@code progressDeadlineSeconds}, {@code autoRollback}, {@code failureRatio}) are the
 * step's own parameters and applied on top.
 *
 * <p>Usage: {@code containerDeploy(app: 'web', image: img, portBase: 21000, strategy: rolling(maxSurge: 1, maxUnavailable: 0))}
 */
public abstract class DeployStrategy extends AbstractDescribableImpl<DeployStrategy> {
    /**
     * The core strategy with this kind's own settings and the core's defaults for the rest.
     *
     * @throws IllegalArgumentException naming the setting and the fix when a value is wrong
     */
    public abstract RolloutStrategy toStrategy();
}
