/**
 * Compose applications: a Compose file turned into a validated, ordered project model, and the stack deployer that
 * deploys it ({@link io.jenkins.plugins.containerrollout.core.compose.StackDeployer}: every service as its app through
 * any {@code core.deploy.AppDeployer}, one stack revision, whole-stack rollback; the request mapping is {@code
 * ServiceRequests}). {@link io.jenkins.plugins.containerrollout.core.compose.ComposeLoader} reads the file (SnakeYAML
 * Engine), interpolates variables from the caller's environment and the {@code .env} file beside it ({@link
 * io.jenkins.plugins.containerrollout.core.compose.Interpolator}, {@link
 * io.jenkins.plugins.containerrollout.core.compose.DotEnv}), refuses every key it does not support, and answers a
 * {@link io.jenkins.plugins.containerrollout.core.compose.ComposeProject}: its services ({@link
 * io.jenkins.plugins.containerrollout.core.compose.ComposeService}) in dependency order, each with the app name
 * {@code <project>-<service>} and its typed settings.
 *
 * <p>The package knows no engine: the model uses only {@code core.deploy.AppName}, the one app-name rule, and the
 * stack deployer only the deploy API (never {@code core.deploy.docker} or docker-java, see ArchitectureTest). The
 * rules followed are the Compose specification's (compose-spec/compose-spec: {@code 05-services.md}, {@code
 * 12-interpolation.md}, {@code 11-extension.md} for durations and byte values); docs/compose.md lists what is
 * supported and what is refused.
 */
package io.jenkins.plugins.containerrollout.core.compose;
