package io.jenkins.plugins.containerrollout.core.report;

import io.jenkins.plugins.containerrollout.core.record.Outcome;

/** The outcome badge: a word (never colour alone, for colour-blind readers and print) on a high-contrast colour. */
final class Badge {
    private Badge() {
    }

    static String of(Outcome outcome) {
        String css = switch (outcome) {
            case SUCCEEDED -> "ok";
            case ROLLED_BACK -> "warn";
            case FAILED -> "bad";
            case PAUSED, ABORTED -> "neutral";
        };
        return "<span class=\"badge " + css + "\">" + outcome.name().toLowerCase().replace('_', ' ') + "</span>";
    }

    /** For a run without rollout: whether its tests passed. */
    static String tests(boolean passed) {
        return "<span class=\"badge " + (passed ? "ok\">tests passed" : "bad\">tests failed") + "</span>";
    }

    /** A verification's verdict. */
    static String verification(boolean passed) {
        return "<span class=\"badge " + (passed ? "ok\">verified" : "bad\">verification failed") + "</span>";
    }
}
