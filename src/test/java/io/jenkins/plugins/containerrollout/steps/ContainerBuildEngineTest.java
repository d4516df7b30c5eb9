package io.jenkins.plugins.containerrollout.steps;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import hudson.AbortException;
import io.jenkins.plugins.containerrollout.testing.TestBed;
import io.jenkins.plugins.containerrollout.testing.TestImages;
import java.io.File;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * {@code containerBuild} end to end on the test bed ({@code scripts/testbed up}): the step's glue with the real core,
 * a real engine and real registries; only Jenkins is simulated by the {@link StepHarness}.
 */
public class ContainerBuildEngineTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private StepHarness harness;

    @Before
    public void workspaceWithTheAppContext() throws Exception {
        File workspace = tmp.newFolder("ws");
        TestImages.appContext(workspace.toPath().resolve("app"), "1.0", true);
        harness = StepHarness.in(workspace).env("DOCKER_HOST", TestBed.host().uri());
    }

    private static ContainerBuildStep appStep(String tag) {
        ContainerBuildStep step = new ContainerBuildStep(List.of(tag));
        step.setContext("app");
        return step;
    }

    @Test
    public void buildsAndPushesAndReturnsTheDigestOfThePushedTag() throws Exception {
        String tag = TestBed.registry() + "/" + TestBed.unique("glue") + ":1.0";
        ContainerBuildStep step = appStep(tag);
        step.setPush(true);

        Map<String, Object> img = harness.run(step, BuildCore.IMAGE_BUILDER);

        assertTrue(String.valueOf(img.get("digest")), String.valueOf(img.get("digest")).startsWith("sha256:"));
        assertEquals(img.get("imageId"), TestBed.docker("image", "inspect", "--format", "{{.Id}}", tag).trim());
    }

    @Test
    public void neverShowsTheRegistryPasswordWhilePushingWithCredentials() throws Exception {
        harness.credentials("registry", TestBed.authUser(), TestBed.authPassword());
        ContainerBuildStep step = appStep(TestBed.authRegistry() + "/" + TestBed.unique("glue") + ":1.0");
        step.setPush(true);
        step.setRegistryCredentialsId("registry");

        Map<String, Object> img = harness.run(step, BuildCore.IMAGE_BUILDER);

        assertTrue(String.valueOf(img.get("digest")).startsWith("sha256:"));
        assertFalse(harness.console().contains(TestBed.authPassword()));
    }

    @Test
    public void failsWithTheCoresOneLineMessageWhenAStepFails() throws Exception {
        File app = new File(harness.workspace(), "app");
        Files.writeString(new File(app, "Dockerfile").toPath(),
                "FROM scratch\nCOPY busybox /bin/busybox\nRUN [\"/bin/busybox\", \"false\"]\n");

        AbortException e = assertThrows(AbortException.class,
                () -> harness.run(appStep(TestBed.unique("glue") + ":1"), BuildCore.IMAGE_BUILDER));

        assertTrue(e.getMessage(), e.getMessage().startsWith("containerBuild: "));
        assertFalse(e.getMessage(), e.getMessage().contains("\n"));
    }
}
