package io.jenkins.plugins.containerrollout.core.deploy.docker;

import io.jenkins.plugins.containerrollout.core.deploy.ReplicaSpec;
import io.jenkins.plugins.containerrollout.core.deploy.RevisionInfo;
import io.jenkins.plugins.containerrollout.core.deploy.RollbackRequest;
import java.util.List;
import java.util.Optional;

/**
 * A revision as its record container holds it: the spec and the pinned image. Package-private: callers see
 * {@link RevisionInfo}.
 */
record Revision(int number, ReplicaSpec spec, String specHash, String imageId, String digest, String healthPath,
        boolean engineHealth, String buildUrl, String commit, long createdMillis) {

    /**
     * The kept revision {@code request} restores when the app is on revision {@code current}, if there is one. Here
     * rather than in the request: the API must not know this package's record of a revision.
     */
    static Optional<Revision> rollbackTarget(RollbackRequest request, List<Revision> kept, int current) {
        int toRevision = request.toRevision();
        return kept.stream().filter(r -> toRevision == 0 ? r.number() < current : r.number() == toRevision)
                .reduce((earlier, later) -> later);
    }
}
