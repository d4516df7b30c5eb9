package io.jenkins.plugins.containerrollout.core.report;

import io.jenkins.plugins.containerrollout.core.analysis.AnalysisSource;
import io.jenkins.plugins.containerrollout.core.analysis.RouterAnalysis;
import io.jenkins.plugins.containerrollout.core.analysis.Traffic;
import io.jenkins.plugins.containerrollout.core.analysis.TrafficThresholds;
import io.jenkins.plugins.containerrollout.core.analysis.WindowResult;
import io.jenkins.plugins.containerrollout.core.image.BuildResult;
import io.jenkins.plugins.containerrollout.core.image.GitMetadata;
import io.jenkins.plugins.containerrollout.core.record.MetricsCalculator;
import io.jenkins.plugins.containerrollout.core.record.Operation;
import io.jenkins.plugins.containerrollout.core.record.Outcome;
import io.jenkins.plugins.containerrollout.core.record.RolloutRecord;
import io.jenkins.plugins.containerrollout.core.record.TimelineEvent.Type;
import io.jenkins.plugins.containerrollout.core.verify.CheckResult;
import io.jenkins.plugins.containerrollout.core.verify.CheckStatus;
import io.jenkins.plugins.containerrollout.core.verify.HttpEvidence;
import io.jenkins.plugins.containerrollout.core.verify.LatencyStats;
import io.jenkins.plugins.containerrollout.core.verify.OnFailure;
import io.jenkins.plugins.containerrollout.core.verify.TestCounts;
import io.jenkins.plugins.containerrollout.core.verify.VerificationResult;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A hand-made run shaped like {@code scripts/demo}'s, for the browser check and the docs: {@code sample-app} is
 * built and deployed three times – a first rolling deploy of revision 1, a blue-green switch to revision 2, both
 * verified – then a broken revision 3 goes out as a canary judged by the router's counters: its window at 5 % passes
 * (20 requests, none failed), then it fails every request (its connection pool runs dry), so the window at 10 % fails
 * (canary 40 of 40 failed while stable answered all 360), the canary's weight goes to 0 at once, its replicas stop
 * (each takes its 10 s stop timeout) and revision 2 is restored. The windows are judged by the real
 * {@link RouterAnalysis} and kept in the record, as the deployer keeps them. The events are the ones
 * the Docker-host deployer writes, in its words; metrics come from the real {@link MetricsCalculator}.
 *
 * <p>Usage: {@code java -cp target/classes io.jenkins.plugins.containerrollout.core.report.SampleCanaryReport out.html}
 */
public final class SampleCanaryReport {
    static final String APP = "sample-app";
    static final String REMOTE = "https://github.com/example/sample-app.git";
    static final String COMMIT = "5d2f0c9a8b7e6d5c4b3a29180f7e6d5c4b3a2918";
    static final String BUILD_URL = "https://jenkins.example.com/job/sample-app/42/";
    /** The router analysis' thresholds: 95 % success, at most 5 points below stable, 20 requests a window. */
    static final TrafficThresholds THRESHOLDS = new TrafficThresholds(0.95, 0, 5, 20);
    static final String ANALYSIS_SETTING = "router counters, minRequests 20, maxPointsWorseThanStable 5.0, when "
            + "inconclusive: 1 more pause(s), then synthetic";
    private static final int PORTS = 18100;

    private SampleCanaryReport() {
    }

    /** The run: three builds, three deploys, two passing verifications, the failed canary. */
    public static DeliveryReport create() {
        long t = SampleReport.START;
        List<ReportEntry> entries = new ArrayList<>();
        RolloutRecord first = firstDeploy(t + 8_000);
        RolloutRecord blueGreen = blueGreen(first.finishedAtMillis() + 20_000);
        RolloutRecord canary = canary(blueGreen.finishedAtMillis() + 20_000);
        entries.add(new ReportEntry.Build(image(1), build(1)));
        entries.add(new ReportEntry.Rollout(first));
        entries.add(new ReportEntry.Verification(verified(first.finishedAtMillis() + 1_000, 0)));
        entries.add(new ReportEntry.Build(image(2), build(2)));
        entries.add(new ReportEntry.Rollout(blueGreen));
        entries.add(new ReportEntry.Verification(verified(blueGreen.finishedAtMillis() + 1_000, 3)));
        entries.add(new ReportEntry.Build(image(3), build(3)));
        entries.add(new ReportEntry.Rollout(canary));
        return new DeliveryReport("sample-app delivery (sample)", canary.finishedAtMillis() + 1_000, SampleReport.NOTE,
                entries);
    }

