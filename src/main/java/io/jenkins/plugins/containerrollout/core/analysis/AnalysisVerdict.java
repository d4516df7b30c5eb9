package io.jenkins.plugins.containerrollout.core.analysis;

/**
 * What one analysis window decided: the canary may go on ({@link #PASS}), must be rolled back ({@link #FAIL}), or the
 * window did not tell ({@link #INCONCLUSIVE}: too few canary requests, or a query that matched no series), which the
 * caller handles as the user chose (wait longer, fail, or probe synthetically).
 *
 * <p>Usage: {@code if (result.verdict() == AnalysisVerdict.FAIL) rollBack(result.reason());}
 */
public enum AnalysisVerdict {
    PASS, FAIL, INCONCLUSIVE
}
