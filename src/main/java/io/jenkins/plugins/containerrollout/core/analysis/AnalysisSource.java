package io.jenkins.plugins.containerrollout.core.analysis;

/**
 * Where an analysis window's measurements come from: the router's own per-server counters of real traffic
 * ({@link #ROUTER}), requests the analysis sent itself ({@link #SYNTHETIC}), or a Prometheus query
 * ({@link #PROMETHEUS}).
 *
 * <p>Usage: {@code new WindowResult(AnalysisSource.SYNTHETIC, ...)}
 */
public enum AnalysisSource {
    ROUTER, SYNTHETIC, PROMETHEUS;

    /** The lower-case name a report or a parameter shows ({@code router}). */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
