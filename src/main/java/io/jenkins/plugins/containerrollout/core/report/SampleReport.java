package io.jenkins.plugins.containerrollout.core.report;

import io.jenkins.plugins.containerrollout.core.build.BuildResult;
import io.jenkins.plugins.containerrollout.core.record.MetricsCalculator;
import io.jenkins.plugins.containerrollout.core.record.Operation;
import io.jenkins.plugins.containerrollout.core.record.Outcome;
import io.jenkins.plugins.containerrollout.core.record.RolloutRecord;
import io.jenkins.plugins.containerrollout.core.record.TimelineEvent;
import io.jenkins.plugins.containerrollout.core.record.TimelineEvent.Type;
import io.jenkins.plugins.containerrollout.core.verify.junit.CaseOutcome;
import io.jenkins.plugins.containerrollout.core.verify.junit.FailedCase;
import io.jenkins.plugins.containerrollout.core.verify.junit.JunitReport;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A hand-made delivery run for the demo, the docs and the browser check, clearly labelled as sample data: a rolling
 * update of {@code shop-web} from revision 6 to 7 (4 replicas, maxSurge 1, maxUnavailable 1) in which one new replica
 * fails its health gate, so revision 6 is restored automatically, followed by smoke tests of which four fail. The
 * metrics are computed from the timeline by the real {@link MetricsCalculator}, not typed in.
 *
 * <p>Usage: {@code java -cp target/classes:$(cat target/cp.txt) io.jenkins.plugins.containerrollout.core.report.SampleReport sample.html}
 */
public final class SampleReport {
    /** 2026-11-25 14:32:05 UTC: a fixed start keeps the sample page identical from run to run. */
    static final long START = 1_795_617_125_000L;
    static final String NOTE = "Sample data: a hand-made delivery run for illustration, not recorded from a real rollout.";

    private final List<TimelineEvent> events = new ArrayList<>();

    private SampleReport() {
    }

    /** The sample run: build, rollout with automatic rollback, failing smoke tests. */
    public static DeliveryReport create() {
        return new DeliveryReport("shop-web #128 (sample)", START + 60_000, NOTE, List.of(
                new ReportEntry.Build("127.0.0.1:5000/shop-web:1.8.0", build()),
                new ReportEntry.Rollout(new SampleReport().rollout()),
                new ReportEntry.Tests("smoke tests against the revision 7 replicas", tests())));
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
        String image = "127.0.0.1:5000/shop-web:1.8.0";
        return new BuildResult("sha256:4f1c9e2ab07d53c86e1f0b9d2a4c7e5f3b8a6d1c0e9f2b4a7c5d3e1f0a9b8c7d6",
                List.of(image, "127.0.0.1:5000/shop-web:latest"),
                Map.of(image, "sha256:b83e5d0c2f7a419e6d8c1b3a5f7e9d2c4b6a8f0e1d3c5b7a9e2f4d6c8b0a1e3f5",
                        "127.0.0.1:5000/shop-web:latest",
                        "sha256:b83e5d0c2f7a419e6d8c1b3a5f7e9d2c4b6a8f0e1d3c5b7a9e2f4d6c8b0a1e3f5"),
                labels, 184_320, 7_840);
    }

