package io.jenkins.plugins.containerrollout.core.report;

import io.jenkins.plugins.containerrollout.core.record.Outcome;
import io.jenkins.plugins.containerrollout.core.record.ReplicaDiagnosis;
import io.jenkins.plugins.containerrollout.core.record.RolloutRecord;

/**
 * Why each failed replica failed, beside the timeline its lane is drawn in: the reason, exit code, OOMKilled, the
 * engine's error, the HEALTHCHECK results and the last lines of its log, as the record captured them before anything
 * was removed. Opened when the rollout did not succeed, so the first question after a failure is answered without a
 * click; every value escaped.
 */
final class DiagnosisView {
    private DiagnosisView() {
    }

    static void render(StringBuilder out, RolloutRecord r, String id) {
        if (r.diagnoses().isEmpty()) {
            return;
        }
        out.append("<h3 id=\"").append(id).append("-why\">Why replicas failed</h3>");
        boolean open = r.outcome() != Outcome.SUCCEEDED;
        for (ReplicaDiagnosis d : r.diagnoses()) {
            out.append("<details class=\"diagnosis\"").append(open ? " open" : "").append("><summary><code>")
                    .append(Html.text(d.container())).append("</code> (revision ").append(d.revision()).append(", slot ")
                    .append(d.slot()).append(", +").append(Format.duration(Math.max(0, d.atMillis() - r.startedAtMillis())))
                    .append("): ").append(Html.text(d.reason())).append("</summary><dl class=\"facts\">");
            fact(out, "exit code", d.exitCode() == null ? null : String.valueOf(d.exitCode()));
            fact(out, "OOMKilled", d.oomKilled() == null ? null : d.oomKilled() ? "yes: it exceeded its memory limit"
                    : "no");
            fact(out, "engine error", d.engineError());
            out.append("</dl>");
            if (!d.health().isEmpty()) {
                out.append("<p>Last HEALTHCHECK results</p><pre class=\"excerpt\">")
                        .append(Html.text(String.join("\n", d.health()))).append("</pre>");
            }
            if (d.logTail().isEmpty()) {
                out.append("<p class=\"note\">Its log was empty.</p>");
            } else {
                out.append("<p>Last ").append(d.logTail().size()).append(" log lines")
                        .append(d.truncated() ? " (earlier ones left out)" : "").append("</p><pre class=\"excerpt\">")
                        .append(Html.text(String.join("\n", d.logTail()))).append("</pre>");
            }
            out.append("</details>");
        }
    }

    private static void fact(StringBuilder out, String name, String value) {
        if (value != null && !value.isBlank()) {
            out.append("<dt>").append(name).append("</dt><dd>").append(Html.text(value)).append("</dd>");
        }
    }
}
