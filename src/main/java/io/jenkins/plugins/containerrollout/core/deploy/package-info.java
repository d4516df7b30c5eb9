/**
 * Rolling an application out on a Docker Engine host, and back: {@link
 * io.jenkins.plugins.containerrollout.core.deploy.DockerDeployer} is the entry point for the Pipeline steps and the CLI.
 *
 * <p>All state lives in the engine, as labels ({@link io.jenkins.plugins.containerrollout.core.deploy.AppLabels}), so a
 * history or a rollback works from any later process: replica containers, one never-started <em>revision record</em>
 * container per kept revision (the full replica spec as JSON, pinning the image by id), an append-only log of
 * never-started <em>state</em> containers (stable and target revision, desired replicas, phase) and a lock container
 * whose unique name makes acquiring it atomic.
 */
package io.jenkins.plugins.containerrollout.core.deploy;
