package io.jenkins.plugins.containerrollout.core.report;

import io.jenkins.plugins.containerrollout.core.build.BuildResult;
import io.jenkins.plugins.containerrollout.core.record.RolloutRecord;
import io.jenkins.plugins.containerrollout.core.verify.junit.JunitReport;
import java.util.List;
import java.util.Optional;

/**
 * The top of the report: title, outcome badge and the facts a reader looks for first – app, revisions, image and
 * digest, the commit (from the build's OCI revision label) – plus a table of contents.
 */
final class ReportHeader {
    private ReportHeader() {
    }

    static void render(StringBuilder out, DeliveryReport report, List<String> anchors) {
        Optional<RolloutRecord> rollout = report.lastRollout().map(ReportEntry.Rollout::record);
        Optional<BuildResult> build = report.entriesOf(ReportEntry.Build.class).stream().findFirst()
                .map(ReportEntry.Build::result);
        out.append("<header>");
        if (!report.note().isEmpty()) {
            out.append("<p class=\"banner\" role=\"note\">").append(Html.text(report.note())).append("</p>");
        }
        out.append("<h1>").append(Html.text(report.title())).append(' ');
        if (rollout.isPresent()) {
            out.append(Badge.of(rollout.get().outcome()));
        } else {
            List<ReportEntry.Tests> tests = report.entriesOf(ReportEntry.Tests.class);
            if (!tests.isEmpty()) {
                out.append(Badge.tests(tests.stream().allMatch(t -> t.report().successful())));
            }
        }
        out.append("</h1>");
        if (rollout.isPresent()) {
            out.append("<p class=\"lead\">").append(Html.text(rollout.get().message())).append("</p>");
        }
        Facts facts = Facts.open(out, "facts head");
        rollout.ifPresent(r -> facts.add("app", r.app())
                .add("revision", r.fromRevision() + " \u2192 " + r.toRevision()
                        + (r.servingRevision() != r.toRevision() ? " (serving " + r.servingRevision() + ")" : ""))
                .add("image", r.image())
                .add("digest", Format.shortDigest(digest(r, build)), digest(r, build)));
        if (rollout.isEmpty()) {
            build.ifPresent(b -> facts.add("image", b.tags().isEmpty() ? "" : b.tags().get(0))
                    .add("image id", Format.shortDigest(b.imageId()), b.imageId()));
        }
        build.ifPresent(b -> {
            String commit = b.labels().getOrDefault(BuildSection.REVISION_LABEL, "");
            facts.add("commit", commit.length() > 12 ? commit.substring(0, 12) : commit, commit);
        });
        int tests = 0;
        int failing = 0;
        for (ReportEntry.Tests t : report.entriesOf(ReportEntry.Tests.class)) {
            JunitReport j = t.report();
            tests += j.tests();
            failing += j.failed() + j.errors();
        }
        if (tests > 0) {
            facts.add("tests", tests + " run, " + failing + " failing");
        }
        facts.add("report made", Format.instant(report.generatedAtMillis()));
        facts.close();
        if (anchors.size() > 1) {
            out.append("<nav aria-label=\"Contents\"><ol>");
            for (String a : anchors) {
                out.append("<li>").append(a).append("</li>");
            }
            out.append("</ol></nav>");
        }
        out.append("</header>");
    }

    /** The rollout's registry digest, else the digest the build pushed for that image, else the local image id. */
    private static String digest(RolloutRecord r, Optional<BuildResult> build) {
        if (r.digest() != null && !r.digest().isEmpty()) {
            return r.digest();
        }
        return build.map(b -> b.digests().get(r.image())).orElse(r.imageId());
    }
}
