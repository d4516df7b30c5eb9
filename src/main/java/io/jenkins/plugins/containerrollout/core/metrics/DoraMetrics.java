package io.jenkins.plugins.containerrollout.core.metrics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The four DORA metrics of one application over a window of builds (DESIGN §6):
 * <ul>
 * <li>deployment frequency: verified deploys per day of the window (a window shorter than a day counts as one day);</li>
 * <li>lead time for changes: median of commit time → verified deploy, over verified deploys whose commit time is known;</li>
 * <li>change failure rate: failed deploys (failed, rolled back, or failed verification) ÷ deploys;</li>
 * <li>time to restore: median of first failed deploy → next verified deploy of the same app; consecutive failures
 *     are one incident, and an incident not yet restored is counted in {@code unrestored} instead.</li>
 * </ul>
 * Values that cannot be computed (no deploy, no verified deploy with a commit time, no restored incident) are -1.
 *
 * <p>Usage: {@code for (DoraMetrics m : DoraMetrics.perApp(deployments, from, to)) print(m.app(), m.changeFailureRate());}
 *
 * @param app                 the application
 * @param deploys             deploys in the window
 * @param verifiedDeploys     of which verified
 * @param failedDeploys       of which failed changes
 * @param windowDays          length of the window in days (at least 1)
 * @param deploymentsPerDay   verified deploys per day
 * @param leadTimeMillis      median lead time, -1 when unknown
 * @param leadTimeSamples     verified deploys that had a commit time
 * @param changeFailureRate   failed ÷ deploys, -1 without deploys
 * @param timeToRestoreMillis median time to restore, -1 when no incident was restored
 * @param incidents           failure incidents (runs of consecutive failed deploys)
 * @param unrestored          incidents with no verified deploy after them yet
 */
public record DoraMetrics(String app, int deploys, int verifiedDeploys, int failedDeploys, double windowDays,
        double deploymentsPerDay, long leadTimeMillis, int leadTimeSamples, double changeFailureRate,
        long timeToRestoreMillis, int incidents, int unrestored) {

    private static final double DAY_MILLIS = 86_400_000.0;

    /**
     * The metrics of every application in {@code deployments}, sorted by application name.
     *
     * @param windowStartMillis start of the window (e.g. the oldest build considered), epoch milliseconds
     * @param windowEndMillis   end of the window (e.g. now)
     */
    public static List<DoraMetrics> perApp(List<Deployment> deployments, long windowStartMillis, long windowEndMillis) {
        Map<String, List<Deployment>> byApp = new TreeMap<>();
        for (Deployment d : deployments) {
            byApp.computeIfAbsent(d.app(), a -> new ArrayList<>()).add(d);
        }
        List<DoraMetrics> out = new ArrayList<>(byApp.size());
        for (Map.Entry<String, List<Deployment>> e : byApp.entrySet()) {
            out.add(of(e.getKey(), e.getValue(), windowStartMillis, windowEndMillis));
        }
        return out;
    }

    /** The metrics of one application's deploys (any order). */
    public static DoraMetrics of(String app, List<Deployment> deployments, long windowStartMillis, long windowEndMillis) {
        List<Deployment> sorted = new ArrayList<>(deployments);
        sorted.sort(Comparator.comparingLong(Deployment::deployedAtMillis).thenComparingInt(Deployment::build));
        double days = Math.max(1.0, (windowEndMillis - windowStartMillis) / DAY_MILLIS);
        int verified = 0;
        int failed = 0;
        List<Long> leadTimes = new ArrayList<>();
        List<Long> restores = new ArrayList<>();
        int incidents = 0;
        long incidentStart = -1;
        for (Deployment d : sorted) {
            if (d.failed()) {
                failed++;
                if (incidentStart < 0) {
                    incidents++;
                    incidentStart = d.deployedAtMillis();
                }
            } else if (d.verified()) {
                verified++;
                if (d.commitTimeMillis() > 0) {
                    leadTimes.add(Math.max(0, d.deployedAtMillis() - d.commitTimeMillis()));
                }
                if (incidentStart >= 0) {
                    restores.add(d.deployedAtMillis() - incidentStart);
                    incidentStart = -1;
                }
            }
        }
        int n = sorted.size();
        return new DoraMetrics(app, n, verified, failed, days, verified / days, median(leadTimes), leadTimes.size(),
                n == 0 ? -1 : (double) failed / n, median(restores), incidents, incidentStart >= 0 ? 1 : 0);
    }

    /** The median, the mean of the two middle values for an even count; -1 for none. */
    static long median(List<Long> values) {
        if (values.isEmpty()) {
            return -1;
        }
        List<Long> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int mid = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(mid) : (sorted.get(mid - 1) + sorted.get(mid)) / 2;
    }
}
