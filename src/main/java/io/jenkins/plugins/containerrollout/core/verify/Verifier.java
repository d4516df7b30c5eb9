package io.jenkins.plugins.containerrollout.core.verify;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.DockerClientException;
import com.github.dockerjava.api.exception.DockerException;
import io.jenkins.plugins.containerrollout.core.ProgressSink;
import io.jenkins.plugins.containerrollout.core.engine.DockerHost;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a {@link VerifyRequest}'s checks in order and returns their verdicts with evidence. Every wait is bounded by
 * the check's own timeout; an interrupt (an aborted build) stops the run with the interrupt flag set. A check that
 * cannot even reach the engine fails with the engine's message rather than throwing, so the caller always gets a
 * result to record and an {@code onFailure} to act on. The engine is contacted only when a check needs it.
 *
 * <p>Usage: {@code VerificationResult r = new Verifier(DockerHost.resolve(null, System.getenv())).verify(request, System.err::println);}
 */
public final class Verifier {
    private final DockerHost host;

    /**
     * @param host the engine that runs the application (for health, exec and smoke-test checks)
     * @throws IllegalArgumentException when the host is not a {@code unix://} or {@code tcp://} address
     */
    public Verifier(DockerHost host) {
        String uri = host.uri() == null ? "" : host.uri();
        Validation.require(uri.matches("(unix|tcp|npipe)://.+"), "host '" + uri
                + "' is not a Docker engine address; use unix:///var/run/docker.sock or tcp://HOST:2376");
        this.host = host;
    }

    /**
     * Runs every check (or up to the first failure with {@code failFast}).
     *
     * @throws InterruptedException when the thread is interrupted; the flag is set again before throwing
     */
    public VerificationResult verify(VerifyRequest request, ProgressSink progress) throws InterruptedException {
        long started = System.currentTimeMillis();
        CheckLog log = new CheckLog(progress, request.name());
        List<CheckResult> results = new ArrayList<>();
        TestCounts tests = TestCounts.NONE;
        HttpProber prober = new HttpProber();
        try (Engine engine = new Engine(host)) {
            for (Check check : request.checks()) {
                if (request.failFast() && results.stream().anyMatch(r -> r.status() == CheckStatus.FAILED)) {
                    results.add(CheckResult.skipped(check, "skipped: an earlier check failed (failFast)"));
                    continue;
                }
                CheckResult result = run(check, request, engine, prober, log);
                results.add(result);
                if (result.evidence() instanceof SmokeTestEvidence smoke) {
                    tests = tests.plus(TestCounts.of(smoke.tests()));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw e;
        }
        VerificationResult result = VerificationResult.of(request, results, tests, started);
        progress.line(result.summary());
        return result;
    }

    private static CheckResult run(Check check, VerifyRequest request, Engine engine, HttpProber prober, CheckLog log)
            throws InterruptedException {
        long started = System.currentTimeMillis();
        Verdict verdict;
        try {
            verdict = dispatch(check, request, engine, prober, log);
        } catch (RuntimeException e) {
            if (!engineFailure(e)) {
                throw e;
            }
            // the engine refused or is unreachable: this check failed, the others may still tell something
            String why = "engine error: " + firstLine(e.getMessage());
            log.line(check.type() + " " + check.name() + ": " + why);
            verdict = new Verdict(false, why, null);
        }
        return new CheckResult(check.name(), check.type(), verdict.passed() ? CheckStatus.PASSED : CheckStatus.FAILED,
                verdict.summary(), verdict.evidence(), started, System.currentTimeMillis() - started);
    }

    private static Verdict dispatch(Check check, VerifyRequest request, Engine engine, HttpProber prober, CheckLog log)
            throws InterruptedException {
        if (check instanceof HttpCheck h) {
            return new HttpCheckRunner(prober, log).run(h, request.expand(h.url()));
        } else if (check instanceof SuccessRateCheck s) {
            return successRate(s, request.expand(s.url()), log);
        } else if (check instanceof HealthCheck h) {
            return new HealthCheckRunner(engine.client(), log).run(h);
        } else if (check instanceof ExecCheck x) {
            return new ExecCheckRunner(engine.client(), log).run(x);
        } else if (check instanceof MetricsCheck m) {
            return new MetricsCheckRunner(log).run(m, request.name());
        } else {
            SmokeTestCheck s = (SmokeTestCheck) check;
            return new SmokeTestRunner(engine.client(), log).run(s, request.expand(s.targetUrl()).stream().map(URI::toString).toList());
        }
    }

    private static Verdict successRate(SuccessRateCheck check, List<URI> targets, CheckLog log) throws InterruptedException {
        TrafficReport report = new TrafficAnalysis().run(targets, check.requests(), check.ratePerSecond(), check.timeoutMillis());
        boolean passed = report.passes(check.minSuccessRatio(), check.maxP95Millis());
        String summary = report.describe() + (passed ? "" : "; required ≥ " + check.minSuccessRatio() * 100 + " %"
                + (check.maxP95Millis() > 0 ? " and p95 ≤ " + check.maxP95Millis() + " ms" : "") + ", outcomes " + report.outcomes());
        log.line("successRate " + targets.get(0) + (targets.size() > 1 ? " (+" + (targets.size() - 1) + " endpoints)" : "")
                + " → " + summary);
        return new Verdict(passed, summary, report);
    }

    /** docker-java's own exceptions, and its transport's wrapped I/O errors (socket missing, connection reset). */
    private static boolean engineFailure(RuntimeException e) {
        return e instanceof DockerException || e instanceof DockerClientException || e.getCause() instanceof IOException;
    }

    /** The engine connection, opened by the first check that needs it: HTTP-only verification never touches it. */
    private static final class Engine implements AutoCloseable {
        private final DockerHost host;
        private DockerClient client;

        Engine(DockerHost host) {
            this.host = host;
        }

        DockerClient client() {
            if (client == null) {
                client = VerifyDocker.connect(host);
            }
            return client;
        }

        @Override
        public void close() {
            if (client != null) {
                try {
                    client.close();
                } catch (IOException ignored) {
                    // the connection pool goes away with the client; nothing to report
                }
            }
        }
    }

    private static String firstLine(String text) {
        return text == null ? "(no message)" : text.strip().lines().findFirst().orElse("");
    }
}