    /** Writes the page to the given file. */
    public static void main(String[] args) throws IOException {
        HtmlReport.write(create(), Path.of(args.length > 0 ? args[0] : "sample-canary.html"));
    }

    static String image(int version) {
        return "127.0.0.1:5000/" + APP + ":" + version;
    }

    private static BuildResult build(int version) {
        String id = "sha256:" + String.valueOf(version).repeat(64);
        return new BuildResult(id, List.of(image(version)), Map.of(image(version), "sha256:" + "d".repeat(63) + version),
                Map.of("org.opencontainers.image.version", String.valueOf(version)), 4_096, 2_100,
                new GitMetadata(COMMIT, REMOTE, Instant.ofEpochMilli(SampleReport.START - 3_600_000)));
    }

    private static RolloutRecord firstDeploy(long start) {
        SampleTimeline tl = begin(start, 0, 1, "rolling");
        String ports = "";
        for (int slot = 0; slot < 3; slot++) {
            long at = 100 + 1_500L * slot;
            tl.start(at, 1, slot, "sha256:111111111111").at(at + 900, Type.READY, 1, slot, "HTTP 200 in 3 ms");
            ports += (slot == 0 ? "" : ", ") + (PORTS + slot);
            tl.traffic(at + 910, 1, "serving ports [" + ports + "]");
        }
        return converged(tl, 0, 1, "rolling", 4_200);
    }

    private static RolloutRecord blueGreen(long start) {
        SampleTimeline tl = begin(start, 1, 2, "blue_green");
        for (int slot = 0; slot < 3; slot++) {
            tl.at(10 + slot, Type.SERVING, 1, slot, "HTTP 200 in 3 ms");
            tl.start(100 + 50L * slot, 2, 3 + slot, "sha256:222222222222")
                    .at(1_100 + 80L * slot, Type.READY, 2, 3 + slot, "HTTP 200 in 3 ms");
        }
        tl.traffic(1_300, 2, "serving ports [18103, 18104, 18105]");
        for (int slot = 0; slot < 3; slot++) {
            tl.at(2_400 + slot, Type.STOPPED, 1, slot, "replaced");
        }
        return converged(tl, 1, 2, "blue_green", 2_500);
    }

    private static RolloutRecord canary(long start) {
        SampleTimeline tl = begin(start, 2, 3, "canary");
        for (int slot = 3; slot < 6; slot++) {
            tl.at(10 + slot, Type.SERVING, 2, slot, "HTTP 200 in 3 ms");
        }
        tl.at(40, Type.PHASE, 3, -1, "canary: starting 2 replica(s) of revision 3 beside the stable ones; analysis: "
                + ANALYSIS_SETTING);
        tl.start(60, 3, 0, "sha256:333333333333").start(70, 3, 1, "sha256:333333333333")
                .at(650, Type.READY, 3, 0, "HTTP 200 in 4 ms").at(700, Type.READY, 3, 1, "HTTP 200 in 4 ms");
        tl.traffic(720, 3, "canary weight 5 %: revision 3 gets 5.0 % (ports [18100, 18101]), "
                + "weights {18100=20, 18101=20, 18103=256, 18104=256, 18105=256}");
        long base = tl.base();
        WindowResult passed = RouterAnalysis.judge(AnalysisSource.ROUTER, new Traffic(20, 0, 0, 0, 0, 3.4, 3.6),
                new Traffic(380, 0, 0, 0, 0, 3.1, 3.3), THRESHOLDS, base + 730, base + 2_730);
        tl.at(2_735, Type.PROBE, 3, -1, passed.describe(5, 3));
        tl.traffic(2_740, 3, "canary weight 10 %: revision 3 gets 10.0 % (ports [18100, 18101]), "
                + "weights {18100=40, 18101=40, 18103=240, 18104=240, 18105=240}");
        WindowResult failed = RouterAnalysis.judge(AnalysisSource.ROUTER, new Traffic(40, 40, 0, 0, 0, 1.2, 1.3),
                new Traffic(360, 0, 0, 0, 0, 3.2, 3.4), THRESHOLDS, base + 2_750, base + 4_750);
        String analysis = failed.describe(10, 3) + "; 1 of failureLimit 1";
        tl.at(4_755, Type.PROBE, 3, -1, analysis);
        tl.traffic(4_760, 3, "canary weight 0 %: revision 3 gets 0.0 % (ports [18100, 18101]), "
                + "weights {18103=256, 18104=256, 18105=256}");
        tl.at(14_760, Type.STOPPED, 3, 0, "canary aborted").at(24_765, Type.STOPPED, 3, 1, "canary aborted");
        tl.at(24_775, Type.PHASE, 3, -1, "revision 3 failed: " + analysis);
        tl.at(24_785, Type.ROLLBACK_STARTED, 2, -1, "rolling back to revision 2");
        tl.traffic(24_835, 3, "serving ports [18103, 18104, 18105]");
        tl.at(24_855, Type.PHASE, 2, -1, "3/3 replicas on revision 2");
        tl.at(24_878, Type.RESTORED, 2, -1, "revision 2 restored");
        return record(tl, Operation.DEPLOY, 2, 3, 2, "canary", 24_955, Outcome.ROLLED_BACK,
                analysis + "; rolled back to revision 2").withAnalysis(List.of(passed, failed));
    }

