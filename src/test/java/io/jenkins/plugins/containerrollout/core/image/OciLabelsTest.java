package io.jenkins.plugins.containerrollout.core.image;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.Test;

/** The OCI labels we add, and that the user's own labels win. */
public class OciLabelsTest {
    private static final GitMetadata GIT = new GitMetadata("a".repeat(40), "https://example.test/org/app.git",
            Instant.parse("2026-01-02T03:04:05Z"));

    @Test
    public void addsCreatedRevisionSourceAndVersion() {
        Map<String, String> labels = OciLabels.compose(Map.of(), Optional.of(GIT), "1.2.3", Instant.parse("2026-11-25T10:11:12.345Z"));
        assertEquals("2026-11-25T10:11:12Z", labels.get(OciLabels.CREATED));
        assertEquals("a".repeat(40), labels.get(OciLabels.REVISION));
        assertEquals("https://example.test/org/app.git", labels.get(OciLabels.SOURCE));
        assertEquals("1.2.3", labels.get(OciLabels.VERSION));
    }

    @Test
    public void userLabelsOverrideOurs() {
        Map<String, String> labels = OciLabels.compose(Map.of(OciLabels.SOURCE, "https://mirror.test/app"), Optional.of(GIT),
                null, Instant.now());
        assertEquals("https://mirror.test/app", labels.get(OciLabels.SOURCE));
    }

    @Test
    public void leavesOutWhatIsUnknown() {
        Map<String, String> labels = OciLabels.compose(Map.of(), Optional.empty(), null, Instant.now());
        assertEquals(1, labels.size());
        assertFalse(labels.containsKey(OciLabels.REVISION));
    }
}
