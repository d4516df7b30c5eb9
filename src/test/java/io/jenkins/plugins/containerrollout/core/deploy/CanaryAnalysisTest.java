package io.jenkins.plugins.containerrollout.core.deploy;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.containerrollout.core.RequestException;
import org.junit.Test;

/** The canary analyses check what they are given before anything runs, and never show a URL's credentials. */
public class CanaryAnalysisTest {
    @Test
    public void aPrometheusAnalysisRefusesABadUrlAnUnknownPlaceholderAndMissingBounds() {
        assertTrue(message(() -> new CanaryAnalysis.Prometheus("ftp://x", "up", null, 1.0, null)).startsWith("url:"));
        assertTrue(message(() -> new CanaryAnalysis.Prometheus("http://127.0.0.1:9090", "up{job=\"{{jobb}}\"}", null,
                1.0, null)).contains("{{jobb}}"));
        assertTrue(message(() -> new CanaryAnalysis.Prometheus("http://127.0.0.1:9090", "up", null, null, null))
                .startsWith("maxValue:"));
    }

    @Test
    public void itsDescriptionLeavesOutTheUrlsCredentials() {
        String shown = new CanaryAnalysis.Prometheus("http://admin:hunter22@127.0.0.1:9090", "up", null, 1.0, null)
                .describe();
        assertFalse(shown, shown.contains("hunter22") || shown.contains("admin"));
        assertTrue(shown, shown.contains("http://127.0.0.1:9090"));
    }

    @Test
    public void inconclusiveWindowsFallBackToSyntheticOrFailAsTold() {
        assertEquals("synthetic", CanaryAnalysis.Inconclusive.defaults().fallback());
        assertTrue(new CanaryAnalysis.Inconclusive(0, "FAIL").failsWhenInconclusive());
        assertTrue(message(() -> new CanaryAnalysis.Inconclusive(0, "retry")).startsWith("inconclusive: 'retry'"));
        assertTrue(message(() -> new CanaryAnalysis.Inconclusive(-1, "fail")).startsWith("extraPauses:"));
    }

    private static String message(Runnable r) {
        return assertThrows(RequestException.class, r::run).getMessage();
    }
}
