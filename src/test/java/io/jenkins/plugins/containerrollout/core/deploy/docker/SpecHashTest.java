package io.jenkins.plugins.containerrollout.core.deploy.docker;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;

import io.jenkins.plugins.containerrollout.core.deploy.ContainerHealthcheck;
import io.jenkins.plugins.containerrollout.core.deploy.ReplicaSpec;
import java.util.List;
import org.junit.Test;

/**
 * The spec hash decides whether a deploy makes a new revision: a spec without a healthcheck hashes as it did before
 * the field existed (so an upgrade does not turn a re-deploy of the same spec into a new revision), and a healthcheck
 * makes a different revision.
 */
public class SpecHashTest {
    private static final ReplicaSpec SPEC = ReplicaSpec.of("127.0.0.1:5000/web:7");

    @Test
    public void aSpecWithoutHealthcheckHashesAsBeforeTheFieldExisted() {
        assertFalse(EngineState.toJson(SPEC), EngineState.toJson(SPEC).contains("healthcheck"));
        // the hash recorded by the version before the field, for this very spec, image id and probe path
        assertEquals("075398ea3b17766e", EngineState.specHash(SPEC, "sha256:1", "/"));
    }

    @Test
    public void theStacksProjectLabelChangesNoRevision() {
        ReplicaSpec inStack = SPEC.withLabels(java.util.Map.of(
                io.jenkins.plugins.containerrollout.core.deploy.AppLabels.PROJECT, "shop"));
        assertEquals(EngineState.specHash(SPEC, "sha256:1", "/"), EngineState.specHash(inStack, "sha256:1", "/"));
        assertNotEquals("other labels do", EngineState.specHash(SPEC, "sha256:1", "/"),
                EngineState.specHash(SPEC.withLabels(java.util.Map.of("tier", "web")), "sha256:1", "/"));
    }

    @Test
    public void aHealthcheckMakesAnotherRevision() {
        ReplicaSpec checked = SPEC.withHealthcheck(new ContainerHealthcheck(List.of("CMD", "true"), 1000, 0, 0, 0));
        assertNotEquals(EngineState.specHash(SPEC, "sha256:1", "/"), EngineState.specHash(checked, "sha256:1", "/"));
    }
}
