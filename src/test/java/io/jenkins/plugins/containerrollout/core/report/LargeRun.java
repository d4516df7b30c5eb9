package io.jenkins.plugins.containerrollout.core.report;

import io.jenkins.plugins.containerrollout.core.record.MetricsCalculator;
import io.jenkins.plugins.containerrollout.core.record.Operation;
import io.jenkins.plugins.containerrollout.core.record.Outcome;
import io.jenkins.plugins.containerrollout.core.record.RolloutRecord;
import io.jenkins.plugins.containerrollout.core.record.TimelineEvent;
import io.jenkins.plugins.containerrollout.core.record.TimelineEvent.Type;
import io.jenkins.plugins.containerrollout.core.verify.junit.CaseOutcome;
import io.jenkins.plugins.containerrollout.core.verify.junit.FailedCase;
import io.jenkins.plugins.containerrollout.core.verify.junit.JunitReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The size test's and the benchmark's input: a rolling update of many replicas (each old one serving, then replaced
 * by a new one that starts, gets probed and becomes ready) and a test run in which every case failed with a long
 * excerpt – the worst case for the page size.
 *
 * <p>Usage: {@code DeliveryReport big = LargeRun.report(50, 10_000);}
 */
public final class LargeRun {
    private LargeRun() {
    }

    public static DeliveryReport report(int replicas, int failingCases) {
        return DeliveryReport.of("large run", List.of(new ReportEntry.Rollout(rollout(replicas)),
                new ReportEntry.Tests("all failing", failingTests(failingCases))));
    }

    public static RolloutRecord rollout(int replicas) {
        long start = 1_000_000L;
        List<TimelineEvent> events = new ArrayList<>();
        for (int slot = 0; slot < replicas; slot++) {
            events.add(new TimelineEvent(start, Type.SERVING, 1, slot, 20000 + slot, "HTTP 200"));
        }
        long t = start;
        for (int slot = 0; slot < replicas; slot++) {
            events.add(new TimelineEvent(t += 100, Type.STOPPED, 1, slot, 20000 + slot, "replaced"));
            events.add(TimelineEvent.app(t, Type.TRAFFIC, 2, "serving ports: " + (replicas - 1) + " ports"));
            events.add(new TimelineEvent(t += 50, Type.CREATED, 2, slot, 20000 + slot, "sha256:abc"));
            events.add(new TimelineEvent(t += 50, Type.STARTED, 2, slot, 20000 + slot, ""));
            events.add(new TimelineEvent(t += 400, Type.PROBE, 2, slot, 20000 + slot, "connection refused"));
            events.add(new TimelineEvent(t += 400, Type.READY, 2, slot, 20000 + slot, "HTTP 200"));
        }
        long end = t + 100;
        return new RolloutRecord("big-app", Operation.DEPLOY, 1, 2, 2, "registry/big-app:2", "sha256:1", "sha256:2",
                replicas, "rolling", Map.of("maxSurge", "0", "maxUnavailable", "1"), events, Outcome.SUCCEEDED,
                replicas + "/" + replicas + " replicas on revision 2", start, end,
                MetricsCalculator.compute(events, replicas, 2, Operation.DEPLOY, start, end));
    }

    public static JunitReport failingTests(int cases) {
        List<FailedCase> failures = new ArrayList<>();
        String excerpt = "java.lang.AssertionError: boom\n\tat Some.frame(Some.java:1)\n".repeat(80);
        for (int i = 0; i < cases; i++) {
            failures.add(new FailedCase("suite", "com.example.Case" + i, "test" + i, 0.01, CaseOutcome.FAILED,
                    "java.lang.AssertionError", "boom " + i, excerpt));
        }
        return new JunitReport(List.of("TEST-all.xml"), 1, cases, 0, cases, 0, 0, 0, cases * 0.01, failures, 0);
    }
}
