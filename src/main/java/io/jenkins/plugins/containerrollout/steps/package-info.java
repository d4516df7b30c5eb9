/**
 * The Pipeline steps: thin Jenkins glue that maps step arguments to core requests and runs them on the agent.
 *
 * <p>Each step is one class ({@code ContainerBuildStep}: arguments, the one mapping to its core request, a nested
 * {@code Execution} and {@code DescriptorImpl}). All executions extend {@link
 * io.jenkins.plugins.containerrollout.steps.RolloutStepExecution}, which resolves the context objects
 * ({@link io.jenkins.plugins.containerrollout.steps.StepScope}), hands the step a
 * {@link io.jenkins.plugins.containerrollout.steps.StepRun} (masked console, Docker host, registry credentials,
 * {@code onAgent} for core work sent with {@code workspace.act}) and turns the core's user-facing failures into
 * {@code AbortException}s. The few direct Jenkins calls sit behind {@code JenkinsServices}, so the rest runs in unit
 * tests against the compile-only API mirror.
 */
package io.jenkins.plugins.containerrollout.steps;