    /** A timeline that starts as the deployer's does: "deploying revision 2 (image) from revision 1: ...". */
    private static SampleTimeline begin(long start, int from, int to, String strategy) {
        return new SampleTimeline(start, PORTS).at(0, Type.PHASE, to, -1, "deploying revision " + to + " (" + image(to)
                + ") from revision " + from + ": 3 replicas, " + strategy);
    }

    /** The record of a deploy whose replicas all converged on {@code to} at {@code at}. */
    private static RolloutRecord converged(SampleTimeline tl, int from, int to, String strategy, long at) {
        String done = "3/3 replicas on revision " + to;
        tl.at(at, Type.PHASE, to, -1, done);
        return record(tl, Operation.DEPLOY, from, to, to, strategy, at + 100, Outcome.SUCCEEDED, done);
    }

    private static RolloutRecord record(SampleTimeline tl, Operation op, int from, int to, int serving, String strategy,
            long duration, Outcome outcome, String message) {
        Map<String, String> settings = new LinkedHashMap<>(Map.of("maxSurge", "1 = 1", "maxUnavailable", "0 = 0",
                "batchDelayMillis", "0", "minReadySeconds", "0", "progressDeadlineSeconds", "600", "failureRatio", "0.0",
                "autoRollback", "true"));
        if (strategy.equals("blue_green")) {
            settings.put("scaleDownDelaySeconds", "1");
        } else if (strategy.equals("canary")) {
            settings.putAll(Map.of("steps", "5:2,10:2,50:2", "canaryReplicas", "2", "analysis", ANALYSIS_SETTING,
                    "analysisPath", "/", "minSuccessRatio", "0.95", "maxP95Millis", "0", "analysisRequests", "60",
                    "failureLimit", "1"));
        } else {
            settings.put("replacement", "stopStarted");
        }
        long end = tl.base() + duration;
        return new RolloutRecord(APP, op, from, to, serving, image(to), "sha256:" + String.valueOf(to).repeat(64),
                null, 3, strategy, settings, tl.events(), outcome, message, tl.base(), end,
                MetricsCalculator.compute(tl.events(), 3, to, op, tl.base(), end), COMMIT, BUILD_URL);
    }

    private static VerificationResult verified(long start, int firstSlot) {
        LatencyStats fast = new LatencyStats(3, 2.0, 3.1, 3.1);
        List<HttpEvidence.Target> targets = new ArrayList<>();
        for (int slot = firstSlot; slot < firstSlot + 3; slot++) {
            targets.add(new HttpEvidence.Target("http://127.0.0.1:" + (PORTS + slot) + "/cgi-bin/health", true, 1,
                    List.of(200), "", "", fast));
        }
        return new VerificationResult(APP, true, OnFailure.ROLLBACK, 1, 0, 0, new TestCounts(0, 0, 0, 0, 0, 0), List.of(new CheckResult(
                "{endpoint}/cgi-bin/health", "http", CheckStatus.PASSED, "3/3 targets answered 200, p95 3.1 ms",
                new HttpEvidence(targets), start, 30)), start, 1_200);
    }
}
