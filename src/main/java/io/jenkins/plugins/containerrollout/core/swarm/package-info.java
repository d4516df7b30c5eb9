/**
 * Rolling an application out on Docker Swarm, and back: {@link
 * io.jenkins.plugins.containerrollout.core.swarm.SwarmDeployer} has the shape of the Docker-host deployer (deploy,
 * rollback, history, status) and returns the same records.
 *
 * <p><b>State in the engine.</b> An application is one replicated service; its labels
 * ({@link io.jenkins.plugins.containerrollout.core.swarm.SwarmLabels}) hold the current revision and, as JSON, up to
 * {@code revisionHistoryLimit} earlier ones, because Swarm keeps only one previous spec. Calls go to the Engine API
 * directly over docker-java's transport ({@code SwarmApi}): docker-java's service commands cannot send
 * {@code rollback=previous} or {@code X-Registry-Auth} and drop {@code PreviousSpec}. A Compose stack's revisions are
 * Swarm configs ({@code SwarmStacks}), apart from its services; each of its services carries the project's label.
 *
 * <p><b>Strategy.</b> Rolling maps to Swarm's UpdateConfig (start-first with parallelism maxSurge when surging, else
 * stop-first with parallelism maxUnavailable; delay = batchDelay + minReadySeconds; failure action rollback or pause;
 * monitor = HEALTHCHECK start period + interval x retries; maxFailureRatio = failureRatio) and the same
 * RollbackConfig; recreate is stop-first with every task at once. Blue-green and canary are refused (not supported on swarm yet).
 *
 * <p><b>Ports.</b> Tasks use the host network; the task in slot {@code k} of port bank {@code b} serves on
 * {@code portBase + 2(k-1) + b}, the bank flipping with each revision so a start-first task never meets its
 * predecessor's port. {@code PORT} is in the task's own environment (expanded by the node's engine from a per-slot
 * service label, see {@code ServiceSpecs}), so an image's HEALTHCHECK sees it as on a Docker host.
 */
package io.jenkins.plugins.containerrollout.core.swarm;
