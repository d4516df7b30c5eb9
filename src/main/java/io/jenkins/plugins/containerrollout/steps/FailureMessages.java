package io.jenkins.plugins.containerrollout.steps;

import io.jenkins.plugins.containerrollout.core.RequestException;
import io.jenkins.plugins.containerrollout.core.deploy.RolloutLockedException;
import io.jenkins.plugins.containerrollout.core.engine.EngineException;
import io.jenkins.plugins.containerrollout.core.engine.EngineFailures;

/**
 * Maps core failures to the messages users see: which failures of the deploy and verify cores are the user's to act
 * on, and so become a one-line {@code AbortException} rather than a stack trace: a request the core refuses
 * ({@link RequestException} names the parameter and the fix), a rollout already running, an engine that cannot be
 * used. Anything else (a bug, a corrupt label in the engine) keeps its stack trace: it is not the user's to fix.
 *
 * <p>Usage: {@code protected String userMessage(Exception e) { return FailureMessages.userMessage(e, super.userMessage(e)); }}
 */
final class FailureMessages {
    private FailureMessages() {
    }

    /** The message to show for {@code failure}, or {@code fallback} when it is none of ours. */
    static String userMessage(Exception failure, String fallback) {
        String unreachable = ContainerStepExecution.unreachableEngine(failure);
        if (unreachable != null) {
            return unreachable;
        }
        if (failure instanceof RequestException || failure instanceof RolloutLockedException
                || failure instanceof EngineException) {
            return message(failure);
        }
        if (EngineFailures.fromEngine(failure)) {
            return "the Docker engine failed: " + message(failure);
        }
        return fallback;
    }

    private static String message(Exception failure) {
        return failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
    }
}
