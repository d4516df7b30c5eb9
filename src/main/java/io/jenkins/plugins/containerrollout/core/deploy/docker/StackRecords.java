package io.jenkins.plugins.containerrollout.core.deploy.docker;

import static io.jenkins.plugins.containerrollout.core.deploy.AppLabels.*;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.model.Container;
import io.jenkins.plugins.containerrollout.core.RequestException;
import io.jenkins.plugins.containerrollout.core.deploy.StackRevision;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A stack's revisions as never-started marker containers labelled {@link io.jenkins.plugins.containerrollout.core.deploy.AppLabels#PROJECT},
 * the way {@link EngineState} keeps an app's: the engine is the only store, so any later process can roll the stack
 * back. Each marker uses the image of the stack's first service's revision, which that revision's record already
 * keeps from being pruned.
 */
final class StackRecords {
    /** Stack revisions kept; the apps keep 10 revisions each by default, so older stacks could not be restored anyway. */
    static final int KEPT = 20;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<StackRevision.Service>> SERVICES = new TypeReference<>() { };

    private final AppEngine engine;
    private final EngineState apps;

    StackRecords(AppEngine engine, EngineState apps) {
        this.engine = engine;
        this.apps = apps;
    }

    List<StackRevision> history(String project) {
        return engine.labelled(PROJECT, project).stream().filter(c -> ROLE_STACK.equals(c.getLabels().get(ROLE)))
                .map(c -> read(project, c.getLabels())).sorted(Comparator.comparingInt(StackRevision::number)).toList();
    }

    void write(StackRevision revision) {
        StackRevision.Service first = revision.services().get(0);
        String imageId = apps.revisions(first.app()).stream().filter(r -> r.number() == first.revision())
                .map(Revision::imageId).findFirst().orElseThrow(() -> new RequestException("project: app '"
                        + first.app() + "' has no revision " + first.revision() + " to record in stack revision "
                        + revision.number()));
        Map<String, String> l = new HashMap<>();
        l.put(PROJECT, revision.project());
        l.put(ROLE, ROLE_STACK);
        l.put(STACK_REVISION, String.valueOf(revision.number()));
        l.put(CREATED, String.valueOf(revision.createdMillis()));
        try {
            l.put(STACK, JSON.writeValueAsString(revision.services()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stack revision is plain data", e);
        }
        engine.createMarker(stackName(revision.project(), revision.number()), imageId, l);
        List<Container> all = engine.labelled(PROJECT, revision.project()).stream()
                .filter(c -> ROLE_STACK.equals(c.getLabels().get(ROLE))).toList();
        for (Container c : all) {
            if (Integer.parseInt(c.getLabels().get(STACK_REVISION)) <= revision.number() - KEPT) {
                engine.remove(c.getId());
            }
        }
    }

    private static StackRevision read(String project, Map<String, String> l) {
        try {
            return new StackRevision(project, Integer.parseInt(l.get(STACK_REVISION)),
                    JSON.readValue(l.get(STACK), SERVICES), Long.parseLong(l.getOrDefault(CREATED, "0")));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stack record " + project + " r" + l.get(STACK_REVISION)
                    + " holds unreadable services", e);
        }
    }
}
