package io.jenkins.plugins.containerrollout.core.report;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.containerrollout.core.record.Operation;
import io.jenkins.plugins.containerrollout.core.record.Outcome;
import io.jenkins.plugins.containerrollout.core.record.ReplicaDiagnosis;
import io.jenkins.plugins.containerrollout.core.record.RolloutRecord;
import io.jenkins.plugins.containerrollout.core.record.TimelineEvent;
import io.jenkins.plugins.containerrollout.core.record.TimelineEvent.Type;
import java.util.List;
import java.util.Map;
import org.junit.Test;

/** A failed rollout's report says why each replica failed, open at once; a successful one keeps it folded. */
public class DiagnosisViewTest {
    private static final long T = 1_700_000_000_000L;
    private static final ReplicaDiagnosis CRASHED = new ReplicaDiagnosis("web.r2.s1", 2, 1, T + 1200,
            "exited with code 3", 3L, false, null, List.of(), List.of("starting", "fatal: no DATABASE_URL"), false);

    private static String html(Outcome outcome, List<ReplicaDiagnosis> diagnoses) {
        List<TimelineEvent> events = List.of(new TimelineEvent(T + 100, Type.STARTED, 2, 1, 21001, ""),
                new TimelineEvent(T + 1200, Type.FAILED, 2, 1, 21001, "exited with code 3"));
        RolloutRecord r = new RolloutRecord("web", Operation.DEPLOY, 1, 2, 1, "img:2", "sha256:2", null, 1, "rolling",
                Map.of(), events, outcome, "revision 2 failed", T, T + 2000, null).withDiagnoses(diagnoses);
        StringBuilder out = new StringBuilder();
        DiagnosisView.render(out, r, "e1");
        return out.toString();
    }

    @Test
    public void aFailedRolloutShowsTheReasonExitCodeAndLastLinesOpen() {
        String html = html(Outcome.ROLLED_BACK, List.of(CRASHED));
        assertTrue(html, html.contains("<details class=\"diagnosis\" open>"));
        assertTrue(html, html.contains("exited with code 3"));
        assertTrue(html, html.contains("<dt>exit code</dt><dd>3</dd>"));
        assertTrue(html, html.contains("<dt>OOMKilled</dt><dd>no</dd>"));
        assertTrue(html, html.contains("starting\nfatal: no DATABASE_URL</pre>"));
        assertTrue(html, html.contains("+1.2 s") || html.contains("+1200"));
    }

    @Test
    public void aSuccessfulRolloutFoldsItsReplacedFailuresAndNoFailureShowsNothing() {
        assertFalse(html(Outcome.SUCCEEDED, List.of(CRASHED)).contains(" open>"));
        assertEquals("", html(Outcome.SUCCEEDED, List.of()));
    }
}
