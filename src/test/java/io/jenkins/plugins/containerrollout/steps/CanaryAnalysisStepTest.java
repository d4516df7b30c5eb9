package io.jenkins.plugins.containerrollout.steps;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.containerrollout.core.deploy.CanaryAnalysis;
import io.jenkins.plugins.containerrollout.core.deploy.CanaryPlan;
import io.jenkins.plugins.containerrollout.core.deploy.RolloutStrategy;
import io.jenkins.plugins.containerrollout.core.engine.DockerHost;
import java.math.BigDecimal;
import java.util.List;
import org.junit.Test;

/**
 * {@code canary(analysis: router(...) | synthetic() | prometheus(...))} maps to the core's {@link CanaryAnalysis} in
 * the canary's plan; a wrong value fails the step before the engine is touched, naming the parameter. The form checks'
 * plain parts ({@link RolloutForms#problem}) say the same.
 */
public class CanaryAnalysisStepTest {
    private static final String URL = "http://127.0.0.1:9090";
    private static final String QUERY = "max(haproxy_server_response_time_average_seconds{proxy=\"{{app}}\","
            + "server=~\"{{servers}}\"})";

    private static CanaryAnalysis analysisOf(CanaryAnalysisSource source) {
        CanaryStrategy canary = new CanaryStrategy();
        canary.setAnalysis(source);
        return ((RolloutStrategy.Canary) canary.toStrategy()).plan().analysis();
    }

    private static String refusal(CanaryAnalysisSource source) {
        CanaryStrategy canary = new CanaryStrategy();
        canary.setAnalysis(source);
        ContainerDeployStep step = new ContainerDeployStep("web", "127.0.0.1:5000/web:2", 21000);
        step.setStrategy(canary);
        HaproxyRouting haproxy = new HaproxyRouting();
        haproxy.setFrontendPort(8080);
        step.setRouter(haproxy);
        return assertThrows(IllegalArgumentException.class, () -> step.toRequest(
                new DockerHost("tcp://127.0.0.1:2375", false, null), null, null)).getMessage();
    }

    private static PrometheusAnalysisSource prometheus(Object minValue, Object maxValue) {
        PrometheusAnalysisSource source = new PrometheusAnalysisSource(URL, QUERY);
        source.setMinValue(minValue);
        source.setMaxValue(maxValue);
        return source;
    }

    @Test
    public void withoutAnalysisTheCanaryIsJudgedByTheRoutersCounters() {
        CanaryStrategy canary = new CanaryStrategy();
        assertNull(canary.getAnalysis());
        assertEquals(RolloutStrategy.canary(CanaryPlan.defaults()), canary.toStrategy());
        assertEquals(CanaryAnalysis.Router.defaults(), analysisOf(new RouterAnalysisSource()));
    }

    @Test
    public void routerSettingsMapToTheCoresRouterAnalysis() {
        RouterAnalysisSource router = new RouterAnalysisSource();
        router.setMinRequests(20);
        router.setMaxResponseMillis(300);
        router.setMaxPointsWorseThanStable(1.5);
        router.setExtraPauses(2);
        router.setInconclusive("fail");
        assertEquals(new CanaryAnalysis.Router(300, 1.5, 20, new CanaryAnalysis.Inconclusive(2, "fail")),
                analysisOf(router));
    }

    @Test
    public void syntheticKeepsTheStrategysRequestSettings() {
        CanaryStrategy canary = new CanaryStrategy();
        canary.setAnalysis(new SyntheticAnalysisSource());
        canary.setAnalysisRequests(20);
        canary.setAnalysisPath("/health");
        assertEquals(RolloutStrategy.canary(CanaryPlan.defaults().withAnalysisPath("/health")
                .withAnalysis(0.99, 500, 20).withAnalysis(new CanaryAnalysis.Synthetic())), canary.toStrategy());
    }

    @Test
    public void prometheusSettingsMapToTheCoresPrometheusAnalysis() {
        PrometheusAnalysisSource source = prometheus(null, new BigDecimal("0.30"));
        source.setExtraPauses(0);
        source.setInconclusive("fail");
        assertEquals(new CanaryAnalysis.Prometheus(URL, QUERY, null, 0.3, new CanaryAnalysis.Inconclusive(0, "fail")),
                analysisOf(source));
    }

