package io.jenkins.plugins.containerrollout.core.rollback;

import io.jenkins.plugins.containerrollout.core.RequestException;
import io.jenkins.plugins.containerrollout.core.ProgressSink;
import io.jenkins.plugins.containerrollout.core.deploy.AppDeployer;
import io.jenkins.plugins.containerrollout.core.deploy.RollbackRequest;
import io.jenkins.plugins.containerrollout.core.deploy.RolloutLockedException;
import io.jenkins.plugins.containerrollout.core.record.Outcome;
import io.jenkins.plugins.containerrollout.core.record.RolloutRecord;
import io.jenkins.plugins.containerrollout.core.verify.VerificationResult;
import io.jenkins.plugins.containerrollout.core.verify.Verifier;
import io.jenkins.plugins.containerrollout.core.verify.VerifyRequest;
import java.io.Serializable;

/**
 * Verifies an application and, when the verification fails with {@code onFailure: rollback}, rolls it back through
 * the deployer at once: the one place that acts on {@link VerificationResult#rollbackRequested()}, shared by the
 * {@code containerVerify} step and the CLI's {@code verify}. The verifier only judges; the deployer only moves
 * revisions; this joins them and returns both results.
 *
 * <p>Usage:
 * <pre>{@code
 * try (DockerDeployer deployer = new DockerDeployer(host)) {
 *     VerifyAndRollback.Result r = new VerifyAndRollback(new Verifier(host), deployer)
 *             .run(request, RollbackRequest.previous(host, "web"), System.err::println);
 * }
 * }</pre>
 */
public final class VerifyAndRollback {
    private final Verifier verifier;
    private final AppDeployer deployer;

    /**
     * @param verifier runs the checks
     * @param deployer rolls back on a requested rollback; its owner closes it
     */
    public VerifyAndRollback(Verifier verifier, AppDeployer deployer) {
        this.verifier = verifier;
        this.deployer = deployer;
    }

    /**
     * Runs {@code request}; when it fails and asks for a rollback, runs {@code rollback}. A rollback the deployer
     * refuses (no earlier revision, another rollout holds the lock) does not hide the verification: the result
     * carries the refusal instead of a record.
     *
     * @param rollback what to restore when a rollback is requested (usually {@link RollbackRequest#previous})
     * @throws InterruptedException when the thread is interrupted; the flag is set again before throwing
     */
    public Result run(VerifyRequest request, RollbackRequest rollback, ProgressSink sink) throws InterruptedException {
        VerificationResult verification = verifier.verify(request, sink);
        if (!verification.rollbackRequested()) {
            return new Result(verification, null, null);
        }
        sink.line("verification of " + rollback.app() + " failed with onFailure rollback: rolling back");
        try {
            RolloutRecord record = deployer.rollback(rollback, sink);
            return new Result(verification, record, record.outcome() == Outcome.SUCCEEDED ? null : record.message());
        } catch (RequestException | RolloutLockedException e) {
            sink.line("rollback of " + rollback.app() + " refused: " + e.getMessage());
            return new Result(verification, null, e.getMessage());
        }
    }

    /**
     * A verification and the rollback it caused, if any.
     *
     * @param verification    what the checks found
     * @param rollback        the rollback's record, or null when none ran (passed, no rollback asked, or refused)
     * @param rollbackFailure why a requested rollback did not restore the application, or null
     */
    public record Result(VerificationResult verification, RolloutRecord rollback, String rollbackFailure)
            implements Serializable {
        private static final long serialVersionUID = 1L;

        /** True when a rollback ran and the earlier revision serves again. */
        public boolean rolledBack() {
            return rollback != null && rollbackFailure == null;
        }

        /** One line: the verification's summary and what the rollback did. */
        public String summary() {
            String s = verification.summary();
            if (rollback != null && rollbackFailure == null) {
                return s + "; rolled back to revision " + rollback.servingRevision();
            }
            return rollbackFailure == null ? s : s + "; rollback failed: " + rollbackFailure;
        }
    }
}
