package io.jenkins.plugins.containerrollout.core.verify;

import io.jenkins.plugins.containerrollout.core.RequestException;
import io.jenkins.plugins.containerrollout.core.analysis.AnalysisVerdict;
import io.jenkins.plugins.containerrollout.core.analysis.PrometheusAnalysis;
import io.jenkins.plugins.containerrollout.core.analysis.PrometheusException;
import io.jenkins.plugins.containerrollout.core.analysis.PrometheusQuery;
import io.jenkins.plugins.containerrollout.core.analysis.WindowResult;
import java.time.Duration;
import java.util.OptionalDouble;

/**
 * Runs a {@link MetricsCheck}: waits its window, asks Prometheus once, and judges the value as canary analysis does
 * ({@link PrometheusAnalysis}). Prometheus down, a refused query or an answer that is not one value fail the check
 * with Prometheus's message, naming the URL and the query; nothing is thrown but an interrupt.
 */
record MetricsCheckRunner(CheckLog log) {
    Verdict run(MetricsCheck check, String app) throws InterruptedException {
        String query = check.query();
        try {
            query = check.render(app);
            long from = System.currentTimeMillis();
            if (check.windowSeconds() > 0) {
                log.line("metrics " + check.name() + ": watching for " + check.windowSeconds() + " s before querying");
                Thread.sleep(check.windowSeconds() * 1000);
            }
            OptionalDouble value = new PrometheusQuery(check.url(), Duration.ofMillis(check.timeoutMillis())).value(query);
            WindowResult w = PrometheusAnalysis.judge(query, value, check.minValue(), check.maxValue(), from,
                    System.currentTimeMillis());
            boolean noData = w.verdict() == AnalysisVerdict.INCONCLUSIVE;
            boolean passed = w.verdict() == AnalysisVerdict.PASS || noData && check.allowNoData();
            String summary = !noData ? w.reason() : check.allowNoData() ? "no data, passed as allowNoData says: " + w.reason()
                    : "no data: " + w.reason() + "; set allowNoData to pass when there is none";
            log.line("metrics " + check.shownUrl() + " " + query + " → " + summary);
            return new Verdict(passed, summary, new MetricsEvidence(check.shownUrl(), query, w.value(), w.thresholds(),
                    check.windowSeconds(), noData ? "no data" : passed ? "pass" : "fail", w.reason()));
        } catch (PrometheusException | RequestException e) {
            log.line("metrics " + check.name() + ": " + e.getMessage());
            return new Verdict(false, e.getMessage(), new MetricsEvidence(check.shownUrl(), query, null, "",
                    check.windowSeconds(), "error", e.getMessage()));
        }
    }
}
