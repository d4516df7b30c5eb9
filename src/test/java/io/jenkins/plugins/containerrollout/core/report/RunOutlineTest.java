package io.jenkins.plugins.containerrollout.core.report;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.Test;

/**
 * Which entry the header names as the cause, what folds, which revision a verification checked: on the sample run
 * (build, deploy 6 → 7, failed verification, rollback 7 → 6) and on the runs one step shorter.
 */
public class RunOutlineTest {
    private static final List<ReportEntry> SAMPLE = SampleReport.create().entries();

    private static RunOutline outline(List<ReportEntry> entries) {
        return RunOutline.of(DeliveryReport.of("t", entries));
    }

    /** The outline of {@code entries}, checked to name {@code cause} and to say {@code why} in its why line. */
    private static RunOutline expect(List<ReportEntry> entries, int cause, String why) {
        RunOutline o = outline(entries);
        assertEquals(cause, o.cause());
        assertTrue(o.why(), o.why().contains(why));
        return o;
    }

    private static List<ReportEntry> without(int index) {
        List<ReportEntry> out = new ArrayList<>(SAMPLE);
        out.remove(index);
        return out;
    }

    @Test
    public void aRollbackAfterAFailedVerificationIsCausedByIt() {
        RunOutline o = outline(SAMPLE);
        assertEquals(2, o.cause());
        assertTrue(o.folded(0));
        assertTrue(o.folded(1));
        assertFalse("the cause stays open", o.folded(2));
        assertFalse("what follows the cause stays open", o.folded(3));
        assertEquals("the verification checked what the deploy before it left serving", 7, o.checkedRevision(2));
        assertFalse("a rollout followed it", o.checksTheEnd(2));
        assertTrue(o.why(), o.why().startsWith("Revision 7 was rolled back to revision 6: its verification failed: "
                + "orders traffic \u2013 188/200 ok"));
    }

    @Test
    public void aFailedVerificationWithoutRollbackIsTheCauseAndRevisionSevenStillServes() {
        assertTrue(expect(without(3), 2, "Revision 7 is serving, but its verification failed: orders traffic")
                .checksTheEnd(2));
    }

    @Test
    public void aRollbackAskedForWithoutFailureIsItsOwnCause() {
        assertTrue(expect(without(2), 2, "(asked for, not caused by a failure in this run).").folded(1));
    }

    @Test
    public void aRunWithoutRolloutIsCausedByItsFirstFailedEntry() {
        RunOutline o = expect(List.of(SAMPLE.get(0), SAMPLE.get(2)), 1, "Verification failed: orders traffic");
        assertEquals("no rollout before it", 0, o.checkedRevision(1));
    }
}
