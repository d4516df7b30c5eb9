package io.jenkins.plugins.containerrollout.core.report;

import io.jenkins.plugins.containerrollout.core.record.Operation;
import io.jenkins.plugins.containerrollout.core.record.Outcome;
import io.jenkins.plugins.containerrollout.core.verify.CheckResult;
import io.jenkins.plugins.containerrollout.core.verify.SmokeTestEvidence;
import io.jenkins.plugins.containerrollout.core.verify.junit.JunitReport;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What one delivery run did, ready to render: a title, when the report was made, an optional note shown prominently
 * (e.g. "sample data") and the run's entries in pipeline order.
 *
 * <p>Usage: {@code HtmlReport.render(DeliveryReport.of("shop-web #42", List.of(new ReportEntry.Rollout(record))))}
 *
 * @param title             the page title, e.g. job and build number
 * @param generatedAtMillis when the report was rendered (epoch milliseconds)
 * @param note              a banner line above everything else, or "" for none
 * @param entries           builds, rollouts, verifications and test results in the order they happened
 */
public record DeliveryReport(String title, long generatedAtMillis, String note, List<ReportEntry> entries)
        implements Serializable {

    public DeliveryReport {
        title = title == null || title.isBlank() ? "Delivery report" : title;
        note = note == null ? "" : note;
        entries = List.copyOf(entries);
    }

    /** A report made now, without a note. */
    public static DeliveryReport of(String title, List<ReportEntry> entries) {
        return new DeliveryReport(title, System.currentTimeMillis(), "", entries);
    }

    /** The same report with a banner note. */
    public DeliveryReport withNote(String text) {
        return new DeliveryReport(title, generatedAtMillis, text, entries);
    }

    /** Entries of one kind, in order. */
    public <T extends ReportEntry> List<T> entriesOf(Class<T> kind) {
        List<T> out = new ArrayList<>();
        for (ReportEntry e : entries) {
            if (kind.isInstance(e)) {
                out.add(kind.cast(e));
            }
        }
        return out;
    }

    /** The last rollout: the one that decides what serves now, hence the headline. */
    public Optional<ReportEntry.Rollout> lastRollout() {
        List<ReportEntry.Rollout> all = entriesOf(ReportEntry.Rollout.class);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /**
     * The headline outcome: the last rollout's, or empty when the run rolled nothing out. A successful rollback
     * (e.g. after a failed verification) reads as {@link Outcome#ROLLED_BACK}: for the delivery, that is what happened.
     */
    public Optional<Outcome> outcome() {
        return lastRollout().map(ReportEntry.Rollout::record).map(r -> r.operation() == Operation.ROLLBACK
                && r.outcome() == Outcome.SUCCEEDED ? Outcome.ROLLED_BACK : r.outcome());
    }

    /**
     * Whether this run counts as a failed change in the change failure rate (DESIGN §6): a rollout that did not
     * succeed (an aborted one aside: neither success nor failure), a rollback, or a failed verification.
     */
    public boolean changeFailed() {
        for (ReportEntry e : entries) {
            if (e instanceof ReportEntry.Rollout r && (r.record().outcome() != Outcome.SUCCEEDED
                    && r.record().outcome() != Outcome.ABORTED || r.record().operation() == Operation.ROLLBACK)
                    || e instanceof ReportEntry.Verification v && !v.result().passed()) {
                return true;
            }
        }
        return false;
    }

    /** Every set of test results of the run: plain test entries and the smoke tests of verifications, in order. */
    public List<JunitReport> testReports() {
        List<JunitReport> out = new ArrayList<>();
        for (ReportEntry e : entries) {
            if (e instanceof ReportEntry.Tests t) {
                out.add(t.report());
            } else if (e instanceof ReportEntry.Verification v) {
                for (CheckResult c : v.result().checks()) {
                    if (c.evidence() instanceof SmokeTestEvidence s && s.tests() != null) {
                        out.add(s.tests());
                    }
                }
            }
        }
        return out;
    }
}
