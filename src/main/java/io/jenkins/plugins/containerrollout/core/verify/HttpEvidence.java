package io.jenkins.plugins.containerrollout.core.verify;

import java.io.Serializable;
import java.util.List;

/**
 * What an HTTP probe saw at each of its target URLs.
 *
 * <p>Usage: {@code evidence.targets().get(0).statuses()}
 *
 * @param targets one entry per URL the probe's template expanded to
 */
public record HttpEvidence(List<Target> targets) implements Evidence {
    private static final long serialVersionUID = 1L;

    public HttpEvidence {
        targets = List.copyOf(targets);
    }

    /**
     * One URL's probe.
     *
     * @param url         the URL probed
     * @param passed      whether an attempt met every expectation (and the latency threshold, if any)
     * @param attempts    attempts made until it passed or gave up
     * @param statuses    status of every attempt and sample in order; 0 for no answer (refused, timed out)
     * @param failure     why the last failing attempt failed, or "" when it passed
     * @param bodyExcerpt the start of the last body read (bounded)
     * @param latency     latency of the samples, or of the passing attempt without samples
     */
    public record Target(String url, boolean passed, int attempts, List<Integer> statuses, String failure,
                         String bodyExcerpt, LatencyStats latency) implements Serializable {
        private static final long serialVersionUID = 1L;

        public Target {
            statuses = List.copyOf(statuses);
        }
    }
}
