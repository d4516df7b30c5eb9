package io.jenkins.plugins.containerrollout.core.health;

import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;

/**
 * Why an HTTP request got no answer, in words: the JDK's client throws a {@link ConnectException} without a message
 * when nothing listens, and the probe results, records and reports used to show its class name instead.
 *
 * <p>Usage: {@code ProbeResult.noAnswer(NoAnswer.describe(e))}
 */
public final class NoAnswer {
    private NoAnswer() {
    }

    /** One phrase for the failure of a request: {@code connection refused}, {@code connect timed out}, its message. */
    public static String describe(Throwable failure) {
        if (failure instanceof HttpConnectTimeoutException) {
            return "connect timed out";
        }
        if (failure instanceof HttpTimeoutException) {
            return "no answer within the timeout";
        }
        if (failure instanceof ConnectException && (failure.getMessage() == null || failure.getMessage().isBlank())) {
            return "connection refused";
        }
        String message = failure.getMessage();
        return message == null || message.isBlank() ? "the connection failed" : message;
    }
}
