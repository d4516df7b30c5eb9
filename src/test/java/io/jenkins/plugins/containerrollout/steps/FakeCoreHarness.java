package io.jenkins.plugins.containerrollout.steps;

import org.junit.Before;
import org.junit.Rule;
import org.junit.rules.TemporaryFolder;

/**
 * What the deploy, verify and rollback execution tests start from: a {@link StepHarness} on a fresh workspace and a
 * {@link FakeRolloutCore} in place of the engine.
 *
 * <p>Usage: {@code public class ContainerDeployExecutionTest extends FakeCoreHarness { ... RolloutStepRunner.deploy(harness, step, core) ... }}
 */
public abstract class FakeCoreHarness {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    protected StepHarness harness;
    protected final FakeRolloutCore core = new FakeRolloutCore();

    @Before
    public void harness() throws Exception {
        harness = StepHarness.in(tmp.newFolder("ws"));
    }
}
