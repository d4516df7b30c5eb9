package io.jenkins.plugins.containerrollout.core.report;

import io.jenkins.plugins.containerrollout.core.record.Outcome;
import java.io.Serializable;
import java.util.Objects;

/**
 * Marks a {@link ReportEntry.Rollout} as one of the app rollouts of a stack deploy or rollback (docs/compose.md), so
 * the report groups them under one stack heading ({@link StackGroups}). Every rollout of the same stack command
 * carries an equal tag; {@code rollouts} says how many there are, so two identical commands in a row (an unchanged
 * stack deployed twice) still make two groups.
 *
 * <p>Usage: {@code new ReportEntry.Rollout(record, new StackTag("shop", "deploy", 2, 3, Outcome.SUCCEEDED, 3))}
 *
 * @param project      the Compose project
 * @param operation    {@code deploy} or {@code rollback}
 * @param fromRevision the stack revision serving before, 0 for none
 * @param toRevision   the stack revision serving after
 * @param outcome      the stack command's outcome
 * @param rollouts     how many rollout entries the command recorded
 */
public record StackTag(String project, String operation, int fromRevision, int toRevision, Outcome outcome,
        int rollouts) implements Serializable {

    public StackTag {
        project = Objects.toString(project, "");
        operation = Objects.toString(operation, "deploy");
        outcome = Objects.requireNonNullElse(outcome, Outcome.FAILED);
    }
}
