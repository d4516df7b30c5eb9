package io.jenkins.plugins.containerrollout.core.verify.junit;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * Totals of one or more JUnit reports, with the failing cases in detail (up to a cap; the rest only counted). Sized by
 * the number of failures kept, never by the number of cases, so 10 000 passing cases cost nothing.
 *
 * <p>Usage: {@code JunitReport all = JunitReport.EMPTY.merge(a).merge(b); if (!all.successful()) ...}
 *
 * @param sources          the report files these totals come from
 * @param suites           {@code <testsuite>} elements seen (nested ones included)
 * @param tests            test cases seen
 * @param passed           cases that passed, flaky ones included
 * @param failed           cases that failed an assertion (after reruns)
 * @param errors           cases that errored (after reruns)
 * @param skipped          cases skipped
 * @param flaky            cases that passed only on a rerun
 * @param timeSeconds      sum of the cases' times
 * @param failures         failing and erroring cases in document order, at most the parser's cap
 * @param failuresOmitted  failing cases counted but not kept because the cap was reached
 */
public record JunitReport(
        List<String> sources,
        int suites,
        int tests,
        int passed,
        int failed,
        int errors,
        int skipped,
        int flaky,
        double timeSeconds,
        List<FailedCase> failures,
        int failuresOmitted) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** No report at all: the neutral element of {@link #merge}. */
    public static final JunitReport EMPTY = new JunitReport(List.of(), 0, 0, 0, 0, 0, 0, 0, 0, List.of(), 0);

    public JunitReport {
        sources = List.copyOf(sources);
        failures = List.copyOf(failures);
    }

    /** No case failed or errored (a report without cases is successful; callers decide whether that is enough). */
    public boolean successful() {
        return failed == 0 && errors == 0;
    }

    /** Both reports' totals; failures are kept up to the larger of the two lists' capacities, the rest counted. */
    public JunitReport merge(JunitReport other) {
        List<String> allSources = new ArrayList<>(sources);
        allSources.addAll(other.sources);
        List<FailedCase> kept = new ArrayList<>(failures);
        int cap = Math.max(JunitParser.DEFAULT_MAX_FAILURES, Math.max(failures.size(), other.failures.size()));
        int omitted = failuresOmitted + other.failuresOmitted;
        for (FailedCase f : other.failures) {
            if (kept.size() < cap) {
                kept.add(f);
            } else {
                omitted++;
            }
        }
        return new JunitReport(allSources, suites + other.suites, tests + other.tests, passed + other.passed,
                failed + other.failed, errors + other.errors, skipped + other.skipped, flaky + other.flaky,
                timeSeconds + other.timeSeconds, kept, omitted);
    }

    /** One line for logs: {@code "12 tests: 10 passed (1 flaky), 1 failed, 0 errors, 1 skipped"}. */
    public String summary() {
        return tests + " tests: " + passed + " passed" + (flaky > 0 ? " (" + flaky + " flaky)" : "") + ", " + failed
                + " failed, " + errors + " errors, " + skipped + " skipped";
    }
}