    @Test
    public void boundsBindFromNumbersAndTextAlike() {
        // structs passes a number through to an Object parameter (see StepArguments.numberOrText); the form sends text
        assertEquals(analysisOf(prometheus(0, 1)), analysisOf(prometheus("0", " 1 ")));
        assertEquals(new CanaryAnalysis.Prometheus(URL, QUERY, 0.0, 1.0, null), analysisOf(prometheus(0, 1)));
        assertEquals("0.05", prometheus(null, 0.05).getMaxValue());
        assertNull(prometheus("", null).getMinValue());
    }

    @Test
    public void wrongValuesFailTheStepNamingTheParameter() {
        RouterAnalysisSource router = new RouterAnalysisSource();
        router.setMinRequests(0);
        assertEquals("minRequests: must be at least 1 (got 0)", refusal(router));
        RouterAnalysisSource maybe = new RouterAnalysisSource();
        maybe.setInconclusive("maybe");
        assertTrue(refusal(maybe), refusal(maybe).startsWith("inconclusive: 'maybe' is not 'synthetic'"));
        assertTrue(refusal(prometheus(null, null)).startsWith("maxValue: give maxValue"));
        assertEquals("maxValue: 'lots' is not a number", refusal(prometheus(null, "lots")));
        assertEquals("minValue: expects a number or a string, e.g. 1 or '25%', not a list",
                assertThrows(IllegalArgumentException.class, () -> prometheus(List.of(1), null)).getMessage());
        assertTrue(refusal(new PrometheusAnalysisSource(" ", QUERY)).startsWith("url: required for prometheus"));
    }

    @Test
    public void aBadUrlOrPlaceholderFailsTheStepBeforeAnyReplicaStarts() {
        PrometheusAnalysisSource url = new PrometheusAnalysisSource("127.0.0.1:9090", QUERY);
        url.setMaxValue(1);
        assertTrue(refusal(url), refusal(url).startsWith("url: '127.0.0.1:9090' is not an http(s) URL"));
        PrometheusAnalysisSource query = new PrometheusAnalysisSource(URL, "up{job=\"{{job}}\"}");
        query.setMaxValue(1);
        assertTrue(refusal(query), refusal(query).startsWith("query: unknown placeholder {{job}}"));
    }

    @Test
    public void theFormChecksSayWhatTheStepWouldSay() {
        assertNull(RolloutForms.problem(() -> PrometheusAnalysisSource.checked(URL, QUERY, null, 0.05, null)));
        assertTrue(RolloutForms.problem(() -> PrometheusAnalysisSource.checked("http://u:secret@", QUERY, null, 1d,
                null)).startsWith("url: 'http://' is not an http(s) URL"));
        assertEquals("maxValue: 'Infinity' is not a finite number; give e.g. 0.05",
                RolloutForms.problem(() -> PrometheusAnalysisSource.bound("maxValue", "Infinity")));
        assertNull(PrometheusAnalysisSource.bound("minValue", " "));
        assertEquals("minRequests: must be at least 1 (got 0)",
                RolloutForms.problem(() -> RouterAnalysisSource.checkMinRequests("0")));
        assertNull(RolloutForms.problem(() -> RouterAnalysisSource.checkMinRequests(" ")));
        assertEquals("maxResponseMillis: must be 0 (no limit) or more (got -1)",
                RolloutForms.problem(() -> RouterAnalysisSource.checkMaxResponseMillis("-1")));
        assertEquals("extraPauses: 101 is out of range; use 0 to 100",
                RolloutForms.problem(() -> MeasuredAnalysisSource.checkExtraPauses("101")));
        assertTrue(RolloutForms.problem(() -> PrometheusAnalysisSource.checkMaxValue("", null))
                .startsWith("maxValue: give maxValue"));
        assertNull(RolloutForms.problem(() -> PrometheusAnalysisSource.checkMaxValue("", "0.99")));
        assertEquals(List.of("synthetic", "fail"), FixedChoices.inconclusive().stream().map(FixedChoices.Choice::value)
                .toList());
    }
}
