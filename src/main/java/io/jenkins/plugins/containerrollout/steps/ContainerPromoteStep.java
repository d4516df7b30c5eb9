package io.jenkins.plugins.containerrollout.steps;

import hudson.Extension;
import io.jenkins.plugins.containerrollout.core.deploy.PromoteRequest;
import io.jenkins.plugins.containerrollout.core.engine.DockerHost;
import io.jenkins.plugins.containerrollout.core.record.Operation;
import io.jenkins.plugins.containerrollout.core.record.RolloutRecord;
import java.util.Map;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * The {@code containerPromote} Pipeline step: continues a rollout that holds at a pause ({@code containerDeploy}
 * returned {@code outcome: 'PAUSED'}) from where it stopped: a canary's next step, or a blue-green switch from the
 * old colour to the previewed one. The paused state lives in the engine, so a later build, another agent or the CLI
 * can promote. Returns the same map as {@code containerDeploy}; the record spans the whole rollout and replaces, on
 * the build page, the paused entry of the same rollout when this build recorded it.
 *
 * <p>Usage:
 * <pre>{@code
 * def d = containerDeploy(app: 'web', ..., strategy: canary(steps: [[weight: 10, pause: 'manual'], [weight: 50, pause: 60]]))
 * if (d.outcome == 'PAUSED') { input 'Promote?'; containerPromote(app: 'web') }
 * }</pre>
 */
public final class ContainerPromoteStep extends AppStep {
    /** The Pipeline function name. */
    public static final String FUNCTION_NAME = "containerPromote";

    private final String app;
    private boolean full;

    /** @param app the application whose paused rollout goes on */
    @DataBoundConstructor
    public ContainerPromoteStep(String app) {
        this.app = RolloutForms.blankToNull(app);
    }

    public String getApp() {
        return app;
    }

    public boolean isFull() {
        return full;
    }

    /** Skip a canary's remaining steps: straight to 100 % and the full size (blue-green: the same switch). */
    @DataBoundSetter
    public void setFull(boolean full) {
        this.full = full;
    }

    /**
     * The one mapping from step arguments to the core request.
     *
     * @param buildUrl the promoting build's URL, or null
     * @throws IllegalArgumentException naming the parameter and the fix
     */
    public PromoteRequest toRequest(DockerHost host, String buildUrl) {
        StepArguments.requireApp(app);
        return new PromoteRequest(host, app, full, buildUrl);
    }

    @Override
    public StepExecution start(StepContext context) {
        return new Execution(context, this, JenkinsServices.LIVE, RolloutCore.ENGINE);
    }

    /**
     * Runs {@code containerPromote} on the agent, records the rollout with the build and returns
     * {@link DeploySummary}: {@code SUCCEEDED}, or {@code PAUSED} again at the canary's next manual step; a failed
     * promotion fails the step after the record is attached.
     *
     * <p>Usage: {@code new Execution(context, step, JenkinsServices.LIVE, RolloutCore.ENGINE).start()}
     */
    static final class Execution extends RolloutCoreExecution {
        private static final long serialVersionUID = 1L;

        private final transient ContainerPromoteStep step;

        Execution(StepContext context, ContainerPromoteStep step, JenkinsServices services, RolloutCore core) {
            super(context, FUNCTION_NAME, services, core);
            this.step = step;
        }

        @Override
        protected Map<String, Object> perform(StepRun run) throws Exception {
            DockerHost host = run.dockerHost(step.getDockerHost(), step.getDockerCredentialsId());
            PromoteRequest request = step.toRequest(host,
                    RolloutForms.blankToNull(run.scope().environment().get("BUILD_URL")));
            run.console().line("promoting the paused rollout of " + request.app() + (request.full()
                    ? " straight to 100 %" : "") + " on " + host.uri());
            run.whenAborted(new AbortRecord(Operation.DEPLOY, request.app(), null, "", 0));
            RolloutRecord record = run.onAgent(new AppTasks.Promote(step.targetKind(), request,
                    TrafficRouting.settings(step.getRouter(), step.getApp()), core));
            return DeploySummary.conclude(run, record, true);
        }
    }

    /**
     * Registers {@code containerPromote} with Pipeline; with {@code config.jelly} beside it, the Snippet Generator
     * offers it: jenkinsci/workflow-cps-plugin's {@code Snippetizer.getQuasiDescriptors} lists every
     * {@code StepDescriptor.all()} extension (this one, as it is not advanced) and the page renders its
     * {@code config.jelly}; structs' {@code DescribableModel.uninstantiate2} writes the snippet back from the getters.
     *
     * <p>Usage: {@code new ContainerPromoteStep.DescriptorImpl().getFunctionName() // "containerPromote"}
     */
    @Extension
    @Symbol(FUNCTION_NAME)
    public static final class DescriptorImpl extends RolloutStepDescriptor {
        public DescriptorImpl() {
            super(FUNCTION_NAME, "ContainerPromoteStep.displayName");
        }
    }
}
