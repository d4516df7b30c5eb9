package io.jenkins.plugins.containerrollout.core.report;

import io.jenkins.plugins.containerrollout.core.image.BuildResult;
import io.jenkins.plugins.containerrollout.core.record.Operation;
import io.jenkins.plugins.containerrollout.core.record.RolloutRecord;
import io.jenkins.plugins.containerrollout.core.verify.VerificationResult;
import io.jenkins.plugins.containerrollout.core.verify.junit.JunitReport;
import java.io.Serializable;
import java.util.Objects;

/**
 * One step of a delivery run as the report shows it, in pipeline order: an image build, a rollout (deploy or
 * rollback), a verification (checks with their evidence, smoke-test results) or a set of test results. Sealed so every renderer handles every kind.
 *
 * <p>Usage: {@code List<ReportEntry> run = List.of(new ReportEntry.Build("shop-web", result), new ReportEntry.Rollout(record));}
 */
public sealed interface ReportEntry extends Serializable {

    /** The heading this entry gets in the report. */
    String title();

    /**
     * An image build.
     *
     * @param title  what was built, e.g. the image name
     * @param result the build's result (tags, digests, OCI labels)
     */
    record Build(String title, BuildResult result) implements ReportEntry {
        public Build {
            Objects.requireNonNull(result, "result");
            title = title == null ? "" : title;
        }
    }

    /**
     * A deploy or a rollback of one application.
     *
     * @param record what the rollout did
     * @param stack  the stack command it was part of, or null for a single-app rollout (and in run files written
     *               before stacks were grouped: a missing property reads as null)
     */
    record Rollout(RolloutRecord record, StackTag stack) implements ReportEntry {
        public Rollout {
            Objects.requireNonNull(record, "record");
        }

        /** A single-app rollout. */
        public Rollout(RolloutRecord record) {
            this(record, null);
        }

        @Override
        public String title() {
            return (record.operation() == Operation.ROLLBACK
                    ? "Rollback of " : "Rollout of ") + Objects.toString(record.app(), "");
        }
    }

    /**
     * Test results (one or more JUnit reports merged).
     *
     * @param title  what ran, e.g. "smoke tests against revision 7"
     * @param report counts and the failing cases
     */
    record Tests(String title, JunitReport report) implements ReportEntry {
        public Tests {
            Objects.requireNonNull(report, "report");
            title = title == null ? "" : title;
        }
    }

    /**
     * A verification: each check with what it measured, and the smoke tests' results.
     *
     * @param result what {@code containerVerify} found
     */
    record Verification(VerificationResult result) implements ReportEntry {
        public Verification {
            Objects.requireNonNull(result, "result");
        }

        @Override
        public String title() {
            return result.name() == null ? "" : result.name();
        }
    }
}
