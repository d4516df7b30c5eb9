package io.jenkins.plugins.containerrollout.steps;

import io.jenkins.plugins.containerrollout.core.ProgressSink;
import io.jenkins.plugins.containerrollout.core.image.BuildException;
import io.jenkins.plugins.containerrollout.core.image.BuildRequest;
import io.jenkins.plugins.containerrollout.core.image.BuildResult;
import java.io.File;

/**
 * {@code containerBuild}'s work on the agent: anchors the request's context and Dockerfile, given relative to the
 * workspace as in the Pipeline script, to the workspace directory there, checks the context exists, and calls the
 * core.
 *
 * <p>Usage: {@code BuildResult result = run.onAgent(new BuildTask(step.toRequest(host, credentials), BuildCore.IMAGE_BUILDER));}
 *
 * @param request the request as mapped from the step (paths relative to the workspace, or absolute)
 * @param core    the core that builds
 */
public record BuildTask(BuildRequest request, BuildCore core) implements AgentTask<BuildResult> {
    private static final long serialVersionUID = 1L;

    @Override
    public BuildResult run(File workspace, ProgressSink console) throws BuildException, InterruptedException {
        BuildRequest anchored = anchor(request, workspace);
        if (!new File(anchored.context()).isDirectory()) {
            throw new BuildException("build context '" + request.context() + "' is not a directory in the workspace " + workspace);
        }
        return core.build(anchored, console);
    }

    /** The request with {@code context} and {@code dockerfile} made absolute against {@code workspace}. */
    static BuildRequest anchor(BuildRequest r, File workspace) {
        return new BuildRequest(r.host(), resolve(workspace, r.context()), r.dockerfile() == null ? null : resolve(workspace, r.dockerfile()),
                r.tags(), r.buildArgs(), r.target(), r.labels(), r.noCache(), r.pull(), r.push(), r.version(), r.credentials(),
                r.timeout());
    }

    private static String resolve(File workspace, String path) {
        File file = new File(path);
        return (file.isAbsolute() ? file : new File(workspace, path)).toPath().normalize().toString();
    }
}
