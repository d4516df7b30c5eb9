package io.jenkins.plugins.containerrollout.steps;

import io.jenkins.plugins.containerrollout.core.RequestException;
import io.jenkins.plugins.containerrollout.core.targets.Target;
import hudson.AbortException;
import hudson.Extension;
import hudson.model.Item;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.containerrollout.core.deploy.AppStatus;
import io.jenkins.plugins.containerrollout.core.deploy.RollbackRequest;
import io.jenkins.plugins.containerrollout.core.engine.DockerHost;
import io.jenkins.plugins.containerrollout.core.record.Outcome;
import io.jenkins.plugins.containerrollout.core.record.RolloutRecord;
import io.jenkins.plugins.containerrollout.core.report.ReportEntry;
import io.jenkins.plugins.containerrollout.core.verify.OnFailure;
import io.jenkins.plugins.containerrollout.core.verify.VerificationResult;
import io.jenkins.plugins.containerrollout.core.verify.VerifyRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
 * The {@code containerVerify} Pipeline step: runs checks against a deployed application's replicas (HTTP probes,
 * traffic analysis, container health, commands inside replicas, smoke-test containers), records the verification
 * with the build, and on failure fails the build, marks it unstable, or rolls the application back.
 *
 * <p>Usage:
 * <pre>{@code
 * def v = containerVerify(app: 'web', onFailure: 'rollback',
 *         checks: [http(url: '{endpoint}/health'), smokeTest(image: 'web-e2e:7', reports: '/reports/*.xml')])
 * echo v.summary
 * }</pre>
 */
public final class ContainerVerifyStep extends AppStep {
    /** The Pipeline function name. */
    public static final String FUNCTION_NAME = "containerVerify";

    private final String app;
    private final List<VerifyCheck> checks;
    private String onFailure = "fail";
    private List<String> endpoints = new ArrayList<>();
    private List<String> allowedHosts = new ArrayList<>();
    private boolean failFast;
    private boolean failOnRollback = true;
    private boolean preview;

    /**
     * @param app    the application whose replicas are verified (and rolled back with {@code onFailure: 'rollback'})
     * @param checks the checks, run in order
     */
    @DataBoundConstructor
    public ContainerVerifyStep(String app, List<VerifyCheck> checks) {
        this.app = RolloutForms.blankToNull(app);
        this.checks = checks == null ? new ArrayList<>() : new ArrayList<>(checks);
    }

    public String getApp() {
        return app;
    }

    public List<VerifyCheck> getChecks() {
        return new ArrayList<>(checks);
    }

    public String getOnFailure() {
        return onFailure;
    }

    /** {@code fail} (default), {@code unstable} or {@code rollback}. */
    @DataBoundSetter
    public void setOnFailure(String onFailure) {
        this.onFailure = onFailure == null || onFailure.isBlank() ? "fail" : onFailure.strip();
    }

    public List<String> getEndpoints() {
        return new ArrayList<>(endpoints);
    }

    /** Base URLs {@code {endpoint}} stands for; default the application's serving replicas. One per line in the form. */
    @DataBoundSetter
    public void setEndpoints(List<String> endpoints) {
        this.endpoints = StepArguments.lines(endpoints);
    }

    public boolean isPreview() {
        return preview;
    }

    /**
     * Verify a paused rollout's preview ({@code blueGreen(autoPromote: false)}): {@code {endpoint}} is then the
     * router's preview address, where the new colour alone answers. The issue's {@code target: 'preview'}, under
     * another name: {@code target} already picks the engine target ({@code swarm()}) on every app step.
     */
    @DataBoundSetter
    public void setPreview(boolean preview) {
        this.preview = preview;
    }

    public List<String> getAllowedHosts() {
        return new ArrayList<>(allowedHosts);
    }

    /** Host names probes may reach besides loopback. */
    @DataBoundSetter
    public void setAllowedHosts(List<String> allowedHosts) {
        this.allowedHosts = StepArguments.lines(allowedHosts);
    }

    public boolean isFailFast() {
        return failFast;
    }

    @DataBoundSetter
    public void setFailFast(boolean failFast) {
        this.failFast = failFast;
    }

    public boolean isFailOnRollback() {
        return failOnRollback;
    }

    /** With {@code onFailure: 'rollback'}: whether the step fails after rolling back (default), or returns. */
    @DataBoundSetter
    public void setFailOnRollback(boolean failOnRollback) {
        this.failOnRollback = failOnRollback;
    }

    /**
     * What {@code onFailure} asks for.
     *
     * @throws IllegalArgumentException for anything but {@code fail}, {@code unstable}, {@code rollback}
     */
    public OnFailure onFailureAction() {
        try {
            return OnFailure.parse(onFailure);
        } catch (RequestException e) {
            throw new RequestException("onFailure: '" + onFailure + "' is not one of 'fail', 'unstable', 'rollback'", e);
        }
    }

    /**
     * The one mapping from step arguments to the core request.
     *
     * @param status the application now: its serving replicas are the endpoints unless {@code endpoints} is given
     * @throws IllegalArgumentException naming the parameter and the fix
     */
    public VerifyRequest toRequest(AppStatus status) {
        StepArguments.requireApp(app);
        List<String> base = preview ? List.of(VerifyRequests.preview(app, status)) : endpoints;
        return VerifyRequests.of(app, status, base, allowedHosts, checks, onFailureAction(), failFast);
    }

