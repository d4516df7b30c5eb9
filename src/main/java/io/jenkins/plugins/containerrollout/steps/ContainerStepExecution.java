package io.jenkins.plugins.containerrollout.steps;

import hudson.AbortException;
import io.jenkins.plugins.containerrollout.core.engine.EngineUnreachableException;
import io.jenkins.plugins.containerrollout.core.image.BuildException;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;

/**
 * The base execution of all four steps ({@code containerBuild}, {@code containerDeploy}, {@code containerVerify},
 * {@code containerRollback}). It resolves the context objects (failing with a clear {@link AbortException} when one is
 * missing), gives the step a {@link StepRun} (console with masking, Docker host, credentials, agent calls), and turns
 * the core's user-facing failures into an {@link AbortException} carrying their one-line message, with secrets masked.
 * Runs off the CPS thread; the result must be small and serializable.
 *
 * <p>Usage: {@code class Execution extends ContainerStepExecution<Map<String, Object>> { protected Map<String, Object> perform(StepRun run) { ... } }}
 *
 * @param <T> what the step returns to the Pipeline script
 */
public abstract class ContainerStepExecution<T> extends SynchronousNonBlockingStepExecution<T> {
    private static final long serialVersionUID = 1L;

    private final String functionName;
    // Not kept across a controller restart: a synchronous step is not resumed, only failed.
    private final transient JenkinsServices services;
    // Set by stop() before the thread running the step is interrupted: whatever the step then throws is an abort.
    private transient volatile Throwable stopCause;

    /** @param functionName the step's name, used in console prefixes and messages */
    protected ContainerStepExecution(StepContext context, String functionName) {
        this(context, functionName, JenkinsServices.LIVE);
    }

    ContainerStepExecution(StepContext context, String functionName, JenkinsServices services) {
        super(context);
        this.functionName = functionName;
        this.services = services;
    }

    @Override
    protected final T run() throws Exception {
        return execute(getContext());
    }

    /** The whole execution against a given context; {@link #run()} passes the real one, tests a harness. */
    final T execute(StepContext context) throws Exception {
        StepScope scope = StepScope.resolve(context, functionName);
        StepRun run = new StepRun(functionName, scope, new SecretMasker(), services == null ? JenkinsServices.LIVE : services);
        try {
            return perform(run);
        } catch (Exception e) {
            if (e instanceof InterruptedException || stopCause != null) {
                run.recordAbort(); // the agent never returned its record: keep what was running, as ABORTED
                throw e;
            }
            if (e instanceof AbortException) {
                String masked = run.masker().mask(e.getMessage());
                throw masked == null || masked.equals(e.getMessage()) ? e : new AbortException(masked);
            }
            String message = userMessage(e);
            if (message == null) {
                throw e;
            }
            throw new AbortException(functionName + ": " + run.masker().mask(firstLine(message)));
        }
    }

    /**
     * Notes the abort, then lets {@link SynchronousNonBlockingStepExecution#stop} interrupt the thread running the step
     * and fail it with {@code cause} (workflow-step-api: {@code task.cancel(true)}, then {@code StepExecution.stop}).
     */
    @Override
    public void stop(Throwable cause) throws Exception {
        stopCause = cause;
        super.stop(cause);
    }

    /** The step's own work: map its arguments to a core request, run it with {@code run.onAgent(...)}, summarize. */
    protected abstract T perform(StepRun run) throws Exception;

    /**
     * The message to show when {@code failure} is the user's to fix (a failed build, an unreachable registry), or
     * null for anything else, which then propagates with its stack trace. Steps whose core throws other checked
     * failures extend this.
     */
    protected String userMessage(Exception failure) {
        String unreachable = unreachableEngine(failure);
        if (unreachable != null) {
            return unreachable;
        }
        if (failure instanceof BuildException) {
            return failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        }
        return null;
    }

    /**
     * The message for an engine that nothing answers at, naming this step's parameter as the way to another one;
     * null when {@code failure} is something else.
     */
    static String unreachableEngine(Exception failure) {
        EngineUnreachableException unreachable = EngineUnreachableException.in(failure);
        return unreachable == null ? null : unreachable.messageFor("the dockerHost parameter");
    }

    private static String firstLine(String message) {
        int end = message.indexOf('\n');
        return (end < 0 ? message : message.substring(0, end)).strip();
    }
}
