package io.jenkins.plugins.containerrollout.steps;

import io.jenkins.plugins.containerrollout.core.ProgressSink;
import io.jenkins.plugins.containerrollout.core.image.BuildException;
import io.jenkins.plugins.containerrollout.core.image.BuildRequest;
import io.jenkins.plugins.containerrollout.core.image.BuildResult;
import io.jenkins.plugins.containerrollout.core.image.ImageBuilder;

/**
 * {@link BuildCore} backed by the core's {@link ImageBuilder}; the only glue class that names it.
 *
 * <p>Usage: {@code BuildCore.IMAGE_BUILDER.build(request, console)}
 */
final class ImageBuilderCore implements BuildCore {
    private static final long serialVersionUID = 1L;

    @Override
    public BuildResult build(BuildRequest request, ProgressSink progress) throws BuildException, InterruptedException {
        return new ImageBuilder(request.host()).build(request, progress);
    }

    private Object readResolve() {
        return IMAGE_BUILDER;
    }
}
