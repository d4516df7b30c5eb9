package io.jenkins.plugins.containerrollout.steps;

import java.util.Map;

/**
 * Runs the deploy, verify and rollback executions to completion in a {@link StepHarness}, as
 * {@link StepHarness#run(ContainerBuildStep, BuildCore)} does for {@code containerBuild}.
 *
 * <p>Usage: {@code Map<String, Object> d = RolloutStepRunner.deploy(harness, step, core);}
 */
final class RolloutStepRunner {
    private RolloutStepRunner() {
    }

    static Map<String, Object> deploy(StepHarness harness, ContainerDeployStep step, RolloutCore core) throws Exception {
        return new ContainerDeployStep.Execution(harness, step, harness.jenkins, core).execute(harness);
    }

    static Map<String, Object> rollback(StepHarness harness, ContainerRollbackStep step, RolloutCore core) throws Exception {
        return new ContainerRollbackStep.Execution(harness, step, harness.jenkins, core).execute(harness);
    }

    static Map<String, Object> verify(StepHarness harness, ContainerVerifyStep step, RolloutCore core) throws Exception {
        return new ContainerVerifyStep.Execution(harness, step, harness.jenkins, core).execute(harness);
    }
}
