/**
 * The Pipeline steps: thin Jenkins glue that maps step arguments to core requests and runs them on the agent.
 *
 * <p>Each step is one class ({@code ContainerBuildStep}: arguments, the one mapping to its core request, a nested
 * {@code Execution} and {@code DescriptorImpl}). All executions extend {@link
 * io.jenkins.plugins.containerrollout.steps.ContainerStepExecution}, which resolves the context objects
 * ({@link io.jenkins.plugins.containerrollout.steps.StepScope}), hands the step a
 * {@link io.jenkins.plugins.containerrollout.steps.StepRun} (masked console, Docker host, registry credentials,
 * {@code onAgent} for core work sent with {@code workspace.act}) and turns the core's user-facing failures into
 * {@code AbortException}s. The few direct Jenkins calls sit behind {@code JenkinsServices}, so the rest runs in unit
 * tests against the compile-only API mirror.
 *
 * <p>{@code containerDeploy}, {@code containerVerify} and {@code containerRollback} share a descriptor base
 * ({@code RolloutStepDescriptor}) and an execution base ({@code RolloutCoreExecution}) that reaches the deploy and
 * verify cores through {@code RolloutCore} (faked in tests). Their nested arguments are describables with symbols:
 * strategies ({@code DeployStrategy}: {@code rolling}, {@code recreate}, {@code blueGreen}, {@code canary}), routers
 * ({@code TrafficRouting}: {@code haproxy}, {@code direct}) and checks ({@code VerifyCheck}: {@code http},
 * {@code successRate}, {@code health}, {@code exec}, {@code smokeTest}); each maps itself to the core's type, and
 * form validation asks the core wherever the core already validates ({@code RolloutForms}).
 */
package io.jenkins.plugins.containerrollout.steps;
