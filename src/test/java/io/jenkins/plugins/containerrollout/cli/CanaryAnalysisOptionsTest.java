package io.jenkins.plugins.containerrollout.cli;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.containerrollout.core.deploy.CanaryAnalysis;
import io.jenkins.plugins.containerrollout.core.deploy.RolloutStrategy;
import java.util.ArrayList;
import java.util.List;
import org.junit.Test;

/**
 * {@code --analysis router|synthetic|prometheus} and its options map to the core's {@link CanaryAnalysis}; options of
 * another analysis (or strategy) and values the core refuses are usage errors naming the option.
 */
public class CanaryAnalysisOptionsTest {
    private static final Options OPTIONS = Options.of(RolloutOptions.STRATEGY, RolloutOptions.PROBE);
    private static final String QUERY = "sum(rate(haproxy_server_http_responses_total{proxy=\"{{app}}\","
            + "server=~\"{{servers}}\",code=\"5xx\"}[{{window}}]))";

    private static CanaryAnalysis analysis(String... args) throws UsageException {
        List<String> all = new ArrayList<>(List.of("--strategy", "canary"));
        all.addAll(List.of(args));
        return ((RolloutStrategy.Canary) RolloutOptions.strategy(OPTIONS.parse(all))).plan().analysis();
    }

    private static String usage(String... args) {
        return assertThrows(UsageException.class, () -> analysis(args)).getMessage();
    }

    @Test
    public void withoutAnalysisOptionsTheCanaryIsJudgedByTheRoutersCounters() throws Exception {
        assertEquals(CanaryAnalysis.Router.defaults(), analysis());
    }

    @Test
    public void routerOptionsMapToTheRouterAnalysis() throws Exception {
        assertEquals(new CanaryAnalysis.Router(300, 1.5, 20, new CanaryAnalysis.Inconclusive(2, "fail")),
                analysis("--analysis", "router", "--analysis-min-requests", "20", "--analysis-max-response-ms", "300",
                        "--analysis-max-points-below-stable", "1.5", "--analysis-extra-pauses", "2",
                        "--analysis-inconclusive", "fail"));
    }

    @Test
    public void syntheticTakesTheStrategysRequestSettings() throws Exception {
        assertEquals(new CanaryAnalysis.Synthetic(), analysis("--analysis", "synthetic", "--analysis-requests", "20"));
    }

    @Test
    public void prometheusOptionsMapToThePrometheusAnalysis() throws Exception {
        assertEquals(new CanaryAnalysis.Prometheus("http://127.0.0.1:9090", QUERY, 0.0, 0.05,
                        new CanaryAnalysis.Inconclusive(0, "synthetic")),
                analysis("--analysis", "prometheus", "--analysis-prometheus-url", "http://127.0.0.1:9090",
                        "--analysis-query", QUERY, "--analysis-min-value", "0", "--analysis-max-value", "0.05",
                        "--analysis-extra-pauses", "0"));
    }

    @Test
    public void anotherAnalysissOptionsAreUsageErrors() {
        assertEquals("--analysis-query applies to --analysis prometheus only",
                usage("--analysis-query", QUERY));
        assertEquals("--analysis-min-requests applies to --analysis router only",
                usage("--analysis", "prometheus", "--analysis-min-requests", "5"));
        assertEquals("--analysis-inconclusive applies to --analysis router or prometheus only",
                usage("--analysis", "synthetic", "--analysis-inconclusive", "fail"));
    }

    @Test
    public void analysisOptionsWithoutACanaryAreUsageErrors() {
        assertEquals("--analysis applies to --strategy canary only", assertThrows(UsageException.class,
                () -> RolloutOptions.strategy(OPTIONS.parse(List.of("--analysis", "router")))).getMessage());
        assertEquals("--analysis-max-value applies to --strategy canary only", assertThrows(UsageException.class,
                () -> RolloutOptions.strategy(OPTIONS.parse(List.of("--strategy", "rolling", "--analysis-max-value",
                        "1")))).getMessage());
    }

    @Test
    public void wrongValuesNameTheOption() {
        assertTrue(usage("--analysis", "metrics"), usage("--analysis", "metrics").startsWith("--analysis: unknown 'metrics'"));
        assertTrue(usage("--analysis-inconclusive", "maybe").startsWith("--analysis-inconclusive: 'maybe' is not"));
        assertTrue(usage("--analysis-extra-pauses", "101").startsWith("--analysis-extra-pauses: 101 is out of range"));
        assertEquals("--analysis-min-requests wants a positive whole number, not \"0\"",
                usage("--analysis-min-requests", "0"));
        assertEquals("--analysis-max-value wants a number, e.g. 0.05, not \"NaN\"", usage("--analysis", "prometheus", "--analysis-prometheus-url", "http://127.0.0.1:9090",
                "--analysis-query", QUERY, "--analysis-max-value", "NaN"));
    }

    @Test
    public void aPrometheusAnalysisWithoutItsSettingsNamesTheMissingOption() {
        assertTrue(usage("--analysis", "prometheus").startsWith("--analysis-prometheus-url: required"));
        assertTrue(usage("--analysis", "prometheus", "--analysis-prometheus-url", "http://127.0.0.1:9090")
                .startsWith("--analysis-query: required"));
        assertTrue(usage("--analysis", "prometheus", "--analysis-prometheus-url", "http://127.0.0.1:9090",
                "--analysis-query", QUERY).startsWith("--analysis-max-value: give maxValue"));
    }

    @Test
    public void aBadUrlOrPlaceholderIsRefusedBeforeAnyReplicaStarts() {
        String url = usage("--analysis", "prometheus", "--analysis-prometheus-url", "ftp://user:secret@127.0.0.1:9090",
                "--analysis-query", QUERY, "--analysis-max-value", "1");
        assertTrue(url, url.startsWith("--analysis-prometheus-url: 'ftp://127.0.0.1:9090' is not an http(s) URL"));
        String query = usage("--analysis", "prometheus", "--analysis-prometheus-url", "http://127.0.0.1:9090",
                "--analysis-query", "up{job=\"{{job}}\"}", "--analysis-max-value", "1");
        assertTrue(query, query.startsWith("--analysis-query: unknown placeholder {{job}}"));
    }
}
