package io.jenkins.plugins.containerrollout.steps;

import io.jenkins.plugins.containerrollout.core.ProgressSink;
import io.jenkins.plugins.containerrollout.core.image.BuildException;
import io.jenkins.plugins.containerrollout.core.image.BuildRequest;
import io.jenkins.plugins.containerrollout.core.image.BuildResult;
import java.io.Serializable;

/**
 * The core call {@code containerBuild} makes on the agent. The glue talks to the core only through this, so tests
 * substitute a fake core.
 *
 * <p>Usage: {@code BuildResult result = BuildCore.IMAGE_BUILDER.build(request, console);}
 */
@FunctionalInterface
public interface BuildCore extends Serializable {
    /** The real core: {@code ImageBuilder} on the request's engine. */
    BuildCore IMAGE_BUILDER = new ImageBuilderCore();

    /** Builds (and pushes, when asked) what {@code request} describes; paths in it are absolute on this machine. */
    BuildResult build(BuildRequest request, ProgressSink progress) throws BuildException, InterruptedException;
}
