package io.jenkins.plugins.containerrollout.core.verify;

import static io.jenkins.plugins.containerrollout.core.verify.Validation.orDefault;
import static io.jenkins.plugins.containerrollout.core.verify.Validation.require;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything {@code containerVerify} needs: the checks, the application's endpoints their URLs may refer to as
 * {@code {endpoint}}, which non-loopback hosts probes may reach, and what to do on failure. Validated entirely when
 * built: a bad regex, URL, missing image or unknown check type fails here, before any request is sent.
 *
 * <p>Usage: {@code VerifyRequest.fromMap(Map.of("endpoints", List.of("http://127.0.0.1:30001"),
 * "checks", List.of(Map.of("type", "http", "url", "{endpoint}/health"))))}
 *
 * @param name         what is verified (usually the application's name), for logs; default "verify"
 * @param endpoints    base URLs of the application's replicas ({@code http://127.0.0.1:30001}), may be empty
 * @param allowedHosts host names probes may reach besides loopback
 * @param checks       the checks, run in order (at least one)
 * @param onFailure    what the caller should do when a check fails; default {@link OnFailure#FAIL}
 * @param failFast     skip the remaining checks after the first failure
 */
public record VerifyRequest(
        String name,
        List<String> endpoints,
        List<String> allowedHosts,
        List<Check> checks,
        OnFailure onFailure,
        boolean failFast) implements Serializable {
    private static final long serialVersionUID = 1L;

    public VerifyRequest {
        name = orDefault(name, "verify");
        endpoints = endpoints == null ? List.of() : List.copyOf(endpoints);
        allowedHosts = allowedHosts == null ? List.of() : List.copyOf(allowedHosts);
        require(checks != null && !checks.isEmpty(), "checks is empty; give at least one check, e.g. "
                + "[type: 'http', url: '{endpoint}/health'] (types: " + Check.TYPES + ")");
        require(checks.stream().noneMatch(java.util.Objects::isNull), "checks contains an empty entry; remove it");
        checks = List.copyOf(checks);
        onFailure = onFailure == null ? OnFailure.FAIL : onFailure;
        Targets targets = targets(endpoints, allowedHosts);
        targets.checkEndpoints();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < checks.size(); i++) {
            Check c = checks.get(i);
            require(names.add(c.name()), "checks[" + i + "]: the name '" + c.name()
                    + "' is used twice; give each check its own name");
            String where = "checks[" + i + "] (" + c.type() + " '" + c.name() + "')";
            if (c instanceof HttpCheck h) {
                targets.expand(h.url(), where + ".url");
            } else if (c instanceof SuccessRateCheck s) {
                targets.expand(s.url(), where + ".url");
            } else if (c instanceof SmokeTestCheck s) {
                targets.expand(s.targetUrl(), where + ".targetUrl");
            } else if (c instanceof MetricsCheck m) {
                // Prometheus is held to the same hosts as probes: loopback, or a host the caller allowed
                targets.expand(m.shownUrl(), where + ".url");
            }
        }
    }

    /** A request with default name and no extra hosts that fails on the first failed check's verdict. */
    public static VerifyRequest of(List<String> endpoints, List<Check> checks, OnFailure onFailure) {
        return new VerifyRequest(null, endpoints, null, checks, onFailure, false);
    }

    /**
     * Builds a request from plain maps and lists (a Pipeline step's arguments, a CLI's JSON), with the same validation;
     * every error is an {@link IllegalArgumentException} naming the parameter, e.g. {@code checks[1]: unknown check type 'htp'}.
     */
    public static VerifyRequest fromMap(Map<String, ?> arguments) {
        try {
            return Json.MAPPER.treeToValue(Json.MAPPER.valueToTree(arguments), VerifyRequest.class);
        } catch (JsonProcessingException e) {
            throw Json.invalid(e);
        } catch (IllegalArgumentException e) {
            throw e.getCause() instanceof JsonProcessingException j ? Json.invalid(j) : e;
        }
    }

    /** Like {@link #fromMap} from a JSON object. */
    public static VerifyRequest fromJson(String json) {
        try {
            return Json.MAPPER.readValue(json, VerifyRequest.class);
        } catch (JsonProcessingException e) {
            throw Json.invalid(e);
        }
    }

    /**
     * The checks of a JSON array as {@code checks} takes them ({@code [{"type": "metrics", ...}]}), each validated;
     * an error names the entry, e.g. {@code checks[1]: unknown check type 'htp'; use one of ...}.
     */
    public static List<Check> checksFromJson(String json) {
        try {
            return List.copyOf(Json.MAPPER.readValue(json, new com.fasterxml.jackson.core.type.TypeReference<List<Check>>() {
            }));
        } catch (JsonProcessingException e) {
            String message = Json.invalid(e).getMessage();
            throw new io.jenkins.plugins.containerrollout.core.RequestException(
                    (message.startsWith("[") ? "checks" : "checks: ") + message, e);
        }
    }

    /**
     * This request with each smoke test's {@code reportsDir} resolved against {@code base} (a Pipeline's workspace on
     * the agent, where the check runs) with a folder per check, {@code base/reportsDir/<check name>}, so checks never
     * overwrite each other's files.
     */
    public VerifyRequest reportsUnder(Path base) {
        List<Check> resolved = new ArrayList<>();
        for (Check c : checks) {
            resolved.add(c instanceof SmokeTestCheck s && s.reportsDir() != null
                    ? s.withReportsDir(base.resolve(s.reportsDir()).resolve(s.name().replaceAll("[^A-Za-z0-9_-]", "_"))
                            .toString())
                    : c);
        }
        return new VerifyRequest(name, endpoints, allowedHosts, resolved, onFailure, failFast);
    }

    /**
     * This request with {@code {{revision}}} in each metrics check's query standing for {@code revision} (the
     * verified application's, read from the engine), unless the check names its own.
     */
    public VerifyRequest forRevision(int revision) {
        if (revision <= 0) {
            return this;
        }
        List<Check> filled = checks.stream().map(c -> c instanceof MetricsCheck m ? m.withRevision(revision) : c).toList();
        return new VerifyRequest(name, endpoints, allowedHosts, filled, onFailure, failFast);
    }

    /** The URLs a template stands for under this request's endpoints (validated at construction). */
    List<java.net.URI> expand(String template) {
        return targets(endpoints, allowedHosts).expand(template, "url");
    }

    private static Targets targets(List<String> endpoints, List<String> allowedHosts) {
        return new Targets(endpoints, allowedHosts);
    }
}
