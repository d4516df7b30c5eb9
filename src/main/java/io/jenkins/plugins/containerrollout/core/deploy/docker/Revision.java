package io.jenkins.plugins.containerrollout.core.deploy.docker;

import io.jenkins.plugins.containerrollout.core.deploy.ReplicaSpec;
import io.jenkins.plugins.containerrollout.core.deploy.RevisionInfo;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A revision as its record container holds it: the spec and the pinned image. Package-private: callers see
 * {@link RevisionInfo}. The rollback target among kept revisions is picked by the request itself
 * ({@code RollbackRequest.pick}), one rule for every engine.
 */
record Revision(int number, ReplicaSpec spec, String specHash, String imageId, String digest, String healthPath,
        boolean engineHealth, String buildUrl, String commit, long createdMillis) implements HealthRule {

    /** {@code revisions} by their number. */
    static Map<Integer, Revision> byNumber(List<Revision> revisions) {
        return revisions.stream().collect(Collectors.toMap(Revision::number, Function.identity()));
    }
}
