package io.jenkins.plugins.containerrollout.core.report;

import io.jenkins.plugins.containerrollout.core.image.BuildResult;
import io.jenkins.plugins.containerrollout.core.record.Operation;
import io.jenkins.plugins.containerrollout.core.record.RolloutRecord;
import io.jenkins.plugins.containerrollout.core.verify.CheckResult;
import io.jenkins.plugins.containerrollout.core.verify.VerificationResult;
import io.jenkins.plugins.containerrollout.core.verify.junit.JunitReport;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The top of the report: title, outcome badge and the facts a reader looks for first – app, revisions, image and
 * digest, the commit (from the build's OCI revision label, else from the deployed revision) – plus a table of contents.
 */
final class ReportHeader {
    private ReportHeader() {
    }

    static void render(StringBuilder out, DeliveryReport report, List<String> anchors) {
        Optional<RolloutRecord> rollout = report.lastRollout().map(ReportEntry.Rollout::record);
        // the change being delivered: the last deploy (a later rollback only decides what serves in the end); a run
        // that deploys several versions is judged by its newest change
        Optional<RolloutRecord> change = report.entriesOf(ReportEntry.Rollout.class).stream()
                .map(ReportEntry.Rollout::record).filter(r -> r.operation() == Operation.DEPLOY)
                .reduce((first, second) -> second).or(() -> rollout);
        List<BuildResult> builds = report.entriesOf(ReportEntry.Build.class).stream().map(ReportEntry.Build::result)
                .toList();
        // the build that made the change's image, else the last build of the run
        Optional<BuildResult> build = change.flatMap(c -> builds.stream().filter(b -> b.tags().contains(c.image()))
                .reduce((first, second) -> second)).or(() -> builds.stream().reduce((first, second) -> second));
        out.append("<header>");
        if (!report.note().isEmpty()) {
            out.append("<p class=\"banner\" role=\"note\">").append(Html.text(report.note())).append("</p>");
        }
        out.append("<h1>").append(Html.text(report.title())).append(' ');
        report.outcome().ifPresent(o -> out.append(Badge.of(o)));
        List<ReportEntry.Verification> verifications = report.entriesOf(ReportEntry.Verification.class);
        if (!verifications.isEmpty()) {
            out.append(Badge.verification(verifications.get(verifications.size() - 1).result().passed()));
        } else if (rollout.isEmpty() && !report.testReports().isEmpty()) {
            out.append(Badge.tests(report.testReports().stream().allMatch(JunitReport::successful)));
        }
        out.append("</h1>");
        verifications.stream().map(ReportEntry.Verification::result).filter(v -> !v.passed()).findFirst()
                .ifPresent(v -> out.append("<p class=\"lead\">").append(Html.text(verificationLine(v))).append("</p>"));
        rollout.ifPresent(r -> out.append("<p class=\"lead\">").append(Html.text(
                (r.operation() == Operation.ROLLBACK ? "Rolled back to revision " + r.toRevision() + ": " : "")
                        + Objects.toString(r.message(), ""))).append("</p>"));
        facts(out, report, rollout, change, build);
        if (anchors.size() > 1) {
            out.append("<nav aria-label=\"Contents\"><ol>");
            for (String a : anchors) {
                out.append("<li>").append(a).append("</li>");
            }
            out.append("</ol></nav>");
        }
        out.append("</header>");
    }

    private static void facts(StringBuilder out, DeliveryReport report, Optional<RolloutRecord> rollout,
            Optional<RolloutRecord> change, Optional<BuildResult> build) {
        Facts facts = Facts.open(out, "facts head");
        int serving = rollout.map(RolloutRecord::servingRevision).orElse(0);
        change.ifPresent(r -> facts.add("app", r.app())
                .add("revision", Format.revisions(r)
                        + (serving != r.toRevision() ? " (serving " + serving + ")" : ""))
                .add("image", r.image())
                .add("digest", Format.shortDigest(digest(r, build)), digest(r, build)));
        if (rollout.isEmpty()) {
            build.ifPresent(b -> facts.add("image", b.tags().isEmpty() ? "" : b.tags().get(0))
                    .add("image id", Format.shortDigest(b.imageId()), b.imageId()));
        }
        // the build's OCI revision label, else (a run that deployed an image built elsewhere) the deployed revision's
        Optional<String> commit = build.map(b -> b.labels().getOrDefault(BuildSection.REVISION_LABEL, ""))
                .or(() -> change.map(RolloutRecord::commit).filter(c -> !c.isEmpty()));
        commit.ifPresent(c -> facts.add("commit", c.length() > 12 ? c.substring(0, 12) : c, c));
        int tests = 0;
        int failing = 0;
        for (JunitReport j : report.testReports()) {
            tests += j.tests();
            failing += j.failed() + j.errors();
        }
        if (tests > 0) {
            facts.add("tests", tests + " run, " + failing + " failing");
        }
        if (!report.entriesOf(ReportEntry.Rollout.class).isEmpty()) {
            facts.add("failed change", report.changeFailed() ? "yes (counts in the change failure rate)" : "no");
        }
        facts.add("report made", Format.instant(report.generatedAtMillis()));
        facts.close();
    }

    /** The rollout's registry digest, else the digest the build pushed for that image, else the local image id. */
    private static String digest(RolloutRecord r, Optional<BuildResult> build) {
        if (r.digest() != null && !r.digest().isEmpty()) {
            return r.digest();
        }
        return build.map(b -> b.digests().get(r.image())).orElse(r.imageId());
    }

    /** "Verification failed: orders traffic (188/200 ok ...), smoke (exit 1; ...)": the failed checks and why. */
    private static String verificationLine(VerificationResult v) {
        StringBuilder line = new StringBuilder("Verification failed: ");
        List<CheckResult> failures = v.failures();
        for (int i = 0; i < Math.min(3, failures.size()); i++) {
            CheckResult c = failures.get(i);
            line.append(i == 0 ? "" : "; ").append(c.name()).append(" \u2013 ").append(Html.clip(c.summary(), 160));
        }
        if (failures.size() > 3) {
            line.append("; and ").append(failures.size() - 3).append(" more");
        }
        return line.toString();
    }
}
