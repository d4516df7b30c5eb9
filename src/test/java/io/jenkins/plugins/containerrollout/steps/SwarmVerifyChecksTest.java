package io.jenkins.plugins.containerrollout.steps;

import io.jenkins.plugins.containerrollout.core.targets.Target;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;

import hudson.AbortException;
import java.util.List;
import org.junit.Test;

/**
 * {@code containerVerify} with {@code target: swarm()}: checks that look for containers by label ({@code health()},
 * {@code exec()}) would find no swarm task, so the step refuses them before the engine is asked anything; probes of
 * the serving tasks run as on a Docker host.
 */
public class SwarmVerifyChecksTest extends FakeCoreHarness {
    private static ContainerVerifyStep onSwarm(VerifyCheck... checks) {
        ContainerVerifyStep step = new ContainerVerifyStep("web", List.of(checks));
        step.setTarget(new SwarmTarget());
        return step;
    }

    @Test
    public void healthOnSwarmIsRefusedBeforeTheEngineIsAsked() {
        AbortException e = assertThrows(AbortException.class,
                () -> RolloutStepRunner.verify(harness, onSwarm(new HealthVerifyCheck()), core));

        assertEquals("containerVerify: checks[0] (health 'health'): not supported with target: swarm() yet; probe the"
                + " serving tasks with http(url: '{endpoint}/health')", e.getMessage());
        assertEquals(0, core.statusCalls);
        assertNull(core.verified);
    }

    @Test
    public void execOnSwarmIsRefusedNamingItsPlaceInTheChecks() {
        ExecVerifyCheck exec = new ExecVerifyCheck(List.of("test", "-f", "/www/version"));
        exec.setName("version file");

        AbortException e = assertThrows(AbortException.class, () -> RolloutStepRunner.verify(harness,
                onSwarm(new HttpVerifyCheck("{endpoint}/version"), exec), core));

        assertEquals("containerVerify: checks[1] (exec 'version file'): not supported with target: swarm() yet; probe"
                + " the serving tasks with http(url: '{endpoint}/health')", e.getMessage());
        assertEquals(0, core.statusCalls);
        assertNull(core.verified);
    }

    @Test
    public void httpOnSwarmProbesTheServingTasks() throws Exception {
        RolloutStepRunner.verify(harness, onSwarm(new HttpVerifyCheck("{endpoint}/version")), core);

        assertEquals(List.of(Target.SWARM), core.targets);
        assertEquals(List.of("http://127.0.0.1:21000", "http://127.0.0.1:21001"), core.verified.endpoints());
    }
}
