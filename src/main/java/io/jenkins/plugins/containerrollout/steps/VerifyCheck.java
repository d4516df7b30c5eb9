package io.jenkins.plugins.containerrollout.steps;

import hudson.model.AbstractDescribableImpl;
import io.jenkins.plugins.containerrollout.core.deploy.AppLabels;
import io.jenkins.plugins.containerrollout.core.verify.Check;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * One check of {@code containerVerify}, as a step argument: {@code http(...)}, {@code successRate(...)},
 * {@code health(...)}, {@code exec(...)}, {@code smokeTest(...)} or {@code metrics(...)}. Each maps itself to the
 * core's {@link Check};
 * checks on containers default to the application's replicas.
 *
 * <p>Usage: {@code containerVerify(app: 'web', checks: [http(url: '{endpoint}/health'), health()])}
 */
public abstract class VerifyCheck extends AbstractDescribableImpl<VerifyCheck> {
    private String name;
    private double timeoutSeconds;

    public String getName() {
        return name;
    }

    /** Shown in the console, the result and the report; defaults to the check's type. */
    @DataBoundSetter
    public void setName(String name) {
        this.name = RolloutForms.blankToNull(name);
    }

    public double getTimeoutSeconds() {
        return timeoutSeconds;
    }

    /** Bound on the check (each request, each run) in seconds, fractions allowed; 0 for the check's own default. */
    @DataBoundSetter
    public void setTimeoutSeconds(double timeoutSeconds) {
        this.timeoutSeconds = timeoutSeconds;
    }

    /**
     * The bound in milliseconds, the unit before every duration became seconds: scripts written then still bind.
     *
     * @deprecated use {@link #setTimeoutSeconds}
     */
    @Deprecated
    @DataBoundSetter
    public void setTimeoutMillis(long timeoutMillis) {
        this.timeoutSeconds = timeoutMillis / 1000.0;
    }

    /**
     * Always null, so that the Snippet Generator never writes the old name: structs' {@code uninstantiate2} leaves
     * out a parameter whose value equals a default instance's (jenkinsci/structs-plugin, DescribableModel).
     *
     * @deprecated read {@link #getTimeoutSeconds}
     */
    @Deprecated
    public Long getTimeoutMillis() {
        return null;
    }

    /** The bound as the core takes it, in milliseconds; 0 for the check's own default. */
    protected long timeoutMillis() {
        return StepArguments.seconds("timeoutSeconds", timeoutSeconds).toMillis();
    }

    /**
     * The core check for {@code app}.
     *
     * @param app             the application verified
     * @param desiredReplicas its desired replica count now (0 when unknown)
     * @throws IllegalArgumentException naming the setting and the fix
     */
    public abstract Check toCheck(String app, int desiredReplicas);

    /** The label selector of {@code app}'s replicas. */
    static String appSelector(String app) {
        return AppLabels.APP + "=" + app;
    }
}
