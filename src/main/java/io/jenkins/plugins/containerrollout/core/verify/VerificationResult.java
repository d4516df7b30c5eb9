package io.jenkins.plugins.containerrollout.core.verify;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The verdict of {@code containerVerify}: pass/fail, counts of checks and test cases, and each check's evidence.
 * Immutable and serializable (to an agent's caller, into build.xml) and JSON-friendly (the rollout record).
 *
 * <p>Usage: {@code if (result.rollbackRequested()) deployer.rollback(app); else if (!result.passed()) fail(result.summary());}
 *
 * @param name            what was verified
 * @param passed          every check that ran passed
 * @param onFailure       what the request asked for on failure (the caller acts on it)
 * @param checksPassed    checks passed
 * @param checksFailed    checks failed
 * @param checksSkipped   checks not run (fail fast)
 * @param tests           test-case totals over the smoke tests
 * @param checks          each check's result, in request order
 * @param startedAtMillis start, epoch milliseconds
 * @param durationMillis  wall time of the verification
 */
public record VerificationResult(
        String name,
        boolean passed,
        OnFailure onFailure,
        int checksPassed,
        int checksFailed,
        int checksSkipped,
        TestCounts tests,
        List<CheckResult> checks,
        long startedAtMillis,
        long durationMillis) implements Serializable {
    private static final long serialVersionUID = 1L;

    public VerificationResult {
        checks = List.copyOf(checks);
    }

    /** Counts and verdict from the checks' results. */
    static VerificationResult of(VerifyRequest request, List<CheckResult> checks, TestCounts tests, long startedAtMillis) {
        int ok = (int) checks.stream().filter(c -> c.status() == CheckStatus.PASSED).count();
        int failed = (int) checks.stream().filter(c -> c.status() == CheckStatus.FAILED).count();
        return new VerificationResult(request.name(), failed == 0, request.onFailure(), ok, failed,
                checks.size() - ok - failed, tests, checks, startedAtMillis, System.currentTimeMillis() - startedAtMillis);
    }

    /** True when verification failed and the request asked for a rollback: the caller should roll back now. */
    public boolean rollbackRequested() {
        return !passed && onFailure == OnFailure.ROLLBACK;
    }

    /** The failed checks, in order. */
    public List<CheckResult> failures() {
        return checks.stream().filter(c -> c.status() == CheckStatus.FAILED).toList();
    }

    /** One line: {@code "verify web: FAILED, 2/3 checks passed (1 failed); 41 tests, 1 failed; first failure: e2e: ..."}. */
    public String summary() {
        StringBuilder s = new StringBuilder("verify ").append(name).append(": ").append(passed ? "PASSED" : "FAILED")
                .append(", ").append(checksPassed).append('/').append(checks.size()).append(" checks passed");
        if (checksFailed > 0 || checksSkipped > 0) {
            s.append(" (").append(checksFailed).append(" failed, ").append(checksSkipped).append(" skipped)");
        }
        if (tests.total() > 0) {
            s.append("; ").append(tests.total()).append(" tests, ").append(tests.failed() + tests.errors()).append(" failed");
        }
        failures().stream().findFirst().ifPresent(f -> s.append("; first failure: ").append(f.name()).append(": ").append(f.summary()));
        return s.toString();
    }

    /**
     * The small summary a Pipeline step returns and a build.xml may hold: only strings, numbers, booleans and a list of
     * names, because XStream (build.xml) cannot read records back. The full result goes beside it as {@link #toJson()}.
     */
    public Map<String, Object> toSummaryMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("passed", passed);
        m.put("onFailure", onFailure.id());
        m.put("rollbackRequested", rollbackRequested());
        m.put("checksPassed", checksPassed);
        m.put("checksFailed", checksFailed);
        m.put("checksSkipped", checksSkipped);
        m.put("testsTotal", tests.total());
        m.put("testsFailed", tests.failed() + tests.errors());
        m.put("testsSkipped", tests.skipped());
        m.put("testsFlaky", tests.flaky());
        m.put("failedChecks", new ArrayList<>(failures().stream().map(CheckResult::name).toList()));
        m.put("summary", summary());
        m.put("durationMillis", durationMillis);
        return m;
    }

    /** This result as JSON (the form kept in the rollout record and printed by the CLI). */
    public String toJson() {
        try {
            return Json.MAPPER.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a result written by {@link #toJson()}. */
    public static VerificationResult fromJson(String json) {
        try {
            return Json.MAPPER.readValue(json, VerificationResult.class);
        } catch (JsonProcessingException e) {
            throw Json.invalid(e);
        }
    }
}
