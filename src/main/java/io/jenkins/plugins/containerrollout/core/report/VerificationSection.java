package io.jenkins.plugins.containerrollout.core.report;

import io.jenkins.plugins.containerrollout.core.verify.CheckResult;
import io.jenkins.plugins.containerrollout.core.verify.CheckStatus;
import io.jenkins.plugins.containerrollout.core.verify.VerificationResult;
import java.util.Locale;

/**
 * A verification: the revision it checked, the verdict, a table of checks with their measured values in one line each, then per check the
 * evidence in a {@code <details>} (failed checks open, so the reason is visible without a click).
 */
final class VerificationSection {
    static final int MAX_CHECKS = 100;

    private VerificationSection() {
    }

    /** @param revision the revision it checked ({@link RunOutline#checkedRevision}), 0 when no rollout came before */
    static void render(StringBuilder out, VerificationResult v, int revision) {
        out.append("<p class=\"message\">").append(Badge.verification(v.passed())).append(' ')
                .append(revision > 0 ? "Revision " + revision + ": " : "").append(Html.text(v.summary())).append("</p>");
        Facts.open(out, "facts")
                .add("revision checked", revision > 0 ? String.valueOf(revision) : "")
                .add("checks", v.checksPassed() + " passed, " + v.checksFailed() + " failed, " + v.checksSkipped()
                        + " skipped")
                .add("on failure", v.onFailure() == null ? "" : v.onFailure().id()
                        + (v.rollbackRequested() ? " (requested)" : ""))
                .add("tests", v.tests() == null || v.tests().total() == 0 ? "" : v.tests().total() + " run, "
                        + (v.tests().failed() + v.tests().errors()) + " failing")
                .add("started", Format.instant(v.startedAtMillis()))
                .add("duration", Format.duration(v.durationMillis()))
                .close();
        int shown = Math.min(MAX_CHECKS, v.checks().size());
        out.append("<table class=\"checks\"><caption class=\"sr-only\">Checks</caption><thead><tr>")
                .append("<th scope=\"col\">Result</th><th scope=\"col\">Check</th><th scope=\"col\">Measured</th>")
                .append("<th scope=\"col\">Time</th></tr></thead><tbody>");
        for (int i = 0; i < shown; i++) {
            CheckResult c = v.checks().get(i);
            out.append("<tr><td>").append(status(c.status())).append("</td><td><strong>").append(Html.text(c.name()))
                    .append("</strong> <span class=\"muted\">").append(Html.text(c.type())).append("</span></td><td>")
                    .append(Html.text(Html.clip(c.summary(), 400))).append("</td><td class=\"num\">")
                    .append(Format.duration(c.durationMillis())).append("</td></tr>");
        }
        out.append("</tbody></table>");
        if (v.checks().size() > shown) {
            out.append("<p class=\"note\">").append(v.checks().size() - shown).append(" more checks.</p>");
        }
        for (int i = 0; i < shown; i++) {
            CheckResult c = v.checks().get(i);
            if (c.evidence() != null) {
                out.append("<details class=\"evidence\"").append(c.status() == CheckStatus.FAILED ? " open" : "")
                        .append("><summary>Evidence: ").append(Html.text(c.name())).append("</summary>");
                EvidenceView.render(out, c.evidence());
                out.append("</details>");
            }
        }
    }

    private static String status(CheckStatus s) {
        if (s == null) {
            return "<span class=\"tag neutral\">unknown</span>";
        }
        String css = s == CheckStatus.PASSED ? "ok" : s == CheckStatus.FAILED ? "bad" : "neutral";
        return "<span class=\"tag " + css + "\">" + s.name().toLowerCase(Locale.ROOT) + "</span>";
    }
}