    /** Checks the arguments that need no engine, so a typo fails before anything is contacted. */
    void checkArguments() {
        StepArguments.requireApp(app);
        onFailureAction();
        if (preview && !endpoints.isEmpty()) {
            throw new RequestException("preview: {endpoint} is the preview address with preview: true; leave "
                    + "endpoints out, or preview");
        }
        if (checks.isEmpty()) {
            throw new RequestException("checks: give at least one check, e.g. checks: [http(url: '{endpoint}/health')]");
        }
        if (targetKind() == Target.SWARM) {
            VerifyRequests.requireSwarmSupports(app, checks);
        }
    }

    @Override
    public StepExecution start(StepContext context) {
        return new Execution(context, this, JenkinsServices.LIVE, RolloutCore.ENGINE);
    }

    /**
     * Runs {@code containerVerify}: reads the application's replicas on the agent, runs the checks there, records the
     * result, then acts on a failure as {@code onFailure} says.
     *
     * <p>Usage: {@code new Execution(context, step, JenkinsServices.LIVE, RolloutCore.ENGINE).start()}
     */
    static final class Execution extends RolloutCoreExecution {
        private static final long serialVersionUID = 1L;

        private final transient ContainerVerifyStep step;

        Execution(StepContext context, ContainerVerifyStep step, JenkinsServices services, RolloutCore core) {
            super(context, FUNCTION_NAME, services, core);
            this.step = step;
        }

        @Override
        protected Map<String, Object> perform(StepRun run) throws Exception {
            step.checkArguments();
            DockerHost host = run.dockerHost(step.getDockerHost(), step.getDockerCredentialsId());
            String app = step.getApp();
            AppStatus status = run.onAgent(new AppTasks.Status(step.targetKind(), host, app, core));
            VerifyRequest request = step.toRequest(status);
            run.console().line("verifying " + app + " with " + request.checks().size() + " check(s) against "
                    + (request.endpoints().isEmpty() ? "no endpoints" : String.join(", ", request.endpoints())));
            VerificationResult result = run.onAgent(new AppTasks.Verify(host, request, core));
            run.record(new ReportEntry.Verification(result));
            Map<String, Object> summary = new LinkedHashMap<>(result.toSummaryMap());
            summary.put("endpoints", new ArrayList<>(request.endpoints()));
            summary.put("rolledBack", false);
            summary.put("rollback", null);
            if (result.passed()) {
                return summary;
            }
            switch (request.onFailure()) {
                case UNSTABLE -> {
                    run.markUnstable(result.summary());
                    return summary;
                }
                case ROLLBACK -> {
                    return rollBack(run, host, result, summary);
                }
                default -> throw new AbortException(run.masker().mask(FUNCTION_NAME + ": " + result.summary()));
            }
        }

        private Map<String, Object> rollBack(StepRun run, DockerHost host, VerificationResult result,
                Map<String, Object> summary) throws Exception {
            RollbackRequest request = RollbackRequest.previous(host, step.getApp());
            run.console().line("rolling " + request.app() + " back to its previous revision: " + result.summary());
            RolloutRecord record = run.onAgent(new AppTasks.Rollback(step.targetKind(), request,
                    TrafficRouting.settings(step.getRouter(), step.getApp()), null, core));
            run.record(new ReportEntry.Rollout(record));
            run.console().line(record.app() + " " + record.outcome().name() + ": " + record.message());
            // a rollback of a paused rollout aborts it: ABORTED, the stable revision serves all traffic again
            boolean restored = record.outcome() == Outcome.SUCCEEDED || record.outcome() == Outcome.ABORTED;
            summary.put("rolledBack", restored);
            summary.put("rollback", DeploySummary.of(record));
            if (!restored) {
                throw new AbortException(run.masker().mask(FUNCTION_NAME + ": " + result.summary()
                        + "; and the rollback failed: " + record.message()));
            }
            if (step.isFailOnRollback()) {
                throw new AbortException(run.masker().mask(FUNCTION_NAME + ": " + result.summary() + "; rolled "
                        + record.app() + " back to revision " + record.servingRevision()));
            }
            return summary;
        }
    }

    /**
     * Registers {@code containerVerify} with Pipeline and backs its form in the Snippet Generator.
     *
     * <p>Usage: {@code new ContainerVerifyStep.DescriptorImpl().getFunctionName() // "containerVerify"}
     */
    @Extension
    @Symbol(FUNCTION_NAME)
    public static final class DescriptorImpl extends RolloutStepDescriptor {
        public DescriptorImpl() {
            super(FUNCTION_NAME, "ContainerVerifyStep.displayName");
        }

        /** The three reactions to a failed verification, for everybody ({@link FixedChoices}). */
        @POST
        public ListBoxModel doFillOnFailureItems() {
            return FixedChoices.listBox(FixedChoices.onFailure());
        }

        /** Anything but fail, unstable, rollback. */
        @POST
        public FormValidation doCheckOnFailure(@AncestorInPath Item item, @QueryParameter String value) {
            return RolloutForms.check(item, () -> {
                ContainerVerifyStep probe = new ContainerVerifyStep("app", List.of());
                probe.setOnFailure(value);
                probe.onFailureAction();
            });
        }
    }
}
