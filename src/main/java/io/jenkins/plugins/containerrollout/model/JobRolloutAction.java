package io.jenkins.plugins.containerrollout.model;

import hudson.Extension;
import hudson.model.Action;
import hudson.model.Api;
import hudson.model.Job;
import io.jenkins.plugins.containerrollout.core.metrics.JobHistory;
import io.jenkins.plugins.containerrollout.core.metrics.RolloutFact;
import io.jenkins.plugins.containerrollout.core.report.TrendChart;
import java.util.Collection;
import java.util.List;
import jenkins.model.TransientActionFactory;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/**
 * The job page's view of rollouts: trend charts (rollout duration, outcomes, tests) and DORA metrics per application
 * over the last {@value #BUILDS} builds (by number). Reads only the summaries in the builds' {@code build.xml}, never
 * the full entries, and only when the job changed ({@link JobScans}). Not persisted: {@link Factory} creates it for
 * every job. Exported at {@code <job>/rollout-trends/api/json} (DORA per application).
 *
 * <p>Usage: {@code new JobRolloutAction(job).getHistory().dora()}
 */
@ExportedBean
public final class JobRolloutAction implements Action {
    /** How many of the latest builds the charts and metrics cover. */
    public static final int BUILDS = 50;

    private final Job<?, ?> job;
    private transient JobHistory history;

    public JobRolloutAction(Job<?, ?> job) {
        this.job = job;
    }

    @Override
    public String getIconFileName() {
        return null; // no side-panel link: everything is on the job page itself
    }

    @Override
    public String getDisplayName() {
        return "Rollout trends";
    }

    @Override
    public String getUrlName() {
        return "rollout-trends";
    }

    /**
     * Trends and metrics, computed once per action (Jenkins creates one per page view) from the builds
     * {@link JobScans} remembers for the job: an unchanged job costs no build read.
     */
    public JobHistory getHistory() {
        if (history == null) {
            history = JobHistory.of(JobScans.builds(job), System.currentTimeMillis());
        }
        return history;
    }

    static List<RolloutFact> facts(RolloutAction action) {
        return action.getSummaries().stream().map(RolloutSummary::toFact).toList();
    }

    /** Whether any of the builds recorded something: the views show nothing otherwise. */
    public boolean isHasData() {
        return !getHistory().trends().isEmpty();
    }

    /** SVG markup from {@link TrendChart}: all text in it is escaped there. */
    public String getDurationChart() {
        return TrendChart.duration("Rollout duration", getHistory().trends());
    }

    /** SVG markup from {@link TrendChart}. */
    public String getOutcomeChart() {
        return TrendChart.outcomes("Rollout outcomes", getHistory().trends());
    }

    /** SVG markup from {@link TrendChart}. */
    public String getTestChart() {
        return TrendChart.tests("Tests", getHistory().trends());
    }

    /** Serves {@code <job>/rollout-trends/api/json}. */
    public Api getApi() {
        return new Api(this);
    }

    /** How many of the latest builds are covered. */
    @Exported
    public int getBuildCount() {
        return BUILDS;
    }

    /** One row per application. */
    @Exported
    public List<DoraRow> getDora() {
        return getHistory().dora().stream().map(DoraRow::new).toList();
    }

    /**
     * Adds the action to every job.
     *
     * <p>Usage: registered by {@code @Extension}; Jenkins calls {@code createFor(job)}.
     */
    @Extension
    @SuppressWarnings("rawtypes")
    public static final class Factory extends TransientActionFactory<Job> {
        @Override
        public Class<Job> type() {
            return Job.class;
        }

        @Override
        public Collection<? extends Action> createFor(Job target) {
            return List.of(new JobRolloutAction(target));
        }
    }
}
