package io.jenkins.plugins.containerrollout.steps;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.containerrollout.core.engine.DockerHost;
import io.jenkins.plugins.containerrollout.core.image.BuildResult;
import io.jenkins.plugins.containerrollout.core.image.RegistryCredentials;
import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** {@code containerBuild} run through the shared execution in a {@link StepHarness}, with a fake core. */
public class ContainerBuildExecutionTest {
    private static final String PASSWORD = "s3cr3t-Pa55";

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private File workspace;
    private StepHarness harness;

    @Before
    public void workspaceWithAnAppDirectory() throws IOException {
        workspace = tmp.newFolder("ws");
        new File(workspace, "app").mkdir();
        harness = StepHarness.in(workspace);
    }

    private static ContainerBuildStep step(String... tags) {
        return new ContainerBuildStep(List.of(tags));
    }

    private static ContainerBuildStep pushing() {
        ContainerBuildStep step = step("127.0.0.1:5000/app:1.0");
        step.setContext("app");
        step.setPush(true);
        step.setRegistryCredentialsId("registry");
        return step;
    }

    /**
     * Outside {@code node} Jenkins itself stops the step: workflow-cps {@code DSL.invokeStep} runs
     * {@code StepDescriptor.checkContextAvailability} before {@code Step.start} and prints "Perhaps you forgot to
     * surround the code with a step that provides this, such as: node". So the workspace must be required context of
     * every step, and the step's own guard promises no hint of its own that could never be seen.
     */
    @Test
    public void theWorkspaceIsRequiredSoJenkinsGivesTheNodeHintFirst() throws Exception {
        for (org.jenkinsci.plugins.workflow.steps.StepDescriptor d : List.of(new ContainerBuildStep.DescriptorImpl(),
                new ContainerDeployStep.DescriptorImpl(), new ContainerVerifyStep.DescriptorImpl(),
                new ContainerRollbackStep.DescriptorImpl())) {
            assertTrue(d.getFunctionName(), d.getRequiredContext().contains(FilePath.class));
        }
        harness.without(FilePath.class);
        AbortException e = assertThrows(AbortException.class, () -> harness.run(step("app:1"), FakeBuildCore.succeeding()));
        assertEquals("containerBuild cannot run without the context hudson.FilePath", e.getMessage());
    }

    @Test
    public void namesEveryMissingContextObject() throws Exception {
        harness.without(Run.class).without(TaskListener.class).without(EnvVars.class);
        AbortException e = assertThrows(AbortException.class, () -> harness.run(step("app:1"), FakeBuildCore.succeeding()));
        assertEquals("containerBuild cannot run without the context hudson.model.Run, hudson.model.TaskListener, hudson.EnvVars",
                e.getMessage());
    }

    @Test
    public void rejectsInvalidArgumentsBeforeCallingTheCore() throws Exception {
        FakeBuildCore core = FakeBuildCore.succeeding();
        AbortException e = assertThrows(AbortException.class, () -> harness.run(new ContainerBuildStep(List.of()), core));
        assertTrue(e.getMessage(), e.getMessage().startsWith("containerBuild: give at least one image tag"));
        assertNull(core.request);
    }

    @Test
    public void anchorsContextAndDockerfileToTheWorkspaceOnTheAgent() throws Exception {
        ContainerBuildStep step = step("app:1");
        step.setContext("app");
        step.setDockerfile("app/Dockerfile.release");
        FakeBuildCore core = FakeBuildCore.succeeding();

        harness.run(step, core);

        assertEquals(new File(workspace, "app").getPath(), core.request.context());
        assertEquals(new File(workspace, "app/Dockerfile.release").getPath(), core.request.dockerfile());
    }

    @Test
    public void defaultContextIsTheWorkspaceDirectory() throws Exception {
        FakeBuildCore core = FakeBuildCore.succeeding();
        harness.run(step("app:1"), core);
        assertEquals(workspace.getPath(), core.request.context());
        assertNull(core.request.dockerfile());
    }

    @Test
    public void failsWhenTheContextIsNotADirectoryOfTheWorkspace() throws Exception {
        ContainerBuildStep step = step("app:1");
        step.setContext("missing");
        AbortException e = assertThrows(AbortException.class, () -> harness.run(step, FakeBuildCore.succeeding()));
        assertTrue(e.getMessage(), e.getMessage().startsWith("containerBuild: build context 'missing' is not a directory"));
    }

    @Test
    public void takesTheDockerHostAndTlsFromTheEnvironment() throws Exception {
        harness.env("DOCKER_HOST", "tcp://10.0.0.5:2376").env("DOCKER_TLS_VERIFY", "1").env("DOCKER_CERT_PATH", "/certs");
        FakeBuildCore core = FakeBuildCore.succeeding();
        harness.run(step("app:1"), core);
        assertEquals(new DockerHost("tcp://10.0.0.5:2376", true, "/certs"), core.request.host());
    }

