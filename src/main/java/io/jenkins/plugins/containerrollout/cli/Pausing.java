package io.jenkins.plugins.containerrollout.cli;

import io.jenkins.plugins.containerrollout.core.record.Outcome;
import io.jenkins.plugins.containerrollout.core.record.PauseInfo;
import io.jenkins.plugins.containerrollout.core.record.RolloutRecord;
import java.util.ArrayList;
import java.util.List;

/**
 * What the CLI tells a person about a rollout that holds at a pause ({@link PauseInfo}): after {@code deploy} or
 * {@code promote} left it paused, where it holds, the preview address and the two ways on; in {@code status}, the same
 * with how long it has been paused and who started it. The lines go to stderr; stdout keeps the JSON alone.
 *
 * <p>Usage: {@code return Pausing.told(EngineOptions.rollout(...), terminal);}
 */
final class Pausing {
    private Pausing() {
    }

    /** Prints, when the rollout's record holds at a pause, where and what next; returns {@code result} as it is. */
    static CommandResult told(CommandResult result, Terminal terminal) {
        if (result.output() instanceof RolloutRecord r && r.outcome() == Outcome.PAUSED && r.pause() != null) {
            lines(r.app(), r.pause(), null).forEach(terminal.err()::println);
        }
        return result;
    }

    /**
     * The lines for people: where it holds, how long it has been paused at {@code nowMillis} (null: just now, not
     * said), the preview address, who started it, and the two ways on.
     */
    static List<String> lines(String app, PauseInfo pause, Long nowMillis) {
        List<String> lines = new ArrayList<>();
        lines.add(app + " is paused" + (nowMillis == null ? "" : " (for " + pause.pausedFor(nowMillis) + ")") + " at "
                + pause.describe());
        if (pause.previewUrl() != null) {
            lines.add("  preview: " + pause.previewUrl());
        }
        if (nowMillis != null) {
            lines.add("  started by: " + (pause.startedBy() == null ? "the command line" : pause.startedBy()));
        }
        lines.add("  next: " + PauseInfo.nextSteps(app));
        return lines;
    }
}
