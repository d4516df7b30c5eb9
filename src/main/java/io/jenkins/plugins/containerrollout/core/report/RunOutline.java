package io.jenkins.plugins.containerrollout.core.report;

import io.jenkins.plugins.containerrollout.core.record.Operation;
import io.jenkins.plugins.containerrollout.core.record.Outcome;
import io.jenkins.plugins.containerrollout.core.record.RolloutRecord;
import io.jenkins.plugins.containerrollout.core.verify.CheckResult;
import io.jenkins.plugins.containerrollout.core.verify.VerificationResult;
import java.util.List;
import java.util.Objects;

/**
 * How a person reads a run after a failure: which entry is the last change's cause (the header links to it, it stays
 * open), which successful entries before it fold away, and which revision each verification checked (the revision
 * serving after the last rollout before it: a verification result does not name it).
 *
 * <p>Usage: {@code RunOutline o = RunOutline.of(report); if (o.folded(i)) ...}
 */
final class RunOutline {
    private final List<ReportEntry> entries;
    private final int lastRollout;
    private final int cause;

    private RunOutline(List<ReportEntry> entries) {
        this.entries = entries;
        int last = -1;
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i) instanceof ReportEntry.Rollout) {
                last = i;
            }
        }
        this.lastRollout = last;
        this.cause = findCause();
    }

    static RunOutline of(DeliveryReport report) {
        return new RunOutline(report.entries());
    }

    /** Index of the last rollout, or -1. */
    int lastRollout() {
        return lastRollout;
    }

    /**
     * Index of the entry that says why the last change did not hold, or -1 when nothing failed: a failed deploy
     * itself; for a rollback, the failed verification (else the failed rollout) before it; after a successful last
     * deploy, a failed verification or failed tests after it.
     */
    int cause() {
        return cause;
    }

    /** A successful entry before the cause: shown folded, so the failure is on the first screen. */
    boolean folded(int index) {
        return cause >= 0 && index < cause && !failed(entries.get(index));
    }

    /** The revision a verification at {@code index} checked: the one serving after the last rollout before it; 0 if none. */
    int checkedRevision(int index) {
        for (int i = index - 1; i >= 0; i--) {
            if (entries.get(i) instanceof ReportEntry.Rollout r) {
                return r.record().servingRevision();
            }
        }
        return 0;
    }

    /** Whether the verification at {@code index} checked what serves at the end (no rollout after it). */
    boolean checksTheEnd(int index) {
        return index > lastRollout;
    }

    private int findCause() {
        if (lastRollout < 0) {
            return firstFailed(0, entries.size());
        }
        RolloutRecord last = ((ReportEntry.Rollout) entries.get(lastRollout)).record();
        if (last.operation() == Operation.ROLLBACK) {
            for (int i = lastRollout - 1; i >= 0; i--) {
                if (entries.get(i) instanceof ReportEntry.Verification v && !v.result().passed()) {
                    return i;
                }
            }
            int rollout = lastFailedRollout(lastRollout);
            return rollout >= 0 ? rollout : lastRollout;
        }
        if (failed(entries.get(lastRollout))) {
            return lastRollout;
        }
        return firstFailed(lastRollout + 1, entries.size());
    }

    private int lastFailedRollout(int before) {
        for (int i = before - 1; i >= 0; i--) {
            if (entries.get(i) instanceof ReportEntry.Rollout && failed(entries.get(i))) {
                return i;
            }
        }
        return -1;
    }

    private int firstFailed(int from, int to) {
        for (int i = from; i < to; i++) {
            if (failed(entries.get(i))) {
                return i;
            }
        }
        return -1;
    }

    /** Whether an entry failed in its own right (an aborted rollout did not: nothing is known of it). */
    static boolean failed(ReportEntry e) {
        if (e instanceof ReportEntry.Rollout r) {
            Outcome o = r.record().outcome();
            return o != Outcome.SUCCEEDED && o != Outcome.ABORTED;
        }
        if (e instanceof ReportEntry.Verification v) {
            return !v.result().passed();
        }
        if (e instanceof ReportEntry.Tests t) {
            return !t.report().successful();
        }
        return false;
    }

    /** The header's "why" line for the last change: what happened to which revision, and the cause in one line. */
    String why() {
        if (lastRollout < 0) {
            // no rollout: the first failed verification or test result, in its own words
            return cause < 0 ? "" : entries.get(cause) instanceof ReportEntry.Verification v
                    ? verificationLine(v.result(), "Verification failed: ") : entries.get(cause) instanceof ReportEntry.Tests t
                    ? "Tests failed: " + testsLine(t) : "";
        }
        RolloutRecord last = ((ReportEntry.Rollout) entries.get(lastRollout)).record();
        String message = Objects.toString(last.message(), "");
        if (last.operation() == Operation.ROLLBACK) {
            if (last.outcome() != Outcome.SUCCEEDED) {
                return "The rollback of revision " + last.fromRevision() + " to revision " + last.toRevision()
                        + " failed: " + message;
            }
            String back = "Revision " + last.fromRevision() + " was rolled back to revision " + last.toRevision();
            if (cause >= 0 && entries.get(cause) instanceof ReportEntry.Verification v) {
                return back + ": " + verificationLine(v.result(), "its verification failed: ");
            }
            if (cause >= 0 && cause != lastRollout) {
                return back + ": " + Objects.toString(((ReportEntry.Rollout) entries.get(cause)).record().message(), "");
            }
            return back + " (asked for, not caused by a failure in this run).";
        }
        return switch (last.outcome()) {
            case SUCCEEDED -> cause > lastRollout ? "Revision " + last.toRevision() + " is serving, but "
                    + failedAfter(entries.get(cause)) : "Revision " + last.toRevision() + " is serving: "
                    + message;
            case ROLLED_BACK -> "Revision " + last.toRevision() + " was rolled back to revision "
                    + last.servingRevision() + ": " + message.replace("; rolled back to revision " + last.servingRevision(),
                    "");
            case FAILED -> "Revision " + last.toRevision() + " failed: " + message;
            case PAUSED -> "Revision " + last.toRevision() + " holds at a pause, waiting to be promoted or aborted: "
                    + message;
            case ABORTED -> "The rollout of revision " + last.toRevision() + " was aborted: " + message;
        };
    }

    private static String failedAfter(ReportEntry e) {
        if (e instanceof ReportEntry.Verification v) {
            return verificationLine(v.result(), "its verification failed: ");
        }
        return "its tests failed: " + (e instanceof ReportEntry.Tests t ? testsLine(t) : e.title());
    }

    /** "unit – 3 of 120 failing". */
    private static String testsLine(ReportEntry.Tests t) {
        return t.title() + " \u2013 " + (t.report().failed() + t.report().errors()) + " of " + t.report().tests()
                + " failing";
    }

    /** "orders traffic – 188/200 ok ...; smoke – exit 1; ...": the failed checks and why, at most three. */
    static String verificationLine(VerificationResult v, String prefix) {
        StringBuilder line = new StringBuilder(prefix);
        List<CheckResult> failures = v.failures();
        for (int i = 0; i < Math.min(3, failures.size()); i++) {
            CheckResult c = failures.get(i);
            line.append(i == 0 ? "" : "; ").append(c.name()).append(" \u2013 ").append(Html.clip(c.summary(), 160));
        }
        if (failures.size() > 3) {
            line.append("; and ").append(failures.size() - 3).append(" more");
        }
        return line.toString();
    }
}
