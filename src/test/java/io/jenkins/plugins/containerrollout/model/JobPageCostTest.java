package io.jenkins.plugins.containerrollout.model;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import hudson.model.Action;
import io.jenkins.plugins.containerrollout.core.record.Operation;
import io.jenkins.plugins.containerrollout.core.record.Outcome;
import java.io.File;
import java.util.List;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * What the job page costs: Jenkins creates a {@link JobRolloutAction} per page view through the factory, and the page
 * reads it twice ({@code floatingBox.jelly} and {@code jobMain.jelly}). Counted in build reads (actions looked up,
 * previous builds followed) on a job of {@link FakeRun}s.
 */
public class JobPageCostTest {
    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    /** One job page: a fresh action from the factory, read by both views. */
    private static boolean view(FakeJob job) {
        List<? extends Action> actions = List.copyOf(new JobRolloutAction.Factory().createFor(job));
        JobRolloutAction floatingBox = (JobRolloutAction) actions.get(0);
        JobRolloutAction jobMain = (JobRolloutAction) List.copyOf(new JobRolloutAction.Factory().createFor(job)).get(0);
        boolean charts = floatingBox.isHasData();
        boolean dora = jobMain.isHasData() && !jobMain.getDora().isEmpty();
        assertEquals(charts, jobMain.isHasData());
        return charts || dora;
    }

    @Test
    public void aJobThatNeverUsedTheStepsCostsNoBuildReadOncePagesKnowIt() throws Exception {
        FakeJob job = FakeJob.withBuilds(50, folder.getRoot());
        assertFalse(view(job));
        job.resetTouched();

        for (int i = 0; i < 3; i++) {
            assertFalse(view(job));
        }

        assertEquals("builds read by three more page views", 0, job.touched());
    }

    @Test
    public void theFirstViewReadsOnlyTheWindowOnce() throws Exception {
        FakeJob job = FakeJob.withBuilds(120, folder.getRoot());

        assertFalse(view(job));

        assertTrue("read " + job.touched(), job.touched() <= 2 * JobRolloutAction.BUILDS);
    }

    @Test
    public void aNewBuildIsReadAloneThenTheJobIsKnownAgain() throws Exception {
        FakeJob job = FakeJob.withBuilds(50, folder.getRoot());
        view(job);
        job.newBuild(folder.getRoot());
        job.resetTouched();

        assertFalse(view(job));
        assertTrue("read " + job.touched(), job.touched() <= 2);
        job.resetTouched();
        assertFalse(view(job));
        assertEquals(0, job.touched());
    }

    @Test
    public void aBuildThatRecordsShowsOnTheNextView() throws Exception {
        FakeJob job = FakeJob.withBuilds(50, folder.getRoot());
        FakeRun running = job.newBuild(folder.getRoot());
        assertFalse("the running build has recorded nothing yet", view(job));

        RolloutAction.record(running, Entries.rollout("web", Operation.DEPLOY, Outcome.SUCCEEDED, "i", 1_000, 2_000));

        assertTrue(view(job));
        JobRolloutAction action = new JobRolloutAction(job);
        assertEquals("web", action.getDora().get(0).getApp());
        assertEquals(1, action.getDora().get(0).getDeploys());
    }

    @Test
    public void buildsOutsideTheWindowDropOutAsNewOnesArrive() throws Exception {
        FakeJob job = FakeJob.withBuilds(1, folder.getRoot());
        File root = folder.getRoot();
        RolloutAction.record(job.newBuild(root), Entries.rollout("web", Operation.DEPLOY, Outcome.SUCCEEDED, "i", 0, 1));
        assertTrue(view(job));

        for (int i = 0; i < JobRolloutAction.BUILDS; i++) {
            job.newBuild(root);
            view(job); // each view reads only the new build
        }

        assertFalse("build #2 is now 51 builds back", view(job));
    }
}
