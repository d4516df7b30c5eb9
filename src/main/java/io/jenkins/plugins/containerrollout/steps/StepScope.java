package io.jenkins.plugins.containerrollout.steps;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * The context objects every rollout step needs, taken from the Pipeline's {@link StepContext}.
 *
 * <p>All of them are the steps' {@code getRequiredContext()}, so Jenkins refuses to start a step without them, with
 * its own message ("Required context class hudson.FilePath is missing / Perhaps you forgot to surround the code with
 * a step that provides this, such as: node"): workflow-cps {@code DSL.invokeStep} calls
 * {@code StepDescriptor.checkContextAvailability} before {@code Step.start}. The check in {@link #resolve} is only a
 * guard against a caller that skips that (it names what is missing, and promises no hint Jenkins gives anyway).
 *
 * <p>Usage: {@code StepScope scope = StepScope.resolve(getContext(), "containerBuild");}
 *
 * @param build       the running build (credentials are looked up for it; records are attached to it)
 * @param listener    the build console
 * @param workspace   the workspace on the agent where the core runs
 * @param environment the step's environment ({@code DOCKER_HOST}, {@code DOCKER_TLS_VERIFY}, ...)
 * @param node        the step's node in the flow graph: a warning on it colours the stage (as the {@code junit} step
 *                    does, which also requires it)
 */
public record StepScope(Run<?, ?> build, TaskListener listener, FilePath workspace, EnvVars environment, FlowNode node) {

    /** What {@link #resolve} needs; also every rollout step's {@code getRequiredContext()}. */
    public static final Set<Class<?>> REQUIRED =
            Set.of(Run.class, TaskListener.class, FilePath.class, EnvVars.class, FlowNode.class);

    /**
     * Reads the objects from the context.
     *
     * @throws AbortException naming each missing object
     */
    public static StepScope resolve(StepContext context, String functionName) throws IOException, InterruptedException {
        List<String> missing = new ArrayList<>();
        Run<?, ?> build = present(context, Run.class, missing);
        TaskListener listener = present(context, TaskListener.class, missing);
        FilePath workspace = present(context, FilePath.class, missing);
        EnvVars environment = present(context, EnvVars.class, missing);
        FlowNode node = present(context, FlowNode.class, missing);
        if (!missing.isEmpty()) {
            throw new AbortException(functionName + " cannot run without the context " + String.join(", ", missing));
        }
        return new StepScope(build, listener, workspace, environment, node);
    }

    private static <T> T present(StepContext context, Class<T> type, List<String> missing)
            throws IOException, InterruptedException {
        T value = context.get(type);
        if (value == null) {
            missing.add(type.getName());
        }
        return value;
    }
}
