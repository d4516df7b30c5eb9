/**
 * Rolling an application out on a Docker Engine host, and back: {@link
 * io.jenkins.plugins.containerrollout.core.deploy.docker.DockerDeployer}, the Docker-host implementation of the deploy
 * API ({@code core.deploy}), is the entry point for the Pipeline steps and the CLI. Everything else here is
 * package-private except {@link io.jenkins.plugins.containerrollout.core.deploy.docker.RegistryPull}, which the
 * front-ends call before a deploy or rollback that needs registry credentials.
 *
 * <p><b>State in the engine.</b> Nothing is kept in the controller or on disk: every container carries labels
 * ({@link io.jenkins.plugins.containerrollout.core.deploy.AppLabels}). An application is its replica containers, one
 * never-started <em>revision record</em> container per kept revision (the full
 * {@link io.jenkins.plugins.containerrollout.core.deploy.ReplicaSpec} as JSON, the image pinned by id and digest, the
 * health path, build URL and commit; the record also keeps the image from being pruned), an append-only log of
 * never-started <em>state</em> containers (stable and target revision, desired replicas, port base, phase), and while
 * a rollout runs a lock container whose fixed name makes acquiring it atomic. The current revision plus
 * {@code revisionHistoryLimit} earlier ones stay recoverable; the replicas of the revision just replaced are kept
 * stopped, so rolling back to it restarts them instead of creating new ones.
 *
 * <p><b>Ports.</b> Replicas use the host network and bind 127.0.0.1; the replica in slot {@code k} gets
 * {@code PORT=portBase+k}. A new replica takes the lowest slot no running replica holds, so surge replicas land just
 * above the old range and the range never exceeds {@code replicas + maxSurge} ports. The serving set (ports of replicas
 * that passed their health gate) is what a {@link io.jenkins.plugins.containerrollout.core.router.TrafficRouter} is
 * told, and what {@link io.jenkins.plugins.containerrollout.core.deploy.AppStatus#servingPorts()} reports.
 *
 * <p><b>Convergence.</b> Every operation (deploy, scale, rollback, automatic rollback, finishing an interrupted
 * rollout) is the same loop: from whatever runs now, converge on one revision with the desired replica count, never
 * below {@code desired - maxUnavailable} available replicas nor above {@code desired + maxSurge} replicas. Nothing
 * assumes the previous call finished, so a killed process or a restarted engine needs no manual cleanup.
 *
 * <p><b>Canary.</b> {@code Canary} runs the same replicas in smaller moves: a few replicas of the new revision beside
 * the stable ones, router weights ({@link io.jenkins.plugins.containerrollout.core.router.TrafficRouter#split}) giving
 * them each step's share, an analysis of what clients get through the router's frontend during each pause, then
 * promotion (the loop above with all traffic on the new revision) or an abort that takes the canary out of the router
 * before the stable revision is restored.
 */
package io.jenkins.plugins.containerrollout.core.deploy.docker;
