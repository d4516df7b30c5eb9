package io.jenkins.plugins.containerrollout.core.report;

import io.jenkins.plugins.containerrollout.core.verify.Evidence;
import io.jenkins.plugins.containerrollout.core.verify.ExecEvidence;
import io.jenkins.plugins.containerrollout.core.verify.HealthEvidence;
import io.jenkins.plugins.containerrollout.core.verify.HttpEvidence;
import io.jenkins.plugins.containerrollout.core.verify.MetricsEvidence;
import io.jenkins.plugins.containerrollout.core.verify.SmokeTestEvidence;
import io.jenkins.plugins.containerrollout.core.verify.TrafficReport;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one verification check measured, per kind of evidence: probe attempts and statuses, traffic outcomes and
 * latency, container states, command output, smoke-test results, a Prometheus query and its value. Bulky text (bodies, output, logs) is cut.
 */
final class EvidenceView {
    static final int MAX_TEXT = 2000;
    static final int MAX_ROWS = 50;

    private EvidenceView() {
    }

    static void render(StringBuilder out, Evidence evidence) {
        if (evidence instanceof HttpEvidence http) {
            http(out, http);
        } else if (evidence instanceof TrafficReport traffic) {
            traffic(out, traffic);
        } else if (evidence instanceof HealthEvidence health) {
            health(out, health);
        } else if (evidence instanceof ExecEvidence exec) {
            exec(out, exec);
        } else if (evidence instanceof SmokeTestEvidence smoke) {
            smoke(out, smoke);
        } else if (evidence instanceof MetricsEvidence metrics) {
            metrics(out, metrics);
        }
    }

    private static void http(StringBuilder out, HttpEvidence e) {
        table(out, List.of("URL", "Result", "Attempts", "Statuses", "Latency"));
        for (HttpEvidence.Target t : capped(e.targets())) {
            row(out, t.url(), t.passed() ? "passed" : "failed: " + t.failure(), String.valueOf(t.attempts()),
                    statuses(t.statuses()), t.latency() == null ? "" : t.latency().describe());
        }
        end(out, e.targets().size());
        for (HttpEvidence.Target t : capped(e.targets())) {
            if (!t.passed() && !t.bodyExcerpt().isEmpty()) {
                pre(out, "last body from " + t.url(), t.bodyExcerpt());
            }
        }
    }

    private static void traffic(StringBuilder out, TrafficReport t) {
        StringBuilder outcomes = new StringBuilder();
        for (Map.Entry<String, Integer> o : new TreeMap<>(t.outcomes()).entrySet()) {
            outcomes.append(outcomes.length() == 0 ? "" : ", ").append(o.getKey()).append(" \u00d7 ").append(o.getValue());
        }
        Facts.open(out, "facts").add("requests", t.succeeded() + " of " + t.requests() + " succeeded")
                .add("success ratio", Format.percent(t.successRatio()))
                .add("latency", t.latency().describe())
                .add("outcomes", outcomes.toString())
                .add("rate", Format.rate(t.ratePerSecond()) + " req/s over " + Format.duration(t.durationMillis()))
                .close();
    }

    private static void health(StringBuilder out, HealthEvidence e) {
        table(out, List.of("Container", "State", "Health", "Running", "Restarts", "Ready"));
        for (HealthEvidence.Container c : capped(e.containers())) {
            row(out, c.name() + " (" + c.id() + ")", c.state(), c.health(), c.runningSeconds() + " s",
                    String.valueOf(c.restartCount()), c.ready() ? "yes" : "no");
        }
        end(out, e.containers().size());
        out.append("<p class=\"note\">").append(e.polls()).append(" polls of the engine.</p>");
    }

    private static void exec(StringBuilder out, ExecEvidence e) {
        for (ExecEvidence.Run r : capped(e.runs())) {
            pre(out, r.container() + ": exit " + r.exitCode() + (r.timedOut() ? " (timed out)" : "") + " after "
                    + Format.duration(r.durationMillis()), r.output());
        }
    }

    private static void smoke(StringBuilder out, SmokeTestEvidence s) {
        Facts.open(out, "facts").add("image", s.image()).add("target", s.targetUrl())
                .add("exit code", s.timedOut() ? "killed after its timeout" : String.valueOf(s.exitCode())
                        + (s.oomKilled() ? " (OOMKilled: it exceeded its memory limit)" : ""))
                .add("engine error", s.engineError())
                .add("reports", s.tests() == null ? String.join(", ", capped(s.reportFiles())) : "")
                .add("report error", s.reportError())
                .close();
        if (s.tests() != null) {
            TestResultsSection.render(out, s.tests());
        }
        if (!s.logExcerpt().isEmpty()) {
            out.append("<details class=\"log\"><summary>container log (end)</summary>");
            verbatim(out, s.logExcerpt());
            out.append("</details>");
        }
    }

    private static void metrics(StringBuilder out, MetricsEvidence m) {
        Facts.open(out, "facts").add("Prometheus", m.url())
                .add("value", m.value() == null ? "none" : number(m.value()))
                .add("thresholds", m.thresholds())
                .add("outcome", m.outcome() + (m.reason() == null || m.reason().isEmpty() ? "" : ": " + m.reason()))
                .add("window", m.windowSeconds() == 0 ? "queried at once" : m.windowSeconds() + " s before querying")
                .close();
        pre(out, "query as sent", m.query());
    }

    /** {@code 0.05}, not {@code 5.0E-2}; Prometheus may answer +Inf. */
    private static String number(double v) {
        return Double.isFinite(v) ? java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString() : String.valueOf(v);
    }

    private static String statuses(List<Integer> statuses) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < Math.min(statuses.size(), 30); i++) {
            s.append(i == 0 ? "" : " ").append(statuses.get(i) == 0 ? "\u2013" : statuses.get(i));
        }
        return statuses.size() > 30 ? s + " \u2026" : s.toString();
    }

    private static <T> List<T> capped(List<T> rows) {
        return rows.size() > MAX_ROWS ? rows.subList(0, MAX_ROWS) : rows;
    }

    private static void table(StringBuilder out, List<String> headings) {
        out.append("<table class=\"plain\"><thead><tr>");
        headings.forEach(h -> out.append("<th scope=\"col\">").append(h).append("</th>"));
        out.append("</tr></thead><tbody>");
    }

    private static void row(StringBuilder out, String... cells) {
        out.append("<tr>");
        for (String c : cells) {
            out.append("<td>").append(Html.text(Html.clip(c, 500))).append("</td>");
        }
        out.append("</tr>");
    }

    private static void end(StringBuilder out, int rows) {
        out.append("</tbody></table>");
        if (rows > MAX_ROWS) {
            out.append("<p class=\"note\">").append(rows - MAX_ROWS).append(" more rows.</p>");
        }
    }

    private static void pre(StringBuilder out, String label, String text) {
        out.append("<p class=\"pre-label\">").append(Html.text(label)).append("</p>");
        verbatim(out, text);
    }

    private static void verbatim(StringBuilder out, String text) {
        out.append("<pre class=\"excerpt\">").append(Html.text(Html.clip(text, MAX_TEXT))).append("</pre>");
    }
}
