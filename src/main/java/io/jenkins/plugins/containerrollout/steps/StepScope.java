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
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * The context objects every rollout step needs, taken from the Pipeline's {@link StepContext}; fails with one clear
 * message naming everything that is missing (typically the workspace, when the step is called outside
 * {@code node}).
 *
 * <p>Usage: {@code StepScope scope = StepScope.resolve(getContext(), "containerBuild");}
 *
 * @param build       the running build (credentials are looked up for it; records are attached to it)
 * @param listener    the build console
 * @param workspace   the workspace on the agent where the core runs
 * @param environment the step's environment ({@code DOCKER_HOST}, {@code DOCKER_TLS_VERIFY}, ...)
 */
public record StepScope(Run<?, ?> build, TaskListener listener, FilePath workspace, EnvVars environment) {

    /** What {@link #resolve} needs; also every rollout step's {@code getRequiredContext()}. */
    public static final Set<Class<?>> REQUIRED = Set.of(Run.class, TaskListener.class, FilePath.class, EnvVars.class);

    /**
     * Reads the four objects from the context.
     *
     * @throws AbortException naming each missing object, with a hint where it comes from
     */
    public static StepScope resolve(StepContext context, String functionName) throws IOException, InterruptedException {
        List<String> missing = new ArrayList<>();
        Run<?, ?> build = context.get(Run.class);
        if (build == null) {
            missing.add("the build (Run)");
        }
        TaskListener listener = context.get(TaskListener.class);
        if (listener == null) {
            missing.add("the build console (TaskListener)");
        }
        FilePath workspace = context.get(FilePath.class);
        if (workspace == null) {
            missing.add("a workspace (FilePath): call " + functionName + " inside node { ... }");
        }
        EnvVars environment = context.get(EnvVars.class);
        if (environment == null) {
            missing.add("the environment (EnvVars)");
        }
        if (!missing.isEmpty()) {
            throw new AbortException(functionName + " cannot run without " + String.join("; ", missing));
        }
        return new StepScope(build, listener, workspace, environment);
    }
}
