package io.jenkins.plugins.containerrollout.steps;

import io.jenkins.plugins.containerrollout.core.RequestException;
import io.jenkins.plugins.containerrollout.core.deploy.AppStatus;
import io.jenkins.plugins.containerrollout.core.record.PauseInfo;
import io.jenkins.plugins.containerrollout.core.verify.Check;
import io.jenkins.plugins.containerrollout.core.verify.OnFailure;
import io.jenkins.plugins.containerrollout.core.verify.SwarmChecks;
import io.jenkins.plugins.containerrollout.core.verify.VerifyRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds {@code containerVerify}'s core request: the application's endpoints are its serving replicas
 * ({@code http://127.0.0.1:<port>}, what {@code {endpoint}} in a URL stands for) unless the step names them.
 *
 * <p>Usage: {@code VerifyRequest r = VerifyRequests.of("web", status, List.of(), List.of(), checks, OnFailure.FAIL, false);}
 */
final class VerifyRequests {
    /** An endpoint the form's checks are validated against; never contacted. */
    private static final String SAMPLE_ENDPOINT = "http://127.0.0.1:1";

    private VerifyRequests() {
    }

    /** The base URLs of {@code status}'s serving replicas, ascending by port. */
    static List<String> endpoints(AppStatus status) {
        List<String> endpoints = new ArrayList<>();
        for (int port : status.servingPorts()) {
            endpoints.add("http://127.0.0.1:" + port);
        }
        return endpoints;
    }

    /**
     * The preview address of the rollout of {@code app} that holds at a pause: what {@code {endpoint}} means with
     * {@code containerVerify(preview: true)}.
     *
     * @throws IllegalArgumentException naming {@code preview} when no rollout of the app waits on a preview
     */
    static String preview(String app, AppStatus status) {
        PauseInfo pause = status.pause();
        if (pause == null) {
            throw new RequestException("preview: no rollout of '" + app + "' holds at a pause (phase " + status.phase()
                    + "), so there is no preview to verify; deploy with strategy: blueGreen(autoPromote: false) and "
                    + "router: haproxy(previewPort: ...), or leave preview out");
        }
        if (pause.previewUrl() == null) {
            throw new RequestException("preview: the paused rollout of '" + app + "' (" + pause.describe() + ") has no "
                    + "preview address; only a blue-green rollout with autoPromote: false behind a router with a "
                    + "previewPort has one. Leave preview out to verify the serving replicas");
        }
        return pause.previewUrl();
    }

    /**
     * @param endpoints explicit base URLs, or empty for the serving replicas of {@code status}
     * @throws IllegalArgumentException naming the check and setting at fault
     */
    static VerifyRequest of(String app, AppStatus status, List<String> endpoints, List<String> allowedHosts,
            List<VerifyCheck> checks, OnFailure onFailure, boolean failFast) {
        List<Check> mapped = new ArrayList<>();
        for (VerifyCheck check : checks) {
            if (check == null) {
                throw new RequestException("checks: contains an empty entry; remove it");
            }
            mapped.add(check.toCheck(app, status.desiredReplicas()));
        }
        List<String> targets = endpoints.isEmpty() ? endpoints(status) : endpoints;
        try {
            // {{revision}} is the revision the last rollout aimed at: a paused blue-green's preview, or the settled one
            return new VerifyRequest(app, targets, allowedHosts, mapped, onFailure, failFast)
                    .forRevision(status.targetRevision());
        } catch (RequestException e) {
            if (targets.isEmpty() && e.getMessage() != null && e.getMessage().contains("no endpoints")) {
                throw new RequestException(e.getMessage() + " (app '" + app + "' has no ready replicas: "
                        + status.readyReplicas() + "/" + status.desiredReplicas() + ", phase " + status.phase() + ")", e);
            }
            throw e;
        }
    }

    /**
     * Refuses the checks that cannot verify a service on {@code target: swarm()} ({@link SwarmChecks}), before the
     * engine is asked anything.
     *
     * @throws IllegalArgumentException naming the first such check and what to use instead
     */
    static void requireSwarmSupports(String app, List<VerifyCheck> checks) {
        List<Check> mapped = checks.stream().map(c -> c == null ? null : c.toCheck(app, 1)).toList();
        SwarmChecks.firstUnsupported(mapped).ifPresent(i -> {
            Check c = mapped.get(i);
            throw new RequestException(SwarmChecks.refusal("checks[" + i + "] (" + c.type() + " '" + c.name()
                    + "')", "target: swarm()", "http(url: '{endpoint}/health')"));
        });
    }

    /** Validates one check as the core would inside a request, against a sample endpoint (for the form). */
    static void probe(Check check) {
        VerifyRequest.of(List.of(SAMPLE_ENDPOINT), List.of(check), OnFailure.FAIL);
    }
}
