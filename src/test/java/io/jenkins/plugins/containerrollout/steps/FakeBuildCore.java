package io.jenkins.plugins.containerrollout.steps;

import io.jenkins.plugins.containerrollout.core.ProgressSink;
import io.jenkins.plugins.containerrollout.core.image.BuildException;
import io.jenkins.plugins.containerrollout.core.image.BuildRequest;
import io.jenkins.plugins.containerrollout.core.image.BuildResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A core that builds nothing: it records the request it got (on the "agent" side), prints the lines it is told to,
 * and returns a fixed result or throws a {@link BuildException}. Survives serialization as itself.
 *
 * <p>Usage: {@code FakeBuildCore core = FakeBuildCore.returning(result).printing("Step 1/2 : FROM scratch");}
 */
final class FakeBuildCore implements BuildCore {
    private static final long serialVersionUID = 1L;

    private final String id = UUID.randomUUID().toString();
    private final transient List<String> lines = new ArrayList<>();
    private transient BuildResult result;
    private transient String failure;
    transient BuildRequest request;

    private FakeBuildCore() {
        StepHarness.REMOTED.put(id, this);
    }

    /** A core whose build succeeds with {@code result}. */
    static FakeBuildCore returning(BuildResult result) {
        FakeBuildCore core = new FakeBuildCore();
        core.result = result;
        return core;
    }

    /** A core whose build fails with a {@link BuildException} carrying {@code message}. */
    static FakeBuildCore failingWith(String message) {
        FakeBuildCore core = new FakeBuildCore();
        core.failure = message;
        return core;
    }

    /** A successful build of one unpushed tag. */
    static FakeBuildCore succeeding() {
        return returning(new BuildResult("sha256:1d", List.of("app:1"), Map.of(), Map.of(), 42, 7));
    }

    /** Also prints {@code line} to the progress sink before finishing. */
    FakeBuildCore printing(String line) {
        lines.add(line);
        return this;
    }

    @Override
    public BuildResult build(BuildRequest request, ProgressSink progress) throws BuildException {
        this.request = request;
        lines.forEach(progress::line);
        if (failure != null) {
            throw new BuildException(failure);
        }
        return result;
    }

    private Object readResolve() {
        return StepHarness.REMOTED.get(id);
    }
}
