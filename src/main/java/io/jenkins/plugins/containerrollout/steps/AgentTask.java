package io.jenkins.plugins.containerrollout.steps;

import io.jenkins.plugins.containerrollout.core.ProgressSink;
import java.io.File;
import java.io.Serializable;

/**
 * One piece of core work that runs on the agent, next to the workspace and the Docker engine the agent can reach.
 * Serializable: it is sent to the agent with everything it holds (a core request, a {@link BuildCore}, ...).
 *
 * <p>Usage: {@code BuildResult r = stepRun.onAgent(new BuildTask(request, core));} — a named class holding plain
 * settings, never a lambda, which would carry the step's execution along
 *
 * @param <R> the serializable result sent back to the controller
 */
@FunctionalInterface
public interface AgentTask<R extends Serializable> extends Serializable {
    /**
     * @param workspace the workspace directory on the agent
     * @param console   where progress lines go (the build console, prefixed and masked)
     */
    R run(File workspace, ProgressSink console) throws Exception;
}
