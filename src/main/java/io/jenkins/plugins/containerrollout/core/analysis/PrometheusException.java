package io.jenkins.plugins.containerrollout.core.analysis;

import java.io.IOException;

/**
 * A Prometheus query that could not be evaluated: the server did not answer, refused the query, or answered with
 * something that is not one value. The message names the URL and the query and says what to change; it never names a
 * Java class, so it can go to the user as it is.
 *
 * <p>Usage: {@code catch (PrometheusException e) { abortRollout(e.getMessage()); }}
 */
public final class PrometheusException extends IOException {
    private static final long serialVersionUID = 1L;

    public PrometheusException(String message) {
        super(message);
    }
}
