package io.jenkins.plugins.containerrollout.steps;

import hudson.model.Item;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import java.util.Set;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * What the descriptors of {@code containerDeploy}, {@code containerVerify} and {@code containerRollback} share: the
 * context they need, their name and display name, the {@code app} check, the router drop-down's default and the
 * Docker server credentials drop-down.
 *
 * <p>Usage: {@code @Extension @Symbol(FUNCTION_NAME) public static final class DescriptorImpl extends RolloutStepDescriptor { public DescriptorImpl() { super(FUNCTION_NAME, "ContainerDeployStep.displayName"); } }}
 */
public abstract class RolloutStepDescriptor extends StepDescriptor {
    private final String functionName;
    private final String displayNameKey;

    /**
     * @param functionName   the Pipeline function name
     * @param displayNameKey its display name's key in {@code Messages.properties}
     */
    protected RolloutStepDescriptor(String functionName, String displayNameKey) {
        this.functionName = functionName;
        this.displayNameKey = displayNameKey;
    }

    @Override
    public String getFunctionName() {
        return functionName;
    }

    @Override
    public Set<? extends Class<?>> getRequiredContext() {
        return StepScope.REQUIRED;
    }

    @Override
    public String getDisplayName() {
        return Messages.get(displayNameKey);
    }

    /** What the strategy drop-down of the steps that replace replicas shows first: {@code rolling()}. */
    public DeployStrategy getDefaultStrategy() {
        return new RollingStrategy();
    }

    /** What the router drop-down shows first: no router. */
    public TrafficRouting getDefaultRouter() {
        return new DirectRouting();
    }

    /**
     * What the target drop-down shows first: containers on the engine. The step keeps that choice as "no target"
     * ({@link AppStep#setTarget}), so snippets leave it out.
     */
    public DeployTarget getDefaultTarget() {
        return new DockerTarget();
    }

    /** Docker Server Certificate credentials the user may pick for a {@code tcp://} engine. */
    @POST
    public ListBoxModel doFillDockerCredentialsIdItems(@AncestorInPath Item item, @QueryParameter String dockerCredentialsId,
            @QueryParameter String dockerHost) {
        return CredentialsForms.dockerServer(item, dockerCredentialsId, dockerHost);
    }

    /** A name the engine labels cannot carry. */
    @POST
    public FormValidation doCheckApp(@AncestorInPath Item item, @QueryParameter String value) {
        return RolloutForms.check(item, () -> StepArguments.requireApp(RolloutForms.blankToNull(value)));
    }
}
