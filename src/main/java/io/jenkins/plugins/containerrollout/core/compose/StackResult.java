package io.jenkins.plugins.containerrollout.core.compose;

import io.jenkins.plugins.containerrollout.core.record.Outcome;
import io.jenkins.plugins.containerrollout.core.record.RolloutRecord;
import io.jenkins.plugins.containerrollout.core.report.ReportEntry;
import io.jenkins.plugins.containerrollout.core.report.StackTag;
import java.io.Serializable;
import java.util.List;

/**
 * What a stack deploy or rollback did: the stack revision it started from and the one serving now, and the record of
 * every app deploy or rollback it ran, in the order it ran them (a failed deploy's own rollbacks included).
 *
 * <p>Usage: {@code if (result.outcome() != Outcome.SUCCEEDED) System.err.println(result.message());}
 *
 * @param project         the project
 * @param operation       {@code deploy} or {@code rollback}
 * @param fromRevision    the stack revision serving before, 0 for none
 * @param servingRevision the stack revision serving after (unchanged when the deploy failed and was rolled back)
 * @param outcome         {@code SUCCEEDED}; {@code ROLLED_BACK} when a service failed and the updated ones were
 *                        restored; {@code FAILED} when a restore failed too
 * @param message         one line for a person
 * @param services        the app records, in the order they ran
 */
public record StackResult(String project, String operation, int fromRevision, int servingRevision, Outcome outcome,
        String message, List<RolloutRecord> services) implements Serializable {

    public StackResult {
        services = List.copyOf(services);
    }

    /**
     * Every app record as a report entry carrying the stack command ({@link StackTag}), so the report (the CLI's run
     * file, the build page) groups them under one stack heading with a lane group per service.
     */
    public List<ReportEntry> reportEntries() {
        StackTag tag = new StackTag(project, operation, fromRevision, servingRevision, outcome, services.size());
        return services.stream().map(r -> (ReportEntry) new ReportEntry.Rollout(r, tag)).toList();
    }
}
