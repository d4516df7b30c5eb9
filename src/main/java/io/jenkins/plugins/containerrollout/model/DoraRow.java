package io.jenkins.plugins.containerrollout.model;

import io.jenkins.plugins.containerrollout.core.report.Format;
import io.jenkins.plugins.containerrollout.core.metrics.DoraMetrics;
import java.util.Locale;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/**
 * One application's DORA metrics as the job page shows them: every value already plain text (Jelly escapes it); the
 * REST API gets the numbers ({@code -1} where a metric cannot be computed).
 *
 * <p>Usage: {@code new DoraRow(metrics).getChangeFailureRate() // "25 % (1 of 4 deploys)"}
 */
@ExportedBean(defaultVisibility = 2)
public final class DoraRow {
    private final DoraMetrics m;

    public DoraRow(DoraMetrics metrics) {
        this.m = metrics;
    }

    @Exported
    public String getApp() {
        return m.app();
    }

    @Exported
    public int getDeploys() {
        return m.deploys();
    }

    @Exported
    public int getVerifiedDeploys() {
        return m.verifiedDeploys();
    }

    @Exported
    public int getFailedDeploys() {
        return m.failedDeploys();
    }

    @Exported
    public double getWindowDays() {
        return m.windowDays();
    }

    @Exported
    public double getDeploymentsPerDay() {
        return m.deploymentsPerDay();
    }

    @Exported
    public long getLeadTimeMillis() {
        return m.leadTimeMillis();
    }

    @Exported
    public double getChangeFailureRatio() {
        return m.changeFailureRate();
    }

    @Exported
    public long getTimeToRestoreMillis() {
        return m.timeToRestoreMillis();
    }

    @Exported
    public int getIncidents() {
        return m.incidents();
    }

    @Exported
    public int getUnrestored() {
        return m.unrestored();
    }

    /** {@code 1.5 per day (12 verified deploys in 8 days)}. */
    public String getDeploymentFrequency() {
        return String.format(Locale.ROOT, "%.2f per day (%d verified deploy%s in %.0f day%s)", m.deploymentsPerDay(),
                m.verifiedDeploys(), m.verifiedDeploys() == 1 ? "" : "s", m.windowDays(), Math.round(m.windowDays()) == 1 ? "" : "s");
    }

    /** Median commit → verified deploy, or "unknown (no commit times recorded)". */
    public String getLeadTime() {
        return m.leadTimeMillis() < 0 ? "unknown (no verified deploy with a commit time)"
                : Format.duration(m.leadTimeMillis()) + " (median of " + m.leadTimeSamples() + ")";
    }

    /** {@code 25 % (1 of 4 deploys)}, or "no deploys". */
    public String getChangeFailureRate() {
        return m.changeFailureRate() < 0 ? "no deploys"
                : String.format(Locale.ROOT, "%.0f %% (%d of %d deploys)", m.changeFailureRate() * 100, m.failedDeploys(), m.deploys());
    }

    /** Median failed deploy → next verified deploy, or why there is none. */
    public String getTimeToRestore() {
        if (m.incidents() == 0) {
            return "no failed deploys";
        }
        if (m.timeToRestoreMillis() < 0) {
            return "not restored yet";
        }
        int restored = m.incidents() - m.unrestored();
        return Format.duration(m.timeToRestoreMillis()) + " (median of " + restored + " incident" + (restored == 1 ? "" : "s")
                + (m.unrestored() > 0 ? "; the latest not restored yet" : "") + ")";
    }
}
