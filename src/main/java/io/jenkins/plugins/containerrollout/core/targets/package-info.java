/**
 * The one place a front-end opens a target: {@link io.jenkins.plugins.containerrollout.core.targets.Deployers#open}
 * chooses the Docker host deployer ({@code core.deploy.docker}) or the Swarm one ({@code core.swarm}) for a
 * {@link io.jenkins.plugins.containerrollout.core.targets.Target}, so the steps and the CLI hold only the deploy API.
 */
package io.jenkins.plugins.containerrollout.core.targets;
