package io.jenkins.plugins.containerrollout.steps;

import static org.junit.Assert.assertEquals;

import io.jenkins.plugins.containerrollout.core.engine.DockerHost;
import io.jenkins.plugins.containerrollout.core.image.BuildRequest;
import java.io.File;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.Test;

/** Anchoring the request's paths on the agent. */
public class BuildTaskTest {
    private static BuildRequest request(String context, String dockerfile) {
        return new BuildRequest(DockerHost.resolve(null, Map.of()), context, dockerfile, List.of("a:1"), Map.of(), null, Map.of(),
                false, false, false, null, null, Duration.ofMinutes(1));
    }

    @Test
    public void leavesAbsolutePathsAsGiven() {
        File abs = new File("/srv/ctx").getAbsoluteFile();
        BuildRequest anchored = BuildTask.anchor(request(abs.getPath(), abs.getPath() + "/Dockerfile"), new File("/ws"));
        assertEquals(abs.getPath(), anchored.context());
    }

    @Test
    public void normalizesTheWorkspaceItself() {
        assertEquals(new File("/ws").getPath(), BuildTask.anchor(request(".", null), new File("/ws")).context());
    }

    @Test
    public void keepsEveryOtherFieldOfTheRequest() {
        BuildRequest original = request("app", null);
        BuildRequest anchored = BuildTask.anchor(original, new File("/ws"));
        assertEquals(new BuildRequest(original.host(), new File("/ws/app").getPath(), null, original.tags(), original.buildArgs(),
                original.target(), original.labels(), original.noCache(), original.pull(), original.push(), original.version(),
                original.credentials(), original.timeout()), anchored);
    }
}
