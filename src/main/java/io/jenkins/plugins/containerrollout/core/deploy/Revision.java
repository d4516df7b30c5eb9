package io.jenkins.plugins.containerrollout.core.deploy;

/**
 * A revision as its record container holds it: the spec and the pinned image. Package-private: callers see
 * {@link RevisionInfo}.
 */
record Revision(int number, ReplicaSpec spec, String specHash, String imageId, String digest, String healthPath,
        boolean engineHealth, String buildUrl, String commit, long createdMillis) {
}
