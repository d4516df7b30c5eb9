package io.jenkins.plugins.containerrollout.core.deploy;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.Test;

/** The labels a stack revision is kept under, the same on every target, read back as they were written. */
public class StackRevisionTest {
    private final StackRevision revision = new StackRevision("shop", 3, List.of(
            new StackRevision.Service("api", "shop-api", 2, 21000), new StackRevision.Service("web", "shop-web", 1,
                    21010)), 1_700_000_000_000L);

    @Test
    public void labelsReadBackAsTheSameRevision() {
        Map<String, String> labels = revision.labels();
        assertEquals("shop", labels.get(AppLabels.PROJECT));
        assertEquals(AppLabels.ROLE_STACK, labels.get(AppLabels.ROLE));
        assertEquals("3", labels.get(AppLabels.STACK_REVISION));
        assertEquals(revision, StackRevision.fromLabels(labels));
    }

    @Test
    public void labelsOfAnythingElseAreNoStackRevision() {
        assertNull(StackRevision.fromLabels(Map.of(AppLabels.PROJECT, "shop", AppLabels.ROLE, AppLabels.ROLE_REPLICA)));
        assertNull(StackRevision.fromLabels(null));
    }

    @Test
    public void unreadableServicesAreAnEngineStateErrorNamingTheRecord() {
        Map<String, String> labels = new HashMap<>(revision.labels());
        labels.put(AppLabels.STACK, "[{\"name\":");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> StackRevision.fromLabels(labels));
        assertTrue(e.getMessage(), e.getMessage().startsWith("stack record shop r3 holds unreadable labels"));
    }
}
