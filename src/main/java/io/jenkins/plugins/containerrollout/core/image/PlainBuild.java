package io.jenkins.plugins.containerrollout.core.image;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.transport.DockerHttpClient;
import io.jenkins.plugins.containerrollout.core.engine.EngineJson;
import io.jenkins.plugins.containerrollout.core.engine.PlainEngine;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A build without push or registry credentials, sent with {@link PlainEngine} instead of docker-java: the same
 * {@code POST /build} (the query docker-java's build command writes for the options {@link ImageBuilder} sets), its
 * stream read with Jackson's streaming parser into the same {@link BuildLog}, and the image read back with one GET. A
 * fresh JVM (a command-line build) then neither builds docker-java's HTTP client nor introspects its model classes,
 * which cost a CLI build about half a second before and after the engine's own work (#17). What the log, the
 * timeout and an interrupt do is {@link ImageBuilder}'s, unchanged.
 *
 * <p>Usage: {@code PlainBuild.start(engine, PlainBuild.query(...), tar, log); ... PlainBuild.image(engine, id)}
 */
final class PlainBuild {
    private PlainBuild() {
    }

    /** The image a build made: its id and its labels. */
    record Image(String id, Map<String, String> labels) {
    }

    /** {@code /build?...} for these options, as docker-java writes them. */
    static String query(String dockerfile, List<String> tags, Map<String, String> labels, boolean noCache, boolean pull,
            Map<String, String> buildArgs, String target) throws IOException {
        StringBuilder q = new StringBuilder("/build?dockerfile=").append(PlainEngine.query(dockerfile));
        for (String tag : tags) {
            q.append("&t=").append(PlainEngine.query(tag));
        }
        q.append("&labels=").append(PlainEngine.query(json(labels)));
        if (noCache) {
            q.append("&nocache=true");
        }
        if (pull) {
            q.append("&pull=true");
        }
        q.append("&rm=true&forcerm=true"); // a failed or cancelled step leaves no container behind
        if (!buildArgs.isEmpty()) {
            q.append("&buildargs=").append(PlainEngine.query(json(buildArgs)));
        }
        if (target != null && !target.isBlank()) {
            q.append("&target=").append(PlainEngine.query(target));
        }
        return q.toString();
    }

    /**
     * Sends the build on a thread of its own, which reads {@code tar} (the context) and then the engine's stream into
     * {@code log}, as docker-java's thread does: the caller awaits and, to stop it, closes {@code log} and {@code tar}.
     */
    static void start(PlainEngine engine, String query, InputStream tar, BuildLog log) {
        Thread reader = new Thread(() -> {
            try (DockerHttpClient.Response answer = engine.post(query, Map.of(), tar)) {
                log.onStart(answer);
                if (answer.getStatusCode() != 200) {
                    String body = new String(answer.getBody().readNBytes(64 << 10), StandardCharsets.UTF_8).trim();
                    log.onError(new DockerException(body, answer.getStatusCode()));
                    return;
                }
                items(answer.getBody(), log);
                log.onComplete();
            } catch (IOException | RuntimeException e) {
                log.onError(e);
            }
        });
        reader.setDaemon(true);
        log.adopt(reader);
        reader.start();
    }

    /** The messages of a build stream (JSON objects one after another) into {@code log}. */
    static void items(InputStream body, BuildLog log) throws IOException {
        try (JsonParser p = EngineJson.parser(body)) {
            while (p.nextToken() == JsonToken.START_OBJECT) {
                String stream = null;
                String status = null;
                String id = null;
                boolean progress = false;
                String error = null;
                String errorMessage = null;
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String field = p.getCurrentName();
                    JsonToken value = p.nextToken();
                    switch (field) {
                        case "stream" -> stream = EngineJson.text(p, value);
                        case "status" -> status = EngineJson.text(p, value);
                        case "id" -> id = EngineJson.text(p, value);
                        case "error" -> error = EngineJson.text(p, value);
                        case "progressDetail" -> {
                            progress = value == JsonToken.START_OBJECT;
                            p.skipChildren();
                        }
                        case "errorDetail" -> errorMessage = value == JsonToken.START_OBJECT ? EngineJson.field(p, "message") : null;
                        default -> p.skipChildren();
                    }
                }
                log.next(new BuildLog.Item(stream, status, id, progress, error, errorMessage));
            }
        }
    }

    /** The image {@code ref} names, read with one GET; empty when the engine has none. */
    static Optional<Image> image(PlainEngine engine, String ref) throws IOException {
        Optional<String> json = engine.get("/images/" + PlainEngine.query(ref) + "/json");
        if (json.isEmpty()) {
            return Optional.empty();
        }
        String id = null;
        Map<String, String> labels = Map.of();
        try (JsonParser p = EngineJson.parser(json.get())) {
            p.nextToken();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.getCurrentName();
                JsonToken value = p.nextToken();
                if (field.equals("Id")) {
                    id = EngineJson.text(p, value);
                } else if (field.equals("Config") && value == JsonToken.START_OBJECT) {
                    labels = configLabels(p);
                } else {
                    p.skipChildren();
                }
            }
        }
        return Optional.of(new Image(id, labels));
    }

    /** {@code Config.Labels} of an inspect, the parser inside {@code Config}; empty when null. */
    private static Map<String, String> configLabels(JsonParser p) throws IOException {
        Map<String, String> labels = Map.of();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.getCurrentName();
            JsonToken value = p.nextToken();
            if (field.equals("Labels")) {
                labels = EngineJson.strings(p, value);
            } else {
                p.skipChildren();
            }
        }
        return labels;
    }

    private static String json(Map<String, String> map) throws IOException {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = EngineJson.factory().createGenerator(out)) {
            g.writeStartObject();
            for (Map.Entry<String, String> e : map.entrySet()) {
                g.writeStringField(e.getKey(), e.getValue());
            }
            g.writeEndObject();
        }
        return out.toString();
    }
}
