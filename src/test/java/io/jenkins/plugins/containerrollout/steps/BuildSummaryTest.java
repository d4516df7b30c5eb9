package io.jenkins.plugins.containerrollout.steps;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import io.jenkins.plugins.containerrollout.core.deploy.DeployImage;
import io.jenkins.plugins.containerrollout.core.image.BuildResult;
import java.util.List;
import java.util.Map;
import org.junit.Test;

/** The map {@code containerBuild} returns to the script. */
public class BuildSummaryTest {

    @Test
    public void holdsExactlyTheDocumentedKeysInOrder() {
        Map<String, Object> summary = BuildSummary.of(new BuildResult("sha256:1", List.of("a:1"), Map.of(), Map.of(), 1, 2));
        assertEquals(List.of("imageRef", "imageId", "digest", "digests", "tags", "contextBytes", "durationMillis"), List.copyOf(summary.keySet()));
    }

    @Test
    public void digestIsThatOfTheFirstPushedTagInRequestOrder() {
        BuildResult result = new BuildResult("sha256:1", List.of("local:1", "r:5000/a:1", "r:5000/a:latest"),
                Map.of("r:5000/a:latest", "sha256:b", "r:5000/a:1", "sha256:a"), Map.of(), 1, 2);
        assertEquals("sha256:a", BuildSummary.of(result).get("digest"));
    }

    @Test
    public void imageRefIsTheFirstPushedRepositoryWithItsDigestReadyToDeploy() {
        BuildResult result = new BuildResult("sha256:1", List.of("local:1", "r:5000/team/a:1", "r:5000/a:latest"),
                Map.of("r:5000/a:latest", "sha256:b", "r:5000/team/a:1", "sha256:a"), Map.of(), 1, 2);
        Object imageRef = BuildSummary.of(result).get("imageRef");
        assertEquals("r:5000/team/a@sha256:a", imageRef);
        DeployImage.require("image", (String) imageRef); // what containerDeploy takes
    }

    @Test
    public void imageRefIsTheFirstTagWhenNothingWasPushed() {
        assertEquals("a:1", BuildSummary.of(new BuildResult("sha256:1", List.of("a:1", "b:2"), Map.of(), Map.of(), 1, 2))
                .get("imageRef"));
    }

    @Test
    public void digestIsNullWhenNothingWasPushed() {
        assertNull(BuildSummary.of(new BuildResult("sha256:1", List.of("a:1"), Map.of(), Map.of(), 1, 2)).get("digest"));
    }

    @Test
    public void survivesTheTripThroughPipelineSerialization() throws Exception {
        BuildResult result = new BuildResult("sha256:1", List.of("r:5000/a:1"), Map.of("r:5000/a:1", "sha256:a"), Map.of(), 3, 4);
        Map<String, Object> summary = BuildSummary.of(result);
        assertEquals(summary, StepHarness.overTheWire(summary));
    }
}
