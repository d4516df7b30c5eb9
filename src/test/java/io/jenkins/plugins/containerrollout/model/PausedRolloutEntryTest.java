package io.jenkins.plugins.containerrollout.model;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;

import io.jenkins.plugins.containerrollout.core.record.Operation;
import io.jenkins.plugins.containerrollout.core.record.Outcome;
import io.jenkins.plugins.containerrollout.core.record.PauseInfo;
import io.jenkins.plugins.containerrollout.core.record.RolloutRecord;
import io.jenkins.plugins.containerrollout.core.report.ReportEntry;
import java.io.File;
import java.util.List;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * A paused rollout continued in the same build (a promote, or a rollback that aborts it, issue #15) is one entry on
 * the build page: the continued record (same app, target revision and start) replaces the PAUSED one, in the summary
 * and in the entries file. A rollout promoted by another build than the one that started it links that build.
 */
public class PausedRolloutEntryTest {
    private static final long STARTED = 5_000;

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private static ReportEntry.Rollout rollout(Outcome outcome, long start, String buildUrl) {
        RolloutRecord r = Entries.rollout("web", Operation.DEPLOY, outcome, "web:4", start, 1_000).record();
        RolloutRecord withBuild = r.withTarget(null, buildUrl);
        return new ReportEntry.Rollout(outcome == Outcome.PAUSED ? withBuild.withPause(
                new PauseInfo("canary", 1, 2, 10, 4, 3, start + 900, null, buildUrl)) : withBuild);
    }

    private RolloutAction action(File dir) {
        RolloutAction action = new RolloutAction();
        action.attach(null, dir);
        return action;
    }

    @Test
    public void aPromotedRolloutReplacesItsPausedEntry() throws Exception {
        RolloutAction action = action(folder.newFolder("7"));
        action.add(Entries.tests("unit"));
        action.add(rollout(Outcome.PAUSED, STARTED, null));
        action.add(rollout(Outcome.SUCCEEDED, STARTED, null));

        assertEquals(1, action.getRolloutCount());
        RolloutSummary s = action.getRollouts().get(0);
        assertEquals("succeeded", s.getOutcome());
        assertEquals(1, s.getEntryIndex());
        List<ReportEntry> entries = action.entries();
        assertEquals(2, entries.size());
        assertEquals(Outcome.SUCCEEDED, ((ReportEntry.Rollout) entries.get(1)).record().outcome());
    }

    @Test
    public void theReplacementIsWhatTheFileHoldsAfterALoad() throws Exception {
        File dir = folder.newFolder("8");
        RolloutAction action = action(dir);
        action.add(rollout(Outcome.PAUSED, STARTED, null));
        action.add(rollout(Outcome.ABORTED, STARTED, null));
        List<ReportEntry> read = new EntryStore(dir).entries();
        assertEquals(1, read.size());
        assertEquals(Outcome.ABORTED, ((ReportEntry.Rollout) read.get(0)).record().outcome());
    }

    @Test
    public void anotherRolloutOfTheAppIsAnEntryOfItsOwn() throws Exception {
        RolloutAction action = action(folder.newFolder("9"));
        action.add(rollout(Outcome.PAUSED, STARTED, null));
        action.add(rollout(Outcome.SUCCEEDED, STARTED + 1, null));
        assertEquals(2, action.getRolloutCount());
        assertEquals("paused", action.getRollouts().get(0).getOutcome());
    }

    @Test
    public void aPausedRolloutIsNotAFailedChange() throws Exception {
        RolloutAction action = action(folder.newFolder("10"));
        action.add(rollout(Outcome.PAUSED, STARTED, null));
        assertFalse(action.getRollouts().get(0).isFailed());
        assertFalse(action.isChangeFailed());
    }

    @Test
    public void aRolloutStartedByAnotherBuildLinksIt() throws Exception {
        String started = "https://jenkins.example.com/job/shop/7/";
        assertEquals(started, Summaries.startedElsewhere(rollout(Outcome.SUCCEEDED, STARTED, started), "job/shop/9/"));
        assertEquals("", Summaries.startedElsewhere(rollout(Outcome.SUCCEEDED, STARTED, started), "job/shop/7/"));
        assertEquals("no build known", "", Summaries.startedElsewhere(rollout(Outcome.SUCCEEDED, STARTED, null), "job/shop/9/"));
        assertEquals("never a script URL", "",
                Summaries.startedElsewhere(rollout(Outcome.SUCCEEDED, STARTED, "javascript:alert(1)"), "job/shop/9/"));
        ReportEntry.Rollout rollback = new ReportEntry.Rollout(Entries.rollout("web", Operation.ROLLBACK,
                Outcome.SUCCEEDED, "web:3", STARTED, 1_000).record().withTarget(null, started));
        assertEquals("a rollback names the restored revision's build, not a start", "",
                Summaries.startedElsewhere(rollback, "job/shop/9/"));
    }

    @Test
    public void theBuildPageSummaryCarriesTheLinkWhenTheOwnerIsAnotherBuild() throws Exception {
        File dir = folder.newFolder("job");
        FakeRun run = FakeJob.withBuilds(8, dir).newBuild(dir); // #9, at job/shop/9/
        RolloutAction.record(run, rollout(Outcome.SUCCEEDED, STARTED, "https://jenkins.example.com/job/shop/7/"));
        RolloutAction.record(run, rollout(Outcome.SUCCEEDED, STARTED + 5, "https://jenkins.example.com/job/shop/9/"));
        List<RolloutSummary> rollouts = ((RolloutAction) run.getAction(RolloutAction.class)).getRollouts();
        assertEquals("https://jenkins.example.com/job/shop/7/", rollouts.get(0).getStartedBy());
        assertEquals("", rollouts.get(1).getStartedBy());
    }
}
