package io.jenkins.plugins.containerrollout.core.deploy.docker;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.containerrollout.core.deploy.CanaryAnalysis;
import io.jenkins.plugins.containerrollout.core.deploy.CanaryPlan;
import io.jenkins.plugins.containerrollout.core.deploy.RolloutStrategy;
import io.jenkins.plugins.containerrollout.core.health.ProbeSettings;
import io.jenkins.plugins.containerrollout.core.record.PauseInfo;
import io.jenkins.plugins.containerrollout.core.report.SampleCanaryReport;
import io.jenkins.plugins.containerrollout.core.report.ReportEntry;
import org.junit.Test;

/** What a paused rollout keeps in its label comes back whole, and nothing but the project's plain data comes back. */
public class PausedRolloutTest {
    @Test
    public void aPausedCanaryComesBackWithItsStrategyProbeAndRecord() {
        RolloutStrategy canary = RolloutStrategy.canary(CanaryPlan.defaults()
                .withSteps(CanaryPlan.parseSteps("10:manual,50:60")).withAnalysis(new CanaryAnalysis.Synthetic()))
                .withProgressDeadlineSeconds(90);
        var record = ((ReportEntry.Rollout) SampleCanaryReport.create().entries().get(7)).record();
        PauseInfo info = new PauseInfo("canary", 1, 2, 10, 3, 2, 1_700_000_000_000L, null, "https://ci/job/a/7/");
        PausedRollout paused = new PausedRollout(info, canary, ProbeSettings.defaults(), 5, record.withPause(info));

        String label = paused.encode();
        assertTrue("a label, not a blob: " + label.length() + " characters", label.matches("[A-Za-z0-9+/=]+"));
        assertEquals(paused, PausedRollout.decode(label));
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void aLabelHoldingAnyOtherClassIsRefusedUnread() throws Exception {
        var record = ((ReportEntry.Rollout) SampleCanaryReport.create().entries().get(7)).record();
        java.util.Map settings = new java.util.HashMap(record.settings());
        settings.put("smuggled", new java.net.URL("http://127.0.0.1/")); // a JDK class the filter does not admit
        var tampered = new io.jenkins.plugins.containerrollout.core.record.RolloutRecord(record.app(),
                record.operation(), record.fromRevision(), record.toRevision(), record.servingRevision(),
                record.image(), record.imageId(), record.digest(), record.desiredReplicas(), record.strategy(), settings,
                record.events(), record.outcome(), record.message(), record.startedAtMillis(),
                record.finishedAtMillis(), record.metrics());
        PauseInfo info = new PauseInfo("canary", 1, 1, 10, 3, 2, 0, null, null);
        String label = new PausedRollout(info, RolloutStrategy.canary(CanaryPlan.defaults()), ProbeSettings.defaults(),
                5, tampered).encode();
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> PausedRollout.decode(label));
        assertTrue(refused.getMessage(), refused.getMessage().contains("roll the application back to abort it"));
        assertThrows(IllegalStateException.class, () -> PausedRollout.decode("not base64 at all!"));
    }

    @Test
    public void itSaysWhereItHoldsAndForHowLong() {
        PauseInfo canary = new PauseInfo("canary", 1, 2, 10, 3, 2, 0, null, null);
        assertEquals("canary step 1 of 2: revision 3 at weight 10 %, revision 2 serves the rest", canary.describe());
        assertEquals("3 min 20 s", canary.pausedFor(200_000));
        assertEquals("2 h 5 min", canary.pausedFor(7_500_000));
        PauseInfo preview = new PauseInfo("blueGreen", 0, 0, 0, 3, 2, 0, "http://127.0.0.1:8081", null);
        assertEquals("blueGreen: revision 3 is up, serving only on the preview http://127.0.0.1:8081; revision 2 "
                + "serves production", preview.describe());
    }
}
