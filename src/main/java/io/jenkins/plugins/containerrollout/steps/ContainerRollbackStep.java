package io.jenkins.plugins.containerrollout.steps;

import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.Extension;
import hudson.model.Descriptor;
import hudson.model.Item;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.containerrollout.core.deploy.RollbackRequest;
import io.jenkins.plugins.containerrollout.core.RequestException;
import io.jenkins.plugins.containerrollout.core.deploy.RolloutStrategy;
import io.jenkins.plugins.containerrollout.core.engine.DockerHost;
import io.jenkins.plugins.containerrollout.core.health.ProbeSettings;
import io.jenkins.plugins.containerrollout.core.image.RegistryCredentials;
import io.jenkins.plugins.containerrollout.core.record.Operation;
import io.jenkins.plugins.containerrollout.core.record.RolloutRecord;
import java.util.List;
import java.util.Map;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * The {@code containerRollback} Pipeline step: restores a kept revision of an application (the previous one by
 * default) exactly as it ran, same image id and configuration, and returns the same map as {@code containerDeploy},
 * with {@code timeToRestoreMillis}. All state comes from the engine, so any later build can roll back.
 *
 * <p>Usage: {@code def r = containerRollback(app: 'web')  // or toRevision: 3, strategy: recreate(); r.timeToRestoreMillis}
 */
public final class ContainerRollbackStep extends RolloutStep {
    /** The Pipeline function name. */
    public static final String FUNCTION_NAME = "containerRollback";

    private final String app;
    private int toRevision;
    private String registryCredentialsId;
    private String project;

    /** @param app the application to roll back */
    @DataBoundConstructor
    public ContainerRollbackStep(String app) {
        this.app = RolloutForms.blankToNull(app);
    }

    public String getApp() {
        return app;
    }

    public int getToRevision() {
        return toRevision;
    }

    /** The revision to restore; 0 (the default) for the one before the current. */
    @DataBoundSetter
    public void setToRevision(int toRevision) {
        this.toRevision = toRevision;
    }

    public String getProject() {
        return project;
    }

    /** A Compose project: restores every service of the stack to a stack revision ({@link StackSteps}). */
    @DataBoundSetter
    public void setProject(String project) {
        this.project = RolloutForms.blankToNull(project);
    }

    public String getRegistryCredentialsId() {
        return registryCredentialsId;
    }

    /**
     * Username/password credentials to pull the revision's image back with, when someone removed it from the engine
     * and it is in a registry that wants a login.
     */
    @DataBoundSetter
    public void setRegistryCredentialsId(String registryCredentialsId) {
        this.registryCredentialsId = RolloutForms.blankToNull(registryCredentialsId);
    }

    /**
     * The one mapping from step arguments to the core request.
     *
     * @throws IllegalArgumentException naming the parameter and the fix
     */
    public RollbackRequest toRequest(DockerHost host) {
        StepArguments.requireApp(app);
        RolloutStrategy rollout = rolloutStrategy();
        if (rollout instanceof RolloutStrategy.Canary) {
            throw new RequestException("strategy: a rollback restores a revision that already ran, so it does not "
                    + "analyse it as a canary; use rolling(), recreate() or blueGreen()");
        }
        requireRouterFor(rollout);
        // the health path is the one recorded with the revision; only the timings are the step's
        return RollbackRequest.to(host, app, toRevision).withStrategy(rollout)
                .withProbe(probe(ProbeSettings.defaults().path()));
    }

    @Override
    public StepExecution start(StepContext context) {
        return new Execution(context, this, JenkinsServices.LIVE, RolloutCore.ENGINE);
    }

    /**
     * Runs {@code containerRollback} on the agent, records the rollout and returns {@link DeploySummary}; a failed
     * restore fails the step after the record is attached.
     *
     * <p>Usage: {@code new Execution(context, step, JenkinsServices.LIVE, RolloutCore.ENGINE).start()}
     */
    static final class Execution extends RolloutCoreExecution {
        private static final long serialVersionUID = 1L;

        private final transient ContainerRollbackStep step;

        Execution(StepContext context, ContainerRollbackStep step, JenkinsServices services, RolloutCore core) {
            super(context, FUNCTION_NAME, services, core);
            this.step = step;
        }

        @Override
        protected Map<String, Object> perform(StepRun run) throws Exception {
            if (step.getProject() != null) {
                return StackSteps.rollback(run, step, core);
            }
            DockerHost host = run.dockerHost(step.getDockerHost(), step.getDockerCredentialsId());
            RollbackRequest request = step.toRequest(host);
            run.console().line("rolling " + request.app() + " back to " + (request.toRevision() == 0 ? "its previous revision"
                    : "revision " + request.toRevision()) + " on " + host.uri());
            // the revision's image is known only on the agent (it is read from the engine there), so there is no registry
            // URI to select credentials domains with: credentials-plugin's URIRequirementBuilder.fromUri(null) adds no
            // requirement, and Domain.test of no requirements is true, so the id is found in any domain
            RegistryCredentials credentials = run.registryCredentials(step.getRegistryCredentialsId(), null);
            run.whenAborted(new AbortRecord(Operation.ROLLBACK, request.app(), null, "", 0));
            RolloutRecord record = run.onAgent(new AppTasks.Rollback(step.targetKind(), request,
                    TrafficRouting.settings(step.getRouter(), step.getApp()), credentials, core));
            return DeploySummary.conclude(run, record, true);
        }
    }

    /**
     * Registers {@code containerRollback} with Pipeline and backs its form in the Snippet Generator.
     *
     * <p>Usage: {@code new ContainerRollbackStep.DescriptorImpl().getFunctionName() // "containerRollback"}
     */
    @Extension
    @Symbol(FUNCTION_NAME)
    public static final class DescriptorImpl extends RolloutStepDescriptor {
        public DescriptorImpl() {
            super(FUNCTION_NAME, "ContainerRollbackStep.displayName");
        }

        /** The strategies a rollback can use: all of {@code containerDeploy}'s but canary. */
        public List<Descriptor<DeployStrategy>> getStrategyDescriptors() {
            return List.of(new RollingStrategy().getDescriptor(), new RecreateStrategy().getDescriptor(),
                    new BlueGreenStrategy().getDescriptor());
        }

        /**
         * Username/password credentials the user may pick: any registry's, as the revision's image (and so its
         * registry) is read from the engine only when the step runs.
         */
        @POST
        public ListBoxModel doFillRegistryCredentialsIdItems(@AncestorInPath Item item,
                @QueryParameter String registryCredentialsId) {
            // no domain requirement, as at run time (StepRun.registryCredentials with no registry URI)
            return CredentialsForms.list(item, registryCredentialsId, StandardUsernamePasswordCredentials.class, List.of());
        }

        /** A negative revision. */
        @POST
        public FormValidation doCheckToRevision(@AncestorInPath Item item, @QueryParameter String value) {
            return RolloutForms.check(item, () -> {
                if (RolloutForms.integer("toRevision", value, 0) < 0) {
                    throw new RequestException("toRevision: use 0 (the previous revision) or a revision number from the history");
                }
            });
        }
    }
}
