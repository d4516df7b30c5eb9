package io.jenkins.plugins.containerrollout.model;

import io.jenkins.plugins.containerrollout.core.image.BuildResult;
import io.jenkins.plugins.containerrollout.core.image.GitMetadata;
import io.jenkins.plugins.containerrollout.core.record.Operation;
import io.jenkins.plugins.containerrollout.core.record.Outcome;
import io.jenkins.plugins.containerrollout.core.record.RolloutMetrics;
import io.jenkins.plugins.containerrollout.core.record.RolloutRecord;
import io.jenkins.plugins.containerrollout.core.record.TimelineEvent;
import io.jenkins.plugins.containerrollout.core.report.ReportEntry;
import io.jenkins.plugins.containerrollout.core.report.SampleReport;
import io.jenkins.plugins.containerrollout.core.verify.OnFailure;
import io.jenkins.plugins.containerrollout.core.verify.TestCounts;
import io.jenkins.plugins.containerrollout.core.verify.VerificationResult;
import io.jenkins.plugins.containerrollout.core.verify.junit.CaseOutcome;
import io.jenkins.plugins.containerrollout.core.verify.junit.FailedCase;
import io.jenkins.plugins.containerrollout.core.verify.junit.JunitReport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Hand-made entries for the model tests: the sample delivery run (build, deploy, failed verification, rollback) plus
 * test results, with hostile text (markup, quotes, ampersands, non-ASCII) in the names a user controls.
 */
final class Entries {
    /** App, test and failure names a user controls: everything the views must escape. */
    static final String HOSTILE = "<script>alert('x')</script> & \"q\" Grüße ✓";
    static final Instant COMMIT_TIME = Instant.parse("2026-11-25T12:00:00Z");

    private Entries() {
    }

    /** The sample run's entries, its build carrying Git metadata, followed by a test-results entry. */
    static List<ReportEntry> sampleRun() {
        List<ReportEntry> entries = new ArrayList<>(SampleReport.create().entries());
        ReportEntry.Build build = (ReportEntry.Build) entries.get(0);
        BuildResult r = build.result();
        entries.set(0, new ReportEntry.Build(build.title(), new BuildResult(r.imageId(), r.tags(), r.digests(), r.labels(),
                r.contextBytes(), r.durationMillis(), new GitMetadata("9c41e07d2b8f5a6e13d0c7b4a9e2f8d1c6b3a5e0",
                        "https://git.example.com/shop/shop-web.git", COMMIT_TIME))));
        entries.add(tests(HOSTILE));
        return entries;
    }

    static ReportEntry.Tests tests(String name) {
        FailedCase failed = new FailedCase(name, name, name, 0.5, CaseOutcome.FAILED, "AssertionError", name, name + "\n\tat x");
        return new ReportEntry.Tests(name, new JunitReport(List.of("TEST-" + name + ".xml"), 1, 10, 8, 1, 0, 1, 0, 1.5,
                List.of(failed), 0));
    }

    /** A deploy of {@code app} with an empty timeline. */
    static ReportEntry.Rollout rollout(String app, Operation op, Outcome outcome, String image, long start, long duration) {
        return new ReportEntry.Rollout(new RolloutRecord(app, op, 3, 4, 4, image, "sha256:id", "sha256:digest", 2,
                "rolling", Map.of(), List.<TimelineEvent>of(), outcome, "done", start, start + duration,
                new RolloutMetrics(List.of(), 1.0, 1.0, 0.0, duration, -1)));
    }

    static ReportEntry.Verification verification(String name, boolean passed, int testsPassed, int testsFailed) {
        return new ReportEntry.Verification(new VerificationResult(name, passed, OnFailure.FAIL, passed ? 1 : 0,
                passed ? 0 : 1, 0, new TestCounts(testsPassed + testsFailed, testsPassed, testsFailed, 0, 0, 0), List.of(),
                1_000, 2_000));
    }
}