    @Test
    public void theStepsDockerHostWinsOverTheEnvironment() throws Exception {
        harness.env("DOCKER_HOST", "tcp://10.0.0.5:2375");
        ContainerBuildStep step = step("app:1");
        step.setDockerHost("unix:///run/other.sock");
        FakeBuildCore core = FakeBuildCore.succeeding();
        harness.run(step, core);
        assertEquals("unix:///run/other.sock", core.request.host().uri());
    }

    @Test
    public void usesTheLocalSocketWithoutAnyHostGiven() throws Exception {
        FakeBuildCore core = FakeBuildCore.succeeding();
        harness.run(step("app:1"), core);
        assertEquals(DockerHost.LOCAL, core.request.host().uri());
    }

    @Test
    public void looksUpCredentialsForTheRegistryOfTheFirstTag() throws Exception {
        harness.credentials("registry", "ci", PASSWORD);
        FakeBuildCore core = FakeBuildCore.succeeding();
        harness.run(pushing(), core);
        assertEquals(List.of("registry for https://127.0.0.1:5000"), harness.jenkins.lookups);
        assertEquals(new RegistryCredentials("ci", PASSWORD), core.request.credentials());
    }

    @Test
    public void abortsWhenTheCredentialsIdIsUnknown() throws Exception {
        AbortException e = assertThrows(AbortException.class, () -> harness.run(pushing(), FakeBuildCore.succeeding()));
        assertEquals("containerBuild: no username/password credentials with id 'registry' are visible to this build"
                + " (registry https://127.0.0.1:5000)", e.getMessage());
    }

    @Test
    public void buildsWithoutLoginWhenNoCredentialsIdIsGiven() throws Exception {
        FakeBuildCore core = FakeBuildCore.succeeding();
        harness.run(step("app:1"), core);
        assertNull(core.request.credentials());
        assertEquals(List.of(), harness.jenkins.lookups);
    }

    @Test
    public void turnsABuildExceptionIntoAnAbortWithItsMessage() throws Exception {
        AbortException e = assertThrows(AbortException.class,
                () -> harness.run(step("app:1"), FakeBuildCore.failingWith("RUN step 3/5 failed (exit 2): make")));
        assertEquals("containerBuild: RUN step 3/5 failed (exit 2): make", e.getMessage());
    }

    @Test
    public void keepsOnlyTheFirstLineOfAFailureMessage() throws Exception {
        AbortException e = assertThrows(AbortException.class,
                () -> harness.run(step("app:1"), FakeBuildCore.failingWith("push refused\nat line 2")));
        assertEquals("containerBuild: push refused", e.getMessage());
    }

    @Test
    public void masksThePasswordWhenTheCorePrintsIt() throws Exception {
        harness.credentials("registry", "ci", PASSWORD);
        harness.run(pushing(), FakeBuildCore.succeeding().printing("login ci/" + PASSWORD + " to 127.0.0.1:5000"));
        assertFalse(harness.console(), harness.console().contains(PASSWORD));
        assertTrue(harness.console(), harness.console().contains("[containerBuild] login ci/**** to 127.0.0.1:5000"));
    }

    @Test
    public void masksThePasswordInAFailureMessage() throws Exception {
        harness.credentials("registry", "ci", PASSWORD);
        AbortException e = assertThrows(AbortException.class,
                () -> harness.run(pushing(), FakeBuildCore.failingWith("auth " + PASSWORD + " refused")));
        assertEquals("containerBuild: auth **** refused", e.getMessage());
    }

    @Test
    public void consoleNamesTheLoginButNeverItsPassword() throws Exception {
        harness.credentials("registry", "ci", PASSWORD);
        harness.run(pushing(), FakeBuildCore.succeeding());
        assertTrue(harness.console(), harness.console().contains("(registry login: ci)"));
        assertFalse(harness.console(), harness.console().contains(PASSWORD));
    }

    @Test
    public void prefixesEveryConsoleLineWithTheStepName() throws Exception {
        harness.run(step("app:1"), FakeBuildCore.succeeding().printing("Step 1/2 : FROM scratch\nStep 2/2 : COPY . /"));
        for (String line : harness.console().split("\\R")) {
            assertTrue(line, line.startsWith("[containerBuild] "));
        }
    }

    @Test
    public void returnsTheSummaryOfThePushedImage() throws Exception {
        harness.credentials("registry", "ci", PASSWORD);
        BuildResult result = new BuildResult("sha256:abc", List.of("127.0.0.1:5000/app:1.0"),
                Map.of("127.0.0.1:5000/app:1.0", "sha256:d1"), Map.of(), 2048, 1500);

        Map<String, Object> summary = harness.run(pushing(), FakeBuildCore.returning(result));

        assertEquals(Map.of("imageRef", "127.0.0.1:5000/app@sha256:d1", "imageId", "sha256:abc", "digest", "sha256:d1", "digests", Map.of("127.0.0.1:5000/app:1.0", "sha256:d1"),
                "tags", List.of("127.0.0.1:5000/app:1.0"), "contextBytes", 2048L, "durationMillis", 1500L), summary);
    }
}
