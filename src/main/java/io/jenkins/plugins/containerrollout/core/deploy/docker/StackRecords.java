package io.jenkins.plugins.containerrollout.core.deploy.docker;

import static io.jenkins.plugins.containerrollout.core.deploy.AppLabels.*;

import com.github.dockerjava.api.model.Container;
import io.jenkins.plugins.containerrollout.core.RequestException;
import io.jenkins.plugins.containerrollout.core.deploy.StackRevision;
import java.util.Comparator;
import java.util.List;

/**
 * A stack's revisions as never-started marker containers labelled {@link io.jenkins.plugins.containerrollout.core.deploy.AppLabels#PROJECT},
 * the way {@link EngineState} keeps an app's: the engine is the only store, so any later process can roll the stack
 * back. Each marker uses the image of the stack's first service's revision, which that revision's record already
 * keeps from being pruned.
 */
final class StackRecords {
    private final AppEngine engine;
    private final EngineState apps;

    StackRecords(AppEngine engine, EngineState apps) {
        this.engine = engine;
        this.apps = apps;
    }

    List<StackRevision> history(String project) {
        return engine.labelled(PROJECT, project).stream().map(c -> StackRevision.fromLabels(c.getLabels()))
                .filter(java.util.Objects::nonNull).sorted(Comparator.comparingInt(StackRevision::number)).toList();
    }

    void write(StackRevision revision) {
        StackRevision.Service first = revision.services().get(0);
        String imageId = apps.revisions(first.app()).stream().filter(r -> r.number() == first.revision())
                .map(Revision::imageId).findFirst().orElseThrow(() -> new RequestException("project: app '"
                        + first.app() + "' has no revision " + first.revision() + " to record in stack revision "
                        + revision.number()));
        engine.createMarker(stackName(revision.project(), revision.number()), imageId, revision.labels());
        List<Container> all = engine.labelled(PROJECT, revision.project()).stream()
                .filter(c -> ROLE_STACK.equals(c.getLabels().get(ROLE))).toList();
        for (Container c : all) {
            if (Integer.parseInt(c.getLabels().get(STACK_REVISION)) <= revision.number() - StackRevision.KEPT) {
                engine.remove(c.getId());
            }
        }
    }
}
