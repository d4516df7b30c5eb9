package io.jenkins.plugins.containerrollout.steps;

import java.util.Map;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * The execution of the steps that drive the deploy and verify cores ({@code containerDeploy},
 * {@code containerVerify}, {@code containerRollback}): holds the {@link RolloutCore} and turns the core's
 * user-facing refusals ({@link FailureMessages}) into one-line aborts.
 *
 * <p>Usage: {@code static final class Execution extends RolloutCoreExecution { protected Map<String, Object> perform(StepRun run) { ... core.deploy(...) ... } }}
 */
abstract class RolloutCoreExecution extends ContainerStepExecution<Map<String, Object>> {
    private static final long serialVersionUID = 1L;

    /** The core, on the agent; not kept across a restart (a synchronous step is not resumed). */
    protected final transient RolloutCore core;

    RolloutCoreExecution(StepContext context, String functionName, JenkinsServices services, RolloutCore core) {
        super(context, functionName, services);
        this.core = core;
    }

    @Override
    protected String userMessage(Exception failure) {
        return FailureMessages.userMessage(failure, super.userMessage(failure));
    }
}
