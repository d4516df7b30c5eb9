package io.jenkins.plugins.containerrollout.steps;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import hudson.AbortException;
import io.jenkins.plugins.containerrollout.core.engine.DockerHost;
import io.jenkins.plugins.containerrollout.core.engine.TlsMaterial;
import java.util.ArrayList;
import java.util.List;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * {@code dockerCredentialsId} on every step, through the shared execution with fake cores: the Docker Server
 * Certificate credentials' material reaches the core with the host, an unknown id or a non-tcp engine fails before
 * the core runs, and the client key is masked wherever it might show.
 */
public class DockerCredentialsStepTest {
    private static final String ENGINE = "tcp://127.0.0.1:2376";
    private static final String KEY_LINE = "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7";
    private static final TlsMaterial MATERIAL = new TlsMaterial("credentials 'docker-tls'",
            "-----BEGIN CERTIFICATE-----\nCA\n-----END CERTIFICATE-----\n",
            "-----BEGIN CERTIFICATE-----\nCLIENT\n-----END CERTIFICATE-----\n",
            "-----BEGIN PRIVATE KEY-----\n" + KEY_LINE + "\n-----END PRIVATE KEY-----\n");
    private static final DockerHost TLS_HOST = new DockerHost(ENGINE, false, null).withTls(MATERIAL);

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private StepHarness harness;
    private final FakeRolloutCore core = new FakeRolloutCore();

    @Before
    public void harnessWithTheCredentials() throws Exception {
        harness = StepHarness.in(tmp.newFolder("ws")).dockerServer("docker-tls", MATERIAL);
    }

    private static ContainerBuildStep build() {
        ContainerBuildStep step = new ContainerBuildStep(List.of("app:1"));
        step.setDockerCredentialsId("docker-tls");
        return step;
    }

    private static ContainerDeployStep deploy(String credentialsId) {
        ContainerDeployStep step = new ContainerDeployStep("web", "127.0.0.1:5000/web:4", 21000);
        step.setDockerHost(ENGINE);
        step.setDockerCredentialsId(credentialsId);
        return step;
    }

    @Test
    public void buildGetsTheMaterialForTheEngineFromTheEnvironment() throws Exception {
        harness.env("DOCKER_HOST", ENGINE);
        FakeBuildCore builder = FakeBuildCore.succeeding();
        harness.run(build(), builder);
        assertEquals(TLS_HOST, builder.request.host());
        assertEquals(List.of("docker-tls for " + ENGINE), harness.jenkins.lookups);
    }

    @Test
    public void deployGetsTheMaterialForTheStepsDockerHost() throws Exception {
        RolloutStepRunner.deploy(harness, deploy("docker-tls"), core);
        assertEquals(TLS_HOST, core.deployed.host());
    }

    @Test
    public void rollbackGetsTheMaterial() throws Exception {
        ContainerRollbackStep step = new ContainerRollbackStep("web");
        step.setDockerHost(ENGINE);
        step.setDockerCredentialsId("docker-tls");
        RolloutStepRunner.rollback(harness, step, core);
        assertEquals(TLS_HOST, core.rollbacks.get(0).host());
    }

    @Test
    public void verifyRunsOnTheHostWithTheMaterial() throws Exception {
        ContainerVerifyStep step = new ContainerVerifyStep("web", List.of(new HttpVerifyCheck("{endpoint}/health")));
        step.setDockerHost(ENGINE);
        step.setDockerCredentialsId("docker-tls");
        RolloutStepRunner.verify(harness, step, core);
        assertEquals(TLS_HOST, core.verifiedOn);
    }

    @Test
    public void withoutAnIdNothingIsLookedUpAndTheHostHasNoMaterial() throws Exception {
        RolloutStepRunner.deploy(harness, deploy(null), core);
        assertNull(core.deployed.host().tls());
        assertEquals(List.of(), harness.jenkins.lookups);
    }

    @Test
    public void abortsBeforeTheCoreRunsWhenTheIdIsUnknown() {
        AbortException e = assertThrows(AbortException.class,
                () -> RolloutStepRunner.deploy(harness, deploy("nope"), core));
        assertEquals("containerDeploy: no Docker Server Certificate credentials with id 'nope' are visible to this build"
                + " (dockerCredentialsId, engine " + ENGINE + ")", e.getMessage());
        assertNull(core.deployed);
    }

    @Test
    public void abortsBeforeLookingUpWhenTheEngineIsNoTcpAddress() {
        AbortException e = assertThrows(AbortException.class,
                () -> harness.run(build(), FakeBuildCore.succeeding()));
        assertEquals("containerBuild: dockerCredentialsId 'docker-tls' is TLS material for a tcp:// engine, but the engine"
                + " is " + DockerHost.LOCAL + " — set dockerHost (or DOCKER_HOST) to tcp://host:2376", e.getMessage());
        assertEquals(List.of(), harness.jenkins.lookups);
    }

    @Test
    public void abortsWhenTheCredentialsHoldACertificateWithoutItsKey() {
        harness.dockerServer("half", new TlsMaterial("credentials 'half'", null, MATERIAL.clientCertificate(), null));
        AbortException e = assertThrows(AbortException.class, () -> RolloutStepRunner.deploy(harness, deploy("half"), core));
        assertEquals("containerDeploy: dockerCredentialsId: credentials 'half' has a client certificate but no client key"
                + " — give both or neither", e.getMessage());
        assertNull(core.deployed);
    }

    @Test
    public void masksTheClientKeyOnTheConsole() throws Exception {
        harness.env("DOCKER_HOST", ENGINE);
        harness.run(build(), FakeBuildCore.succeeding().printing("key " + KEY_LINE + " in use"));
        assertFalse(harness.console(), harness.console().contains(KEY_LINE));
        assertTrue(harness.console(), harness.console().contains("[containerBuild] key **** in use"));
    }

    @Test
    public void masksTheClientKeyInAFailureMessage() {
        harness.env("DOCKER_HOST", ENGINE);
        AbortException e = assertThrows(AbortException.class,
                () -> harness.run(build(), FakeBuildCore.failingWith("bad key " + KEY_LINE)));
        assertEquals("containerBuild: bad key ****", e.getMessage());
    }
}
