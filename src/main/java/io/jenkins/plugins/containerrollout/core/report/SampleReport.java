package io.jenkins.plugins.containerrollout.core.report;

import io.jenkins.plugins.containerrollout.core.image.BuildResult;
import io.jenkins.plugins.containerrollout.core.record.MetricsCalculator;
import io.jenkins.plugins.containerrollout.core.record.Operation;
import io.jenkins.plugins.containerrollout.core.record.Outcome;
import io.jenkins.plugins.containerrollout.core.record.RolloutRecord;
import io.jenkins.plugins.containerrollout.core.record.TimelineEvent;
import io.jenkins.plugins.containerrollout.core.record.TimelineEvent.Type;
import io.jenkins.plugins.containerrollout.core.verify.CheckResult;
import io.jenkins.plugins.containerrollout.core.verify.CheckStatus;
import io.jenkins.plugins.containerrollout.core.verify.HttpEvidence;
import io.jenkins.plugins.containerrollout.core.verify.LatencyStats;
import io.jenkins.plugins.containerrollout.core.verify.OnFailure;
import io.jenkins.plugins.containerrollout.core.verify.SmokeTestEvidence;
import io.jenkins.plugins.containerrollout.core.verify.TestCounts;
import io.jenkins.plugins.containerrollout.core.verify.TrafficReport;
import io.jenkins.plugins.containerrollout.core.verify.VerificationResult;
import io.jenkins.plugins.containerrollout.core.verify.junit.CaseOutcome;
import io.jenkins.plugins.containerrollout.core.verify.junit.FailedCase;
import io.jenkins.plugins.containerrollout.core.verify.junit.JunitReport;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A hand-made delivery run for the demo, the docs and the browser check, clearly labelled as sample data. The story:
 * image {@code shop-web:1.8.0} is built; a rolling update takes {@code shop-web} from revision 6 to 7 (4 replicas,
 * maxSurge 1, maxUnavailable 1, failureRatio 0.25) and one new replica fails its health gate and is replaced; the
 * verification that follows fails (the success rate of live traffic is too low, four smoke tests fail) and asked for
 * {@code onFailure: rollback}, so revision 6 is rolled back in. Metrics are computed from the timelines by the real
 * {@link MetricsCalculator}, not typed in.
 *
 * <p>Usage: {@code java -cp target/classes io.jenkins.plugins.containerrollout.core.report.SampleReport sample.html}
 */
public final class SampleReport {
    /** 2026-11-25 14:32:05 UTC: a fixed start keeps the sample page identical from run to run. */
    static final long START = 1_795_617_125_000L;
    static final String NOTE = "Sample data: a hand-made delivery run for illustration, not recorded from a real rollout.";

    /** The rollout being written. */
    private SampleTimeline timeline = new SampleTimeline(START, 18080);

    private SampleReport() {
    }

    /** The sample run: build, rollout with a replaced replica, failed verification, automatic rollback. */
    public static DeliveryReport create() {
        RolloutRecord deploy = new SampleReport().deploy();
        VerificationResult verification = verification(deploy.finishedAtMillis() + 2_000);
        RolloutRecord rollback = new SampleReport().rollback(verification.startedAtMillis()
                + verification.durationMillis() + 600);
        return new DeliveryReport("shop-web #128 (sample)", rollback.finishedAtMillis() + 1_000, NOTE, List.of(
                new ReportEntry.Build("127.0.0.1:5000/shop-web:1.8.0", build()),
                new ReportEntry.Rollout(deploy),
                new ReportEntry.Verification(verification),
                new ReportEntry.Rollout(rollback)));
    }

    /** Writes the sample page to the given file, or to standard output without an argument. */
    public static void main(String[] args) throws IOException {
        if (args.length > 0) {
            HtmlReport.write(create(), Path.of(args[0]));
        } else {
            Writer out = new OutputStreamWriter(System.out, StandardCharsets.UTF_8);
            HtmlReport.render(create(), out);
            out.flush();
        }
    }