    private RolloutRecord rollout() {
        at(0, Type.PHASE, 7, -1, "deploying revision 7 (127.0.0.1:5000/shop-web:1.8.0) from revision 6: 4 replicas, rolling");
        for (int slot = 0; slot < 4; slot++) {
            at(40 + 20 * slot, Type.SERVING, 6, slot, "HTTP 200 in 3 ms");
        }
        // maxUnavailable 1: one old replica leaves before its successor starts; maxSurge 1 adds a fifth meanwhile
        traffic(250, "[18081, 18082, 18083]");
        at(300, Type.STOPPED, 6, 0, "replaced");
        start(400, 7, 0);
        start(500, 7, 4);
        at(3100, Type.READY, 7, 0, "HTTP 200 in 4 ms");
        traffic(3110, "[18080, 18081, 18082, 18083]");
        at(3300, Type.READY, 7, 4, "HTTP 200 in 5 ms");
        traffic(3310, "[18080, 18081, 18082, 18083, 18084]");
        traffic(3500, "[18080, 18082, 18083, 18084]");
        at(3600, Type.STOPPED, 6, 1, "replaced");
        traffic(3700, "[18080, 18083, 18084]");
        at(3800, Type.STOPPED, 6, 2, "replaced");
        start(3900, 7, 1);
        start(4100, 7, 2);
        at(5600, Type.PROBE, 7, 1, "HTTP 500 in 11 ms: migration 0042 not applied");
        at(6800, Type.READY, 7, 2, "HTTP 200 in 4 ms");
        traffic(6810, "[18080, 18082, 18083, 18084]");
        at(7600, Type.PROBE, 7, 1, "HTTP 500 in 9 ms: migration 0042 not applied");
        at(9600, Type.FAILED, 7, 1, "health gate: 3 consecutive failed probes (last: HTTP 500 in 10 ms)");
        at(9650, Type.PHASE, 7, -1, "revision 7 failed: replica shop-web-7-1 failed its health gate; 1 of 4 new replicas"
                + " failed, more than failureRatio 0.0 allows");
        at(9700, Type.ROLLBACK_STARTED, 6, -1, "rolling back to revision 6");
        // the restore is a rolling update back to the kept revision-6 containers
        restart(9800, 6, 1);
        traffic(9900, "[18080, 18082, 18083]");
        at(10000, Type.STOPPED, 7, 4, "surplus");
        at(11900, Type.READY, 6, 1, "HTTP 200 in 3 ms");
        traffic(11910, "[18080, 18081, 18082, 18083]");
        traffic(12000, "[18080, 18081, 18083]");
        at(12100, Type.STOPPED, 7, 2, "replaced");
        restart(12200, 6, 2);
        at(14200, Type.READY, 6, 2, "HTTP 200 in 3 ms");
        traffic(14210, "[18080, 18081, 18082, 18083]");
        traffic(14300, "[18081, 18082, 18083]");
        at(14400, Type.STOPPED, 7, 0, "replaced");
        restart(14500, 6, 0);
        at(16500, Type.READY, 6, 0, "HTTP 200 in 3 ms");
        traffic(16510, "[18080, 18081, 18082, 18083]");
        at(16600, Type.RESTORED, 6, -1, "revision 6 restored");
        long end = START + 16_700;
        Map<String, String> settings = Map.of("maxSurge", "1 = 1", "maxUnavailable", "1 = 1", "minReadySeconds", "0",
                "progressDeadlineSeconds", "600", "failureRatio", "0.0", "autoRollback", "true");
        return new RolloutRecord("shop-web", Operation.DEPLOY, 6, 7, 6, "127.0.0.1:5000/shop-web:1.8.0",
                "sha256:4f1c9e2ab07d53c86e1f0b9d2a4c7e5f3b8a6d1c0e9f2b4a7c5d3e1f0a9b8c7d6",
                "sha256:b83e5d0c2f7a419e6d8c1b3a5f7e9d2c4b6a8f0e1d3c5b7a9e2f4d6c8b0a1e3f5", 4, "rolling", settings,
                events, Outcome.ROLLED_BACK, "replica shop-web-7-1 failed its health gate (HTTP 500); rolled back to"
                        + " revision 6", START, end,
                MetricsCalculator.compute(events, 4, 7, Operation.DEPLOY, START, end));
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
        events.add(new TimelineEvent(START + offset, type, revision, slot, slot < 0 ? 0 : 18080 + slot, detail));
    }

    private void traffic(long offset, String ports) {
        at(offset, Type.TRAFFIC, 7, -1, "serving ports " + ports);
    }

    private void start(long offset, int revision, int slot) {
        at(offset, Type.CREATED, revision, slot, "sha256:4f1c9e2ab07d");
        at(offset + 150, Type.STARTED, revision, slot, "");
    }

    private void restart(long offset, int revision, int slot) {
        at(offset, Type.CREATED, revision, slot, "kept container re-used");
        at(offset + 100, Type.STARTED, revision, slot, "");
    }
}
