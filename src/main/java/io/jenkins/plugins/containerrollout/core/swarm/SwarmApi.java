package io.jenkins.plugins.containerrollout.core.swarm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.transport.DockerHttpClient;
import com.github.dockerjava.transport.DockerHttpClient.Request;
import io.jenkins.plugins.containerrollout.core.RequestException;
import io.jenkins.plugins.containerrollout.core.deploy.AppLabels;
import io.jenkins.plugins.containerrollout.core.engine.DockerClientFactory;
import io.jenkins.plugins.containerrollout.core.engine.DockerHost;
import io.jenkins.plugins.containerrollout.core.engine.EngineException;
import io.jenkins.plugins.containerrollout.core.engine.EngineFailures;
import io.jenkins.plugins.containerrollout.core.image.RegistryCredentials;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Swarm calls we make, as raw Engine API requests over docker-java's transport: its {@code UpdateServiceCmd} has
 * no {@code rollback=previous} and no {@code X-Registry-Auth}, and its service model drops {@code PreviousSpec} and
 * fields newer than it knows. Specs travel as JSON trees, so an update sends back every field the engine gave us.
 */
final class SwarmApi implements AutoCloseable {
    /** Engine 20.10; everything used here exists since 1.31 (server-side rollback). */
    private static final String VERSION = "/v1.41";
    static final ObjectMapper JSON = new ObjectMapper();

    private final DockerHost host;
    private final DockerClient client;
    private final DockerHttpClient http;

    SwarmApi(DockerHost host) {
        this.host = host;
        try {
            this.client = DockerClientFactory.DEFAULT.create(host);
        } catch (EngineException e) {
            throw new RequestException("host: " + e.getMessage(), e);
        }
        this.http = ((DockerClientImpl) client).getHttpClient();
    }

    /** The manager's swarm state ({@code inactive}, {@code active}, ...) and whether it is a manager. */
    JsonNode info() {
        return call("GET", "/info", null, Map.of(), 200).orElseThrow();
    }

    Optional<JsonNode> service(String name) {
        return call("GET", "/services/" + enc(name), null, Map.of(), 200, 404);
    }

    /** Tasks of one service, every state (the task history {@code docker service ps} shows). */
    List<JsonNode> tasks(String service) {
        String filters = "{\"service\":[\"" + service + "\"]}";
        JsonNode arr = call("GET", "/tasks?filters=" + enc(filters), null, Map.of(), 200).orElseThrow();
        List<JsonNode> out = new ArrayList<>();
        arr.forEach(out::add);
        return out;
    }

    String createService(ObjectNode spec, RegistryCredentials auth, String registry) {
        return call("POST", "/services/create", spec, authHeader(auth, registry), 201).orElseThrow().path("ID").asText();
    }

    /** Replaces the spec of version {@code version}; a concurrent change makes the engine refuse ("out of sequence"). */
    void updateService(String id, long version, ObjectNode spec, RegistryCredentials auth, String registry) {
        call("POST", "/services/" + enc(id) + "/update?version=" + version, spec, authHeader(auth, registry), 200);
    }

    /** Server-side rollback to the engine's {@code PreviousSpec}, using the service's RollbackConfig. */
    void rollbackService(String id, long version, JsonNode currentSpec, RegistryCredentials auth, String registry) {
        call("POST", "/services/" + enc(id) + "/update?version=" + version + "&rollback=previous", currentSpec,
                authHeader(auth, registry), 200);
    }

    /**
     * The last {@code tail} lines of one task's container log (stdout and stderr), as {@code docker service logs}
     * reads them; empty when the engine cannot give them (the task never got a container, or its node's logging
     * driver keeps none).
     */
    List<String> taskLogs(String taskId, int tail) {
        Request request = request("GET", "/tasks/" + enc(taskId) + "/logs?stdout=1&stderr=1&tail=" + tail, null,
                Map.of());
        try (DockerHttpClient.Response r = execute(request)) {
            if (r.getStatusCode() != 200 || r.getBody() == null) {
                return List.of();
            }
            return LogFrames.lines(r.getBody().readNBytes(1 << 20));
        } catch (IOException | RuntimeException e) {
            return List.of(); // a diagnosis without the log is still one: the task's error is kept
        }
    }

    void removeService(String name) {
        call("DELETE", "/services/" + enc(name), null, Map.of(), 200, 404);
    }

    /**
     * Creates a Swarm config (immutable, kept by the managers' raft store); a name already taken is refused by the
     * engine with 409, which the caller sees as a {@link SwarmException}.
     */
    void createConfig(String name, Map<String, String> labels, byte[] data) {
        ObjectNode body = JSON.createObjectNode().put("Name", name).put("Data", Base64.getEncoder().encodeToString(data));
        ObjectNode l = body.putObject("Labels");
        labels.forEach(l::put);
        call("POST", "/configs/create", body, Map.of(), 201);
    }

    /** The configs carrying label {@code key=value}, each as the engine lists it ({@code ID}, {@code Spec.Labels}). */
    List<JsonNode> configs(String key, String value) {
        return configsWhere("label", key + "=" + value);
    }

    /** The configs named exactly {@code name} (the engine's name filter matches by prefix too). */
    List<JsonNode> configsNamed(String name) {
        return configsWhere("name", name).stream().filter(c -> name.equals(c.path("Spec").path("Name").asText()))
                .toList();
    }

    private List<JsonNode> configsWhere(String filter, String value) {
        String filters = JSON.createObjectNode().set(filter, array().add(value)).toString();
        List<JsonNode> out = new ArrayList<>();
        call("GET", "/configs?filters=" + enc(filters), null, Map.of(), 200).orElseThrow().forEach(out::add);
        return out;
    }

