package io.jenkins.plugins.containerrollout.core.verify;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Runs an {@link HttpCheck} against each of its target URLs: attempts until one passes, then latency samples. */
record HttpCheckRunner(HttpProber prober, CheckLog log) {
    private static final int EXCERPT = 512;

    Verdict run(HttpCheck check, List<URI> targets) throws InterruptedException {
        HttpExpectations expectations = new HttpExpectations(check);
        List<HttpEvidence.Target> results = new ArrayList<>();
        for (URI url : targets) {
            results.add(probe(check, expectations, url));
        }
        List<HttpEvidence.Target> failed = results.stream().filter(t -> !t.passed()).toList();
        String summary = results.size() == 1 ? describe(check, results.get(0))
                : (results.size() - failed.size()) + "/" + results.size() + " endpoints passed"
                        + (failed.isEmpty() ? "" : "; " + describe(check, failed.get(0)));
        return new Verdict(failed.isEmpty(), summary, new HttpEvidence(results));
    }

    private static String describe(HttpCheck check, HttpEvidence.Target t) {
        String measured = t.statuses().isEmpty() ? "" : "status " + t.statuses().get(t.statuses().size() - 1) + ", ";
        String latency = t.latency().count() == 1 ? "in " + t.latency().maxMillis() + " ms" : t.latency().describe();
        return t.url() + ": " + (t.passed() ? "" : t.failure() + "; ") + measured + latency + " (attempt " + t.attempts() + "/"
                + check.attempts() + ")";
    }

    private HttpEvidence.Target probe(HttpCheck check, HttpExpectations expectations, URI url) throws InterruptedException {
        List<Integer> statuses = new ArrayList<>();
        Exchange last = null;
        Optional<String> failure = Optional.of("not run");
        int attempt = 0;
        while (attempt < check.attempts() && failure.isPresent()) {
            if (attempt > 0) {
                Thread.sleep(check.intervalMillis());
            }
            attempt++;
            last = prober.send(check.method(), url, check.timeoutMillis());
            statuses.add(last.status());
            failure = expectations.mismatch(last);
            log.line("http " + check.method() + " " + url + " → " + (last.answered() ? last.status() + " in " + last.millis() + " ms"
                    : last.outcome()) + " (attempt " + attempt + "/" + check.attempts() + ")" + failure.map(f -> ": " + f).orElse(""));
        }
        List<Long> latencies = new ArrayList<>();
        if (failure.isEmpty() && check.samples() == 1) {
            latencies.add(last.nanos());
        }
        // with samples, measure fresh requests only: the passing attempt may carry the JVM's first-connection cost
        for (int i = 1; i <= check.samples() && check.samples() > 1 && failure.isEmpty(); i++) {
            Exchange sample = prober.send(check.method(), url, check.timeoutMillis());
            statuses.add(sample.status());
            latencies.add(sample.nanos());
            int n = i;
            failure = expectations.mismatch(sample).map(f -> "latency sample " + n + "/" + check.samples() + ": " + f);
        }
        LatencyStats latency = LatencyStats.ofNanos(latencies.stream().mapToLong(Long::longValue).toArray());
        if (failure.isEmpty() && check.maxP95Millis() > 0 && latency.p95Millis() > check.maxP95Millis()) {
            failure = Optional.of("p95 " + latency.p95Millis() + " ms over " + latency.count() + " requests exceeds "
                    + check.maxP95Millis() + " ms");
        }
        if (check.samples() > 1) {
            log.line("http " + url + " latency over " + latency.count() + " requests: " + latency.describe()
                    + failure.map(f -> ": " + f).orElse(""));
        }
        String body = last.body();
        return new HttpEvidence.Target(url.toString(), failure.isEmpty(), attempt, statuses, failure.orElse(""),
                body.length() > EXCERPT ? body.substring(0, EXCERPT) + "…" : body, latency);
    }
}
