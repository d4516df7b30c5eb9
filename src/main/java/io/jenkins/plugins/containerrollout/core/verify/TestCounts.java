package io.jenkins.plugins.containerrollout.core.verify;

import io.jenkins.plugins.containerrollout.core.verify.junit.JunitReport;
import java.io.Serializable;

/**
 * Test-case totals over every smoke test of a verification; small enough for a build's summary.
 *
 * <p>Usage: {@code result.tests().failed()}
 *
 * @param total   cases run
 * @param passed  cases passed (flaky included)
 * @param failed  cases failed
 * @param errors  cases errored
 * @param skipped cases skipped
 * @param flaky   cases that passed only on a rerun
 */
public record TestCounts(int total, int passed, int failed, int errors, int skipped, int flaky) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** No tests. */
    public static final TestCounts NONE = new TestCounts(0, 0, 0, 0, 0, 0);

    /** The counts of a parsed report. */
    public static TestCounts of(JunitReport r) {
        return new TestCounts(r.tests(), r.passed(), r.failed(), r.errors(), r.skipped(), r.flaky());
    }

    /** Both totals added. */
    public TestCounts plus(TestCounts o) {
        return new TestCounts(total + o.total, passed + o.passed, failed + o.failed, errors + o.errors,
                skipped + o.skipped, flaky + o.flaky);
    }
}
