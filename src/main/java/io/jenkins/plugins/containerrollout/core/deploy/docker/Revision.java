package io.jenkins.plugins.containerrollout.core.deploy.docker;

import io.jenkins.plugins.containerrollout.core.deploy.ReplicaSpec;
import io.jenkins.plugins.containerrollout.core.deploy.RevisionInfo;

/**
 * A revision as its record container holds it: the spec and the pinned image. Package-private: callers see
 * {@link RevisionInfo}. The rollback target among kept revisions is picked by the request itself
 * ({@code RollbackRequest.pick}), one rule for every engine.
 */
record Revision(int number, ReplicaSpec spec, String specHash, String imageId, String digest, String healthPath,
        boolean engineHealth, String buildUrl, String commit, long createdMillis) {
}