    void removeConfig(String id) {
        call("DELETE", "/configs/" + enc(id), null, Map.of(), 204, 404);
    }

    Optional<JsonNode> image(String ref) {
        return call("GET", "/images/" + ref + "/json", null, Map.of(), 200, 404);
    }

    /**
     * Whether {@code path} exists in the file tree of {@code image} (on the manager): a container is created from it,
     * never started, asked for that path's archive, and removed. Nothing in the image runs.
     */
    boolean imageHasPath(String image, String path) {
        ObjectNode body = JSON.createObjectNode().put("Image", image).put("NetworkDisabled", true);
        body.putArray("Entrypoint").add(path);
        body.putObject("Labels").put(AppLabels.PREFIX + "probe", "file-check");
        String id = call("POST", "/containers/create", body, Map.of(), 201).orElseThrow().path("Id").asText();
        // the answer is a tar of that path (a symlink stays a link: a few hundred bytes); only its status matters
        try (DockerHttpClient.Response r = execute(request("GET", "/containers/" + enc(id) + "/archive?path="
                + enc(path), null, Map.of()))) {
            if (r.getStatusCode() != 200 && r.getStatusCode() != 404) {
                throw new SwarmException("GET /containers/{id}/archive answered " + r.getStatusCode() + ": "
                        + message(new String(readAll(r.getBody()), StandardCharsets.UTF_8)), r.getStatusCode());
            }
            return r.getStatusCode() == 200;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            call("DELETE", "/containers/" + enc(id) + "?force=true", null, Map.of(), 204, 404);
        }
    }

    /**
     * What the registry says about {@code ref} (digest, platforms), asked through the manager as the CLI asks it; empty
     * when the registry does not answer (an image only the manager has).
     */
    Optional<JsonNode> distribution(String ref, RegistryCredentials auth, String registry) {
        try {
            return call("GET", "/distribution/" + ref + "/json", null, authHeader(auth, registry), 200);
        } catch (SwarmException e) {
            return Optional.empty();
        }
    }

    /** Pulls {@code ref} onto the manager, reading the progress stream to its end; an error in it is thrown. */
    void pull(String ref, RegistryCredentials auth, String registry) {
        Request request = request("POST", "/images/create?fromImage=" + enc(ref), null, authHeader(auth, registry));
        try (DockerHttpClient.Response r = execute(request)) {
            String body = new String(r.getBody().readAllBytes(), StandardCharsets.UTF_8);
            if (r.getStatusCode() != 200) {
                throw new RequestException("image: pulling " + ref + " onto the swarm manager failed: "
                        + message(body));
            }
            for (String line : body.split("\n")) {
                if (line.contains("\"error\"")) {
                    throw new RequestException("image: pulling " + ref + " onto the swarm manager failed: "
                            + message(line));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Optional<JsonNode> call(String method, String path, JsonNode body, Map<String, String> headers,
            int... expected) {
        Request request = request(method, path, body, headers);
        try (DockerHttpClient.Response r = execute(request)) {
            int status = r.getStatusCode();
            byte[] bytes = r.getBody() == null ? new byte[0] : readAll(r.getBody());
            if (status == 404 && contains(expected, 404)) {
                return Optional.empty();
            }
            if (!contains(expected, status)) {
                throw new SwarmException(method + " " + path.replaceFirst("\\?.*", "") + " answered " + status + ": "
                        + message(new String(bytes, StandardCharsets.UTF_8)), status);
            }
            return Optional.of(bytes.length == 0 ? JSON.createObjectNode() : JSON.readTree(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private DockerHttpClient.Response execute(Request request) {
        try {
            return http.execute(request);
        } catch (RuntimeException e) {
            String why = EngineFailures.describe(host, e);
            if (why == null) {
                throw e;
            }
            SwarmException failure = new SwarmException(why, 0);
            failure.initCause(e); // the CLI and the steps find an unreachable engine there and name their own option
            throw failure;
        }
    }

    private static Request request(String method, String path, JsonNode body, Map<String, String> headers) {
        Request.Builder b = Request.builder().method(Request.Method.valueOf(method)).path(VERSION + path)
                .putAllHeaders(headers);
        if (body != null) {
            try {
                b.bodyBytes(JSON.writeValueAsBytes(body)).putHeader("Content-Type", "application/json");
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("a JSON tree always serializes", e);
            }
        }
        return b.build();
    }

    /**
     * {@code X-Registry-Auth}: base64url of the credentials, as the CLI sends it; the manager keeps it with the
     * service so every node can pull. Never logged.
     */
    static Map<String, String> authHeader(RegistryCredentials auth, String registry) {
        if (auth == null) {
            return Map.of();
        }
        ObjectNode n = JSON.createObjectNode().put("username", auth.username()).put("password", auth.password())
                .put("serveraddress", registry == null ? "" : registry);
        try {
            return Map.of("X-Registry-Auth", Base64.getUrlEncoder().encodeToString(JSON.writeValueAsBytes(n)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }

    private static String message(String body) {
        try {
            JsonNode n = JSON.readTree(body);
            if (n != null && n.has("message")) {
                return n.get("message").asText();
            }
            if (n != null && n.has("error")) {
                return n.get("error").asText();
            }
        } catch (IOException notJson) {
            // fall through to the raw text
        }
        return body.strip();
    }

    private static byte[] readAll(InputStream in) throws IOException {
        return in.readAllBytes();
    }

    private static boolean contains(int[] values, int v) {
        for (int x : values) {
            if (x == v) {
                return true;
            }
        }
        return false;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static ArrayNode array() {
        return JSON.createArrayNode();
    }

    @Override
    public void close() {
        DockerClientFactory.closeQuietly(client);
    }
}
