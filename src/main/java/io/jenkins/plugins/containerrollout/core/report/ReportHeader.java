package io.jenkins.plugins.containerrollout.core.report;

import io.jenkins.plugins.containerrollout.core.image.BuildResult;
import io.jenkins.plugins.containerrollout.core.record.Operation;
import io.jenkins.plugins.containerrollout.core.record.RolloutRecord;
import io.jenkins.plugins.containerrollout.core.verify.junit.JunitReport;
import java.util.List;
import java.util.Optional;

/**
 * The top of the report: title, outcome badge and the facts a reader looks for first – app, revisions, image and
 * digest, the commit (from the build's OCI revision label, else from the deployed revision) – plus a table of contents.
 */
final class ReportHeader {
    /** The OCI label naming the source repository, the commit link's base when the build has no Git remote. */
    static final String SOURCE_LABEL = "org.opencontainers.image.source";

    private ReportHeader() {
    }

    static void render(StringBuilder out, DeliveryReport report, RunOutline outline, List<String> headings) {
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
        // one verdict only: a verification's badge stands beside the outcome only if it checked what serves at the
        // end; an earlier one (another revision, or the one rolled back) is told in the line below or its section
        List<ReportEntry> entries = report.entries();
        int lastVerification = -1;
        for (int i = 0; i < entries.size(); i++) {
            lastVerification = entries.get(i) instanceof ReportEntry.Verification ? i : lastVerification;
        }
        if (lastVerification >= 0 && outline.checksTheEnd(lastVerification)) {
            out.append(Badge.verification(((ReportEntry.Verification) entries.get(lastVerification)).result().passed()));
        } else if (rollout.isEmpty() && lastVerification < 0 && !report.testReports().isEmpty()) {
            out.append(Badge.tests(report.testReports().stream().allMatch(JunitReport::successful)));
        }
        out.append("</h1>");
        String why = outline.why();
        int cause = outline.cause();
        if (!why.isEmpty() || cause >= 0) {
            out.append("<p class=\"lead").append(cause >= 0 ? " why" : "").append("\">").append(Html.text(why));
            if (cause >= 0) {
                out.append(" <a class=\"cause\" href=\"#e").append(cause).append("\">\u2193 ")
                        .append(Html.text(headings.get(cause))).append("</a>");
            }
            out.append("</p>");
        }
        facts(out, report, rollout, change, build);
        if (headings.size() > 1) {
            out.append("<nav aria-label=\"Contents\"><ol>");
            for (int i = 0; i < headings.size(); i++) {
                out.append("<li><a href=\"#e").append(i).append("\">").append(Html.text(headings.get(i))).append("</a>")
                        .append(i == cause ? " <strong>(the cause)</strong>" : "").append("</li>");
            }
            out.append("</ol></nav>");
        }
        out.append("</header>");
    }

    private static void facts(StringBuilder out, DeliveryReport report, Optional<RolloutRecord> rollout,
            Optional<RolloutRecord> change, Optional<BuildResult> build) {
        Facts facts = Facts.open(out, "facts head");
        int serving = rollout.map(RolloutRecord::servingRevision).orElse(0);
        change.ifPresent(r -> {
            facts.add("app", r.app()).add("revision", Format.revisions(r)
                    + (serving != r.toRevision() ? " (serving " + serving + ")" : ""));
            linked(facts, "image", r.image(), Links.image(r.image()));
            facts.add("digest", Format.shortDigest(digest(r, build)), digest(r, build));
        });
        if (rollout.isEmpty()) {
            build.ifPresent(b -> facts.add("image", b.tags().isEmpty() ? "" : b.tags().get(0))
                    .add("image id", Format.shortDigest(b.imageId()), b.imageId()));
        }
        // the build's OCI revision label, else (a run that deployed an image built elsewhere) the deployed revision's
        Optional<String> commit = build.map(b -> b.labels().getOrDefault(BuildSection.REVISION_LABEL, ""))
                .filter(c -> !c.isEmpty()).or(() -> build.map(b -> b.git() == null ? null : b.git().commit()))
                .or(() -> change.map(RolloutRecord::commit).filter(c -> !c.isEmpty()));
        // where the commit lives: the build's Git remote (credentials already removed), else its OCI source label
        Optional<String> source = build.map(b -> b.git() != null && b.git().remoteUrl() != null ? b.git().remoteUrl()
                : b.labels().get(SOURCE_LABEL));
        commit.ifPresent(c -> {
            String shown = c.length() > 12 ? c.substring(0, 12) : c;
            Optional<String> url = source.flatMap(s -> Links.commit(s, c));
            if (url.isPresent()) {
                facts.addMarkup("commit", "<span title=\"" + Html.attr(c) + "\">" + Links.anchor(url.get(), shown)
                        + "</span>");
            } else {
                facts.add("commit", shown, c);
            }
        });
        change.ifPresent(r -> Links.deployedBy(facts, r.buildUrl(), r.toRevision()));
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

    /** A fact whose value links out when a URL could be formed, else plain text. */
    private static void linked(Facts facts, String name, String text, Optional<String> url) {
        if (url.isPresent() && text != null && !text.isEmpty()) {
            facts.addMarkup(name, Links.anchor(url.get(), text));
        } else {
            facts.add(name, text);
        }
    }

    /** The rollout's registry digest, else the digest the build pushed for that image, else the local image id. */
    private static String digest(RolloutRecord r, Optional<BuildResult> build) {
        if (r.digest() != null && !r.digest().isEmpty()) {
            return r.digest();
        }
        return build.map(b -> b.digests().get(r.image())).orElse(r.imageId());
    }
}
