package io.jenkins.plugins.containerrollout.core.deploy;

import java.io.Serializable;

/**
 * One kept revision of an application, as {@link AppDeployer#history} reads it from the engine.
 *
 * <p>Usage: {@code deployer.history("web").forEach(r -> System.out.println(r.revision() + " " + r.digest()));}
 *
 * @param revision        revision number (1, 2, ...)
 * @param image           image reference as deployed
 * @param imageId         local image id the replicas run
 * @param digest          repository digest, or null for a local-only image
 * @param specHash        hash of the replica spec (image id included); equal hashes mean identical replicas
 * @param buildUrl        the Jenkins build that deployed it, or null
 * @param commit          the source commit, or null
 * @param createdAtMillis when the revision was first deployed
 * @param current         whether it is the application's stable revision now
 * @param runningReplicas replicas of this revision running now, those stopping not counted
 * @param keptReplicas    stopped replicas of this revision kept for a fast rollback
 * @param spec            the full replica spec a rollback restores
 * @param stoppingReplicas replicas of this revision the last rollout replaced and told to stop that have not exited
 *                        yet (a deploy waits at most 1 s for their stop, as {@code kubectl rollout status} does not
 *                        wait for it at all); they are kept once stopped
 */
public record RevisionInfo(int revision, String image, String imageId, String digest, String specHash,
        String buildUrl, String commit, long createdAtMillis, boolean current, int runningReplicas, int keptReplicas,
        ReplicaSpec spec, int stoppingReplicas) implements Serializable {
}
