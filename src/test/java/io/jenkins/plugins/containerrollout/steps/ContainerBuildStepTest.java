package io.jenkins.plugins.containerrollout.steps;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import hudson.EnvVars;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.containerrollout.core.engine.DockerHost;
import io.jenkins.plugins.containerrollout.core.image.BuildRequest;
import io.jenkins.plugins.containerrollout.core.image.RegistryCredentials;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.Test;

/** The step's arguments, their defaults and their one mapping to the core request. */
public class ContainerBuildStepTest {
    private static final DockerHost HOST = new DockerHost("tcp://127.0.0.1:2375", false, null);

    private static ContainerBuildStep step(String... tags) {
        return new ContainerBuildStep(List.of(tags));
    }

    @Test
    public void contextDefaultsToTheWorkspaceItself() {
        assertEquals(".", step("app:1").toRequest(HOST, null).context());
    }

    @Test
    public void dockerfileDefaultsToNoneSoTheCoreUsesTheContextsDockerfile() {
        assertNull(step("app:1").toRequest(HOST, null).dockerfile());
    }

    @Test
    public void timeoutDefaultsToThirtyMinutes() {
        assertEquals(Duration.ofMinutes(30), step("app:1").toRequest(HOST, null).timeout());
    }

    @Test
    public void optionalSwitchesDefaultToOff() {
        BuildRequest request = step("app:1").toRequest(HOST, null);
        assertFalse(request.noCache() || request.pull() || request.push());
        assertEquals(Map.of(), request.buildArgs());
        assertEquals(Map.of(), request.labels());
        assertNull(request.target());
        assertNull(request.version());
    }

    @Test
    public void mapsEveryArgumentIntoTheRequest() {
        ContainerBuildStep step = step("127.0.0.1:5000/app:1.0", "127.0.0.1:5000/app:latest");
        step.setContext("app");
        step.setDockerfile("app/Dockerfile");
        step.setBuildArgs(Map.of("VERSION", "1.0"));
        step.setTarget("runtime");
        step.setLabels(Map.of("team", "x"));
        step.setNoCache(true);
        step.setPull(true);
        step.setPush(true);
        step.setVersion("1.0");
        step.setTimeoutMinutes(5);
        RegistryCredentials login = new RegistryCredentials("ci", "pw");

        BuildRequest request = step.toRequest(HOST, login);

        assertEquals(new BuildRequest(HOST, "app", "app/Dockerfile", List.of("127.0.0.1:5000/app:1.0", "127.0.0.1:5000/app:latest"),
                Map.of("VERSION", "1.0"), "runtime", Map.of("team", "x"), true, true, true, "1.0", login, Duration.ofMinutes(5)), request);
    }

    @Test
    public void blankOptionalArgumentsCountAsNotGiven() {
        ContainerBuildStep step = step("app:1");
        step.setContext(" ");
        step.setDockerfile("");
        step.setTarget(" ");
        step.setVersion("");
        step.setRegistryCredentialsId(" ");
        step.setDockerHost("");
        BuildRequest request = step.toRequest(HOST, null);
        assertEquals(".", request.context());
        assertNull(request.dockerfile());
        assertNull(request.target());
        assertNull(request.version());
        assertNull(step.getRegistryCredentialsId());
        assertNull(step.getDockerHost());
    }

    @Test
    public void aMultiLineEntryFromTheFormGivesOneTagPerLine() {
        assertEquals(List.of("app:1", "app:latest"), new ContainerBuildStep(List.of("app:1\n\n  app:latest \n")).getTags());
    }

    @Test
    public void mapValuesFromTheScriptKeepTheirText() {
        Map<String, String> args = new LinkedHashMap<>();
        putRaw(args, "BUILD", 42);
        ContainerBuildStep step = step("app:1");
        step.setBuildArgs(args);
        assertEquals(Map.of("BUILD", "42"), step.toRequest(HOST, null).buildArgs());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void putRaw(Map map, String key, Object value) {
        // A Groovy map literal can carry non-String values into a Map<String, String> parameter.
        map.put(key, value);
    }

    @Test
    public void reportsAStepWithoutTags() {
        assertTrue(new ContainerBuildStep(List.of()).problems().get(0).contains("at least one image tag"));
    }

    @Test
    public void reportsAMalformedTag() {
        List<String> problems = step("127.0.0.1:5000/App:1").problems();
        assertEquals(1, problems.size());
        assertTrue(problems.get(0), problems.get(0).contains("127.0.0.1:5000/App:1"));
    }

    @Test
    public void reportsATimeoutBelowOneMinute() {
        ContainerBuildStep step = step("app:1");
        step.setTimeoutMinutes(0);
        assertEquals(List.of("timeoutMinutes must be at least 1 (was 0)"), step.problems());
    }

    @Test
    public void descriptorNamesTheFunction() {
        assertEquals("containerBuild", new ContainerBuildStep.DescriptorImpl().getFunctionName());
    }

    @Test
    public void descriptorRequiresBuildConsoleWorkspaceAndEnvironment() {
        assertEquals(Set.of(Run.class, TaskListener.class, FilePath.class, EnvVars.class,
                        org.jenkinsci.plugins.workflow.graph.FlowNode.class),
                new ContainerBuildStep.DescriptorImpl().getRequiredContext());
    }

    @Test
    public void descriptorHasADisplayName() {
        assertEquals("Build a container image (and push it)", new ContainerBuildStep.DescriptorImpl().getDisplayName());
    }
}
