package io.jenkins.plugins.containerrollout.core.report;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.containerrollout.core.verify.SmokeTestEvidence;
import java.util.List;
import org.junit.Test;

/** A smoke-test container killed for its memory limit, or refused by the engine, says so in the report (issue #14). */
public class SmokeEvidenceViewTest {
    private static String html(SmokeTestEvidence e) {
        StringBuilder out = new StringBuilder();
        EvidenceView.render(out, e);
        return out.toString();
    }

    @Test
    public void anOomKilledContainerAndTheEnginesErrorAreShown() {
        String html = html(new SmokeTestEvidence("smoke:1", "smoke-1", "http://127.0.0.1:1", 137, false, "allocating",
                List.of(), null, "no report", true, "exec: <nope> not found"));
        assertTrue(html, html.contains("137 (OOMKilled: it exceeded its memory limit)"));
        assertTrue(html, html.contains("exec: &lt;nope&gt; not found"));
    }

    @Test
    public void aPlainExitShowsNoOomNote() {
        String html = html(new SmokeTestEvidence("smoke:1", "smoke-1", "http://127.0.0.1:1", 1, false, "", List.of(),
                null, "no report"));
        assertFalse(html, html.contains("OOMKilled") || html.contains("engine error"));
    }
}
