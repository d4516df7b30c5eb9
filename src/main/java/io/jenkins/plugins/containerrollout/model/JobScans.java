package io.jenkins.plugins.containerrollout.model;

import hudson.model.Job;
import hudson.model.Run;
import io.jenkins.plugins.containerrollout.core.metrics.BuildFacts;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the job page needs from a job's recent builds (their rollout summaries), remembered per job so that a page
 * view of an unchanged job touches no build: it asks the job for its last build, compares its number with the one
 * remembered, and is done. Only builds newer than the remembered one are read; a job that never used the steps thus
 * pays one walk over its last {@value JobRolloutAction#BUILDS} builds once per controller start, then O(1) per view.
 * {@link RolloutAction#record} forgets the job's scan, because a recorded entry changes a build already scanned (a
 * running build, or a summary a later entry corrects). A deleted build stays in the remembered scan until the job's
 * next build or record.
 *
 * <p>Usage: {@code List<BuildFacts> builds = JobScans.builds(job);}
 */
final class JobScans {
    /**
     * One job's scan.
     *
     * @param lastBuild the number of the job's last build when it was scanned (0: none)
     * @param builds    the builds that recorded something, newest first, all within the window of {@code lastBuild}
     */
    record Scan(int lastBuild, List<BuildFacts> builds) {
    }

    // Weak keys: a deleted job leaves the map with its object. Job does not override equals: identity, as wanted.
    private static final Map<Job<?, ?>, Scan> SCANS = Collections.synchronizedMap(new WeakHashMap<>());
    // Bumped on every record: a scan that saw a record happen while it walked is used once, not remembered.
    private static final AtomicLong RECORDS = new AtomicLong();

    private JobScans() {
    }

    /** The job's builds that recorded something, among its last {@value JobRolloutAction#BUILDS}, newest first. */
    static List<BuildFacts> builds(Job<?, ?> job) {
        Run<?, ?> last = job.getLastBuild();
        int newest = last == null ? 0 : last.getNumber();
        Scan known = SCANS.get(job);
        if (known != null && known.lastBuild() == newest) {
            return known.builds();
        }
        if (known != null && known.lastBuild() > newest) {
            known = null; // the newest builds were deleted: read the window again
        }
        long records = RECORDS.get();
        int oldest = newest - JobRolloutAction.BUILDS; // exclusive: the window is the last BUILDS build numbers
        int seen = known == null ? oldest : Math.max(oldest, known.lastBuild());
        List<BuildFacts> builds = new ArrayList<>();
        for (Run<?, ?> run = last; run != null && run.getNumber() > seen; run = run.getPreviousBuild()) {
            RolloutAction action = run.getAction(RolloutAction.class);
            if (action != null) {
                builds.add(new BuildFacts(run.getNumber(), run.getTimeInMillis(), JobRolloutAction.facts(action)));
            }
        }
        if (known != null) {
            known.builds().stream().filter(b -> b.build() > oldest).forEach(builds::add);
        }
        Scan scan = new Scan(newest, List.copyOf(builds));
        if (RECORDS.get() == records) {
            SCANS.put(job, scan);
        }
        return scan.builds();
    }

    /** Forgets what is known of {@code run}'s job: one of its builds recorded an entry. */
    static void recorded(Run<?, ?> run) {
        RECORDS.incrementAndGet();
        Job<?, ?> job = run.getParent();
        if (job != null) {
            SCANS.remove(job);
        }
    }
}
