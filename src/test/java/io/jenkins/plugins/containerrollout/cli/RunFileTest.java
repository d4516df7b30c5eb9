package io.jenkins.plugins.containerrollout.cli;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.containerrollout.core.image.BuildResult;
import io.jenkins.plugins.containerrollout.core.image.GitMetadata;
import io.jenkins.plugins.containerrollout.core.record.Outcome;
import io.jenkins.plugins.containerrollout.core.record.RolloutRecord;
import io.jenkins.plugins.containerrollout.core.report.DeliveryReport;
import io.jenkins.plugins.containerrollout.core.report.HtmlReport;
import io.jenkins.plugins.containerrollout.core.report.ReportEntry;
import io.jenkins.plugins.containerrollout.core.report.SampleReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.After;
import org.junit.Test;

/**
 * The run file keeps every kind of report entry exactly, one line each, across appends; a paused rollout that goes on
 * is one entry.
 */
public class RunFileTest {
    private Path file;

    @After
    public void delete() throws IOException {
        if (file != null) {
            Files.deleteIfExists(file);
        }
    }

    @Test
    public void everyKindOfEntrySurvivesTheFileAndRendersTheSamePage() throws IOException {
        file = Files.createTempFile("run", ".jsonl");
        DeliveryReport sample = SampleReport.create();
        List<ReportEntry> entries = new ArrayList<>(sample.entries());
        assertFalse("the sample has smoke-test results", sample.testReports().isEmpty());
        entries.add(new ReportEntry.Tests("unit tests", sample.testReports().get(0)));
        RunFile run = new RunFile(file);

        run.append(entries.subList(0, 2));
        run.append(entries.subList(2, entries.size()));

        assertEquals(entries.size(), Files.readAllLines(file).size());
        List<ReportEntry> back = run.read();
        assertEquals(entries, back);
        DeliveryReport again = new DeliveryReport(sample.title(), sample.generatedAtMillis(), sample.note(), back);
        DeliveryReport original = new DeliveryReport(sample.title(), sample.generatedAtMillis(), sample.note(), entries);
        assertEquals(HtmlReport.render(original), HtmlReport.render(again));
    }

    @Test
    public void aBuildFromAGitWorkTreeKeepsItsCommitTime() throws IOException {
        // A build inside a Git work tree carries the commit time (an Instant): the demo's first run file write.
        file = Files.createTempFile("run", ".jsonl");
        BuildResult plain = SampleReport.create().entriesOf(ReportEntry.Build.class).get(0).result();
        BuildResult fromGit = new BuildResult(plain.imageId(), plain.tags(), plain.digests(), plain.labels(),
                plain.contextBytes(), plain.durationMillis(),
                new GitMetadata("0123456789abcdef0123456789abcdef01234567", "https://example.com/app.git",
                        Instant.parse("2026-11-25T12:00:00Z")));
        RunFile run = new RunFile(file);

        run.append(List.of(new ReportEntry.Build("app", fromGit)));

        assertEquals(Instant.parse("2026-11-25T12:00:00Z"),
                ((ReportEntry.Build) run.read().get(0)).result().git().commitTime());
    }

    @Test
    public void aPromotedRolloutTakesThePlaceOfItsPausedEntry() throws IOException {
        file = Files.createTempFile("run", ".jsonl");
        RolloutRecord deploy = SampleReport.create().entriesOf(ReportEntry.Rollout.class).get(0).record();
        RolloutRecord paused = withOutcome(deploy, Outcome.PAUSED);
        ReportEntry build = SampleReport.create().entries().get(0);
        RunFile run = new RunFile(file);
        run.add(List.of(build, new ReportEntry.Rollout(paused)));
        RolloutRecord promoted = withOutcome(deploy, Outcome.SUCCEEDED);

        run.add(List.of(new ReportEntry.Rollout(promoted)));

        assertEquals("the paused entry's place, not a new one", List.of(build, new ReportEntry.Rollout(promoted)),
                run.read());
        RolloutRecord another = new RolloutRecord(deploy.app(), deploy.operation(), deploy.toRevision(),
                deploy.toRevision() + 1, deploy.toRevision() + 1, deploy.image(), deploy.imageId(), deploy.digest(),
                deploy.desiredReplicas(), deploy.strategy(), deploy.settings(), deploy.events(), Outcome.SUCCEEDED,
                "", deploy.startedAtMillis() + 60_000, deploy.finishedAtMillis() + 60_000, deploy.metrics());
        run.add(List.of(new ReportEntry.Rollout(another)));
        assertEquals("another rollout is appended", 3, run.read().size());
    }

    /** {@code r} ending with {@code outcome}: the same rollout (app, target revision, start) as far as a run goes. */
    static RolloutRecord withOutcome(RolloutRecord r, Outcome outcome) {
        return new RolloutRecord(r.app(), r.operation(), r.fromRevision(), r.toRevision(), r.servingRevision(),
                r.image(), r.imageId(), r.digest(), r.desiredReplicas(), r.strategy(), r.settings(), r.events(),
                outcome, r.message(), r.startedAtMillis(), r.finishedAtMillis(), r.metrics(), r.commit(),
                r.buildUrl(), r.analysis(), r.diagnoses(), null);
    }

    @Test
    public void aMissingFileIsAnEmptyRun() throws IOException {
        assertTrue(new RunFile(Path.of("/nonexistent/run.jsonl")).read().isEmpty());
    }
}
