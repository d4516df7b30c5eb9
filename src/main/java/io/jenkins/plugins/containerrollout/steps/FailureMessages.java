package io.jenkins.plugins.containerrollout.steps;

import com.github.dockerjava.api.exception.DockerClientException;
import com.github.dockerjava.api.exception.DockerException;
import io.jenkins.plugins.containerrollout.core.deploy.RolloutLockedException;
import io.jenkins.plugins.containerrollout.core.engine.EngineException;
import java.io.IOException;

/**
 * Maps core failures to the messages users see: which failures of the deploy and verify cores are the user's to act
 * on, and so become a one-line {@code AbortException} rather than a stack trace: a request the core refuses
 * ({@link IllegalArgumentException} names the parameter and the fix), a rollout already running, an engine that
 * cannot be used.
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
        if (failure instanceof IllegalArgumentException || failure instanceof RolloutLockedException
                || failure instanceof EngineException) {
            return message(failure);
        }
        if (failure instanceof DockerException || failure instanceof DockerClientException
                || (failure instanceof RuntimeException && failure.getCause() instanceof IOException)) {
            return "the Docker engine failed: " + message(failure);
        }
        return fallback;
    }

    private static String message(Exception failure) {
        return failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
    }
}