    private static BuildResult build() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("org.opencontainers.image.revision", "9c41e07d2b8f5a6e13d0c7b4a9e2f8d1c6b3a5e0");
        labels.put("org.opencontainers.image.source", "https://git.example.com/shop/shop-web.git");
        labels.put("org.opencontainers.image.created", "2026-11-25T14:30:41Z");
        labels.put("org.opencontainers.image.version", "1.8.0");
        labels.put("org.opencontainers.image.title", "shop-web");
        String latest = "127.0.0.1:5000/shop-web:latest";
        return new BuildResult(NEW.id, List.of(NEW.ref, latest), Map.of(NEW.ref, NEW.digest, latest, NEW.digest),
                labels, 184_320, 7_840);
    }

    private RolloutRecord deploy() {
        at(0, Type.PHASE, 7, -1, "deploying revision 7 (127.0.0.1:5000/shop-web:1.8.0) from revision 6: 4 replicas, rolling");
        for (int slot = 0; slot < 4; slot++) {
            at(40 + 20 * slot, Type.SERVING, 6, slot, "HTTP 200 in 3 ms");
        }
        // maxUnavailable 1: one old replica leaves before its successor starts; maxSurge 1 adds a fifth meanwhile
        traffic7(250, "[18081, 18082, 18083]");
        at(300, Type.STOPPED, 6, 0, "replaced");
        start(400, 7, 0);
        start(500, 7, 4);
        at(3100, Type.READY, 7, 0, "HTTP 200 in 4 ms");
        traffic7(3110, "[18080, 18081, 18082, 18083]");
        at(3300, Type.READY, 7, 4, "HTTP 200 in 5 ms");
        traffic7(3310, "[18080, 18081, 18082, 18083, 18084]");
        traffic7(3500, "[18080, 18082, 18083, 18084]");
        at(3600, Type.STOPPED, 6, 1, "replaced");
        traffic7(3700, "[18080, 18083, 18084]");
        at(3800, Type.STOPPED, 6, 2, "replaced");
        start(3900, 7, 1);
        start(4100, 7, 2);
        at(5600, Type.PROBE, 7, 1, "HTTP 500 in 11 ms: migration 0042 not applied");
        at(6800, Type.READY, 7, 2, "HTTP 200 in 4 ms");
        traffic7(6810, "[18080, 18082, 18083, 18084]");
        at(7600, Type.PROBE, 7, 1, "HTTP 500 in 9 ms: migration 0042 not applied");
        // 1 failed of 4 started is within failureRatio 0.25: the replica is replaced, the rollout goes on
        at(9600, Type.FAILED, 7, 1, "health gate: 3 consecutive failed probes (last: HTTP 500 in 10 ms)");
        start(9800, 7, 1);
        at(12400, Type.READY, 7, 1, "HTTP 200 in 6 ms");
        traffic7(12410, "[18080, 18081, 18082, 18083, 18084]");
        traffic7(12600, "[18080, 18081, 18082, 18084]");
        at(12700, Type.STOPPED, 6, 3, "surplus");
        at(12800, Type.PHASE, 7, -1, "4/4 replicas on revision 7");
        return record(Operation.DEPLOY, 6, 7, 7, 12_900, Outcome.SUCCEEDED, "4/4 replicas on revision 7");
    }

    /** {@code onFailure: rollback}: the kept revision-6 containers come back one by one, revision 7 leaves. */
    private RolloutRecord rollback(long start) {
        timeline = new SampleTimeline(start, 18080);
        at(0, Type.ROLLBACK_STARTED, 6, -1, "rolling back from revision 7 to revision 6");
        int[] serving = {0, 1, 2, 4};
        for (int i = 0; i < serving.length; i++) {
            at(20 + 20 * i, Type.SERVING, 7, serving[i], "HTTP 200 in 4 ms");
        }
        restart(150, 6, 3);
        traffic7(200, "[18080, 18081, 18082]");
        at(250, Type.STOPPED, 7, 4, "surplus");
        at(2100, Type.READY, 6, 3, "HTTP 200 in 3 ms");
        traffic7(2110, "[18080, 18081, 18082, 18083]");
        long t = 2200;
        for (int slot = 0; slot < 3; slot++) {
            traffic7(t, "3 ports");
            at(t + 100, Type.STOPPED, 7, slot, "replaced");
            restart(t + 200, 6, slot);
            at(t + 2000, Type.READY, 6, slot, "HTTP 200 in 3 ms");
            traffic7(t + 2010, "[18080, 18081, 18082, 18083]");
            t += 2100;
        }
        at(t, Type.RESTORED, 6, -1, "revision 6 restored");
        return record(Operation.ROLLBACK, 7, 6, 6, t + 100, Outcome.SUCCEEDED, "4/4 replicas on revision 6");
    }

    private RolloutRecord record(Operation op, int from, int to, int serving, long duration, Outcome outcome,
            String message) {
        Map<String, String> settings = Map.of("maxSurge", "1 = 1", "maxUnavailable", "1 = 1", "minReadySeconds", "0",
                "progressDeadlineSeconds", "600", "failureRatio", "0.25", "autoRollback", "true");
        long base = timeline.base();
        long end = base + duration;
        List<TimelineEvent> events = timeline.events();
        RevisionImage image = to == 7 ? NEW : OLD;
        // the engine reports repository digests (repo@sha256:...), the build the bare digest it pushed
        String repoDigest = "127.0.0.1:5000/shop-web@" + image.digest;
        return new RolloutRecord("shop-web", op, from, to, serving, image.ref, image.id, repoDigest, 4, "rolling",
                settings, events, outcome, message, base, end, MetricsCalculator.compute(events, 4, to, op, base, end));
    }

    private record RevisionImage(String ref, String id, String digest) {
    }

    private static final RevisionImage NEW = new RevisionImage("127.0.0.1:5000/shop-web:1.8.0",
            "sha256:4f1c9e2ab07d53c86e1f0b9d2a4c7e5f3b8a6d1c0e9f2b4a7c5d3e1f0a9b8c7d6",
            "sha256:b83e5d0c2f7a419e6d8c1b3a5f7e9d2c4b6a8f0e1d3c5b7a9e2f4d6c8b0a1e3f5");
    private static final RevisionImage OLD = new RevisionImage("127.0.0.1:5000/shop-web:1.7.3",
            "sha256:9a0b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f9a8b7",
            "sha256:2d4f6a8c0e1b3d5f7a9c2e4b6d8f0a1c3e5b7d9f2a4c6e8b0d1f3a5c7e9b2d4f6");

    private static VerificationResult verification(long start) {
        LatencyStats fast = new LatencyStats(4, 3.1, 4.2, 4.2);
        List<HttpEvidence.Target> targets = List.of(
                new HttpEvidence.Target("http://127.0.0.1:18080/health", true, 1, List.of(200), "", "", fast),
                new HttpEvidence.Target("http://127.0.0.1:18081/health", true, 1, List.of(200), "", "", fast),
                new HttpEvidence.Target("http://127.0.0.1:18082/health", true, 1, List.of(200), "", "", fast),
                new HttpEvidence.Target("http://127.0.0.1:18084/health", true, 1, List.of(200), "", "", fast));
        TrafficReport traffic = new TrafficReport(200, 188, 0.94, Map.of("200", 188, "500", 12),
                new LatencyStats(200, 3.4, 18.2, 41.0), 10_000, 20.0);
        SmokeTestEvidence smoke = new SmokeTestEvidence("127.0.0.1:5000/shop-smoke:1.8.0", "shop-web-smoke-128",
                "http://127.0.0.1:18080", 1, false,
                "[INFO] Tests run: 214, Failures: 3, Errors: 1, Skipped: 1\n[ERROR] There are test failures.\n",
                tests().sources(), tests(), "");
        List<CheckResult> checks = List.of(
                new CheckResult("health", "http", CheckStatus.PASSED, "4/4 targets answered 200, p95 4.2 ms",
                        new HttpEvidence(targets), start, 40),
                new CheckResult("orders traffic", "successRate", CheckStatus.FAILED, traffic.describe()
                        + "; needs at least 99.0 %", traffic, start + 100, 10_050),
                new CheckResult("smoke", "smokeTest", CheckStatus.FAILED, "exit 1; 214 tests, 4 failed", smoke,
                        start + 10_200, 48_900));
        return new VerificationResult("shop-web revision 7", false, OnFailure.ROLLBACK, 1, 2, 0, TestCounts.of(tests()),
                checks, start, 59_200);
    }

    private static JunitReport tests() {
        List<FailedCase> failures = List.of(
                new FailedCase("com.example.shop.smoke.CheckoutSmokeTest", "com.example.shop.smoke.CheckoutSmokeTest",
                        "placesOrderWithSavedCard", 0.412, CaseOutcome.FAILED, "org.opentest4j.AssertionFailedError",
                        "POST /api/orders: expected: <201> but was: <500>",
                        "org.opentest4j.AssertionFailedError: POST /api/orders: expected: <201> but was: <500>\n"
                                + "\tat com.example.shop.smoke.CheckoutSmokeTest.placesOrderWithSavedCard(CheckoutSmokeTest.java:57)\n"
                                + "--- system-out ---\n"
                                + "POST http://127.0.0.1:18084/api/orders -> 500\n"
                                + "{\"error\":\"relation \\\"order_discounts\\\" does not exist\"}\n"),
                new FailedCase("com.example.shop.smoke.CatalogSmokeTest", "com.example.shop.smoke.CatalogSmokeTest",
                        "showsPricesInGermanLocale", 0.087, CaseOutcome.FAILED, "org.opentest4j.AssertionFailedError",
                        "expected: <Preis: 12,90 €> but was: <Price: 12.90 EUR>",
                        "org.opentest4j.AssertionFailedError: expected: <Preis: 12,90 €> but was: <Price: 12.90 EUR>\n"
                                + "\tat com.example.shop.smoke.CatalogSmokeTest.showsPricesInGermanLocale(CatalogSmokeTest.java:33)\n"),
                new FailedCase("com.example.shop.smoke.HealthSmokeTest", "com.example.shop.smoke.HealthSmokeTest",
                        "reportsCurrentSchemaVersion", 0.021, CaseOutcome.FAILED, "org.opentest4j.AssertionFailedError",
                        "expected schema 0042 but /health reported 0041",
                        "org.opentest4j.AssertionFailedError: expected schema 0042 but /health reported 0041\n"),
                new FailedCase("com.example.shop.smoke.SearchSmokeTest", "com.example.shop.smoke.SearchSmokeTest",
                        "answersWithin200ms", 5.003, CaseOutcome.ERROR, "java.net.SocketTimeoutException",
                        "Read timed out",
                        "java.net.SocketTimeoutException: Read timed out\n"
                                + "\tat java.base/sun.nio.ch.NioSocketImpl.timedRead(NioSocketImpl.java:278)\n"
                                + "\tat com.example.shop.smoke.SearchSmokeTest.answersWithin200ms(SearchSmokeTest.java:41)\n"));
        return new JunitReport(List.of("smoke/TEST-com.example.shop.smoke.CheckoutSmokeTest.xml",
                "smoke/TEST-com.example.shop.smoke.CatalogSmokeTest.xml", "smoke/TEST-com.example.shop.smoke.HealthSmokeTest.xml",
                "smoke/TEST-com.example.shop.smoke.SearchSmokeTest.xml"), 4, 214, 209, 3, 1, 1, 2, 48.3, failures, 0);
    }

    private void at(long offset, Type type, int revision, int slot, String detail) {
        timeline.at(offset, type, revision, slot, detail);
    }

    private void traffic7(long offset, String ports) {
        timeline.traffic(offset, 7, "serving ports " + ports);
    }

    private void start(long offset, int revision, int slot) {
        timeline.start(offset, revision, slot, Format.shortDigest(NEW.id));
    }

    private void restart(long offset, int revision, int slot) {
        timeline.restart(offset, revision, slot);
    }
}
