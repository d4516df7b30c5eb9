/**
 * The deploy API: what every deployment target does for one application, apart from how a target does it. {@link
 * io.jenkins.plugins.containerrollout.core.deploy.AppDeployer} (deploy, roll back, history, status), its requests
 * ({@link io.jenkins.plugins.containerrollout.core.deploy.DeployRequest}, {@link
 * io.jenkins.plugins.containerrollout.core.deploy.RollbackRequest}, {@link
 * io.jenkins.plugins.containerrollout.core.deploy.ReplicaSpec}, {@link
 * io.jenkins.plugins.containerrollout.core.deploy.DeployImage}), the strategy ({@link
 * io.jenkins.plugins.containerrollout.core.deploy.RolloutStrategy} with its canary plan), what a target answers ({@link
 * io.jenkins.plugins.containerrollout.core.deploy.AppStatus}, {@link
 * io.jenkins.plugins.containerrollout.core.deploy.RevisionInfo}, {@link
 * io.jenkins.plugins.containerrollout.core.deploy.RolloutLockedException}), the label keys an application's state is
 * kept under ({@link io.jenkins.plugins.containerrollout.core.deploy.AppLabels}) and the free-port check both targets
 * make ({@link io.jenkins.plugins.containerrollout.core.deploy.Ports}).
 *
 * <p>The implementations sit beside it: the Docker host in {@code core.deploy.docker}, Swarm in {@code core.swarm}.
 * This package uses neither, nor the router ({@code core.router}), so the front-ends choose a target once and the rest
 * of their code is the same.
 */
package io.jenkins.plugins.containerrollout.core.deploy;
