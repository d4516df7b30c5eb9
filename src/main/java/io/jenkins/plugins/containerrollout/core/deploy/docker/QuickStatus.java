package io.jenkins.plugins.containerrollout.core.deploy.docker;

import static io.jenkins.plugins.containerrollout.core.deploy.AppLabels.APP;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.jenkins.plugins.containerrollout.core.RequestException;
import io.jenkins.plugins.containerrollout.core.deploy.AppName;
import io.jenkins.plugins.containerrollout.core.deploy.AppStatus;
import io.jenkins.plugins.containerrollout.core.engine.DockerHost;
import io.jenkins.plugins.containerrollout.core.engine.EngineJson;
import io.jenkins.plugins.containerrollout.core.engine.PlainEngine;
import io.jenkins.plugins.containerrollout.core.health.ProbeSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An application's status as {@link DockerDeployer#status} answers it, read with {@link PlainEngine} and Jackson's
 * streaming parser instead of docker-java: one listing of its containers and one of its volumes (the state entries),
 * one probe per running replica, and an inspect only for a replica whose revision has a HEALTHCHECK. What a fresh
 * {@code container-rollout status} JVM can do in a fraction of a second. Empty whenever it cannot answer (TLS, an
 * address it does not speak, an engine that refuses, an invalid name): the caller then asks the deployer, which
 * explains any error.
 *
 * <p>Usage: {@code AppStatus s = QuickStatus.read(host, "web").orElseGet(() -> deployer.status("web"));}
 */
public final class QuickStatus {
    private QuickStatus() {
    }

    public static Optional<AppStatus> read(DockerHost host, String app) {
        Optional<PlainEngine> engine = PlainEngine.of(host);
        if (engine.isEmpty()) {
            return Optional.empty();
        }
        try {
            AppName.check(app);
            String filter = "{\"label\":[\"" + APP + "=" + app + "\"]}"; // a checked name needs no escaping
            Optional<String> listed = engine.get().get("/containers/json?all=1&filters=" + PlainEngine.query(filter));
            Optional<String> volumes = engine.get().get("/volumes?filters=" + PlainEngine.query(filter));
            if (listed.isEmpty() || volumes.isEmpty()) {
                return Optional.empty();
            }
            List<AppListing.Entry> entries = new ArrayList<>(entries(listed.get()));
            entries.addAll(volumeEntries(volumes.get()));
            AppListing listing = new AppListing(entries);
            ReplicaInspect inspect = id -> inspect(engine.get(), id);
            return Optional.of(listing.status(app, new ReplicaCheck(inspect, listing.healthRules(),
                    ProbeSettings.defaults())));
        } catch (IOException | UncheckedIOException | RequestException | IllegalStateException
                | NumberFormatException | NullPointerException unreadable) {
            return Optional.empty();
        }
    }

    /** The entries of a {@code GET /containers/json} answer: id, first name, labels, whether it runs, status text. */
    static List<AppListing.Entry> entries(String json) throws IOException {
        List<AppListing.Entry> out = new ArrayList<>();
        try (JsonParser p = EngineJson.parser(json)) {
            expect(p.nextToken(), JsonToken.START_ARRAY);
            while (p.nextToken() == JsonToken.START_OBJECT) {
                String id = null;
                String name = null;
                String state = null;
                String status = null;
                Map<String, String> labels = Map.of();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String field = p.getCurrentName();
                    JsonToken value = p.nextToken();
                    switch (field) {
                        case "Id" -> id = p.getText();
                        case "State" -> state = p.getText();
                        case "Status" -> status = p.getText();
                        case "Names" -> name = firstName(p, value);
                        case "Labels" -> labels = EngineJson.strings(p, value);
                        default -> p.skipChildren();
                    }
                }
                out.add(new AppListing.Entry(id, name == null ? id : name, labels, "running".equals(state), status));
            }
        }
        return out;
    }

    /** The volumes of a {@code GET /volumes} answer ({@code {"Volumes": [...], "Warnings": ...}}): name, labels. */
    static List<AppListing.Entry> volumeEntries(String json) throws IOException {
        List<AppListing.Entry> out = new ArrayList<>();
        try (JsonParser p = EngineJson.parser(json)) {
            expect(p.nextToken(), JsonToken.START_OBJECT);
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                boolean isVolumes = "Volumes".equals(p.getCurrentName());
                if (p.nextToken() != JsonToken.START_ARRAY || !isVolumes) {
                    p.skipChildren(); // Warnings, or null Volumes when there are none
                    continue;
                }
                while (p.nextToken() == JsonToken.START_OBJECT) {
                    String name = null;
                    Map<String, String> labels = Map.of();
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String field = p.getCurrentName();
                        JsonToken value = p.nextToken();
                        switch (field) {
                            case "Name" -> name = p.getText();
                            case "Labels" -> labels = EngineJson.strings(p, value);
                            default -> p.skipChildren();
                        }
                    }
                    out.add(AppListing.volume(name, labels));
                }
            }
        }
        return out;
    }

    /**
     * A replica's state from {@code GET /containers/{id}/json}, as {@link AppEngine#state} reads it; the health log,
     * which status does not show, is left empty.
     */
    static Optional<ReplicaState> inspect(PlainEngine engine, String id) {
        try {
            Optional<String> body = engine.get("/containers/" + PlainEngine.query(id) + "/json");
            return body.isEmpty() ? Optional.empty() : Optional.of(state(body.get()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ReplicaState state(String json) throws IOException {
        boolean running = false;
        long exitCode = 0;
        boolean oomKilled = false;
        String error = null;
        String health = null;
        try (JsonParser p = EngineJson.parser(json)) {
            expect(p.nextToken(), JsonToken.START_OBJECT);
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                boolean isState = "State".equals(p.getCurrentName());
                if (p.nextToken() != JsonToken.START_OBJECT || !isState) {
                    p.skipChildren();
                    continue;
                }
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String field = p.getCurrentName();
                    JsonToken value = p.nextToken();
                    switch (field) {
                        case "Running" -> running = value == JsonToken.VALUE_TRUE;
                        case "ExitCode" -> exitCode = value == JsonToken.VALUE_NUMBER_INT ? p.getLongValue() : 0;
                        case "OOMKilled" -> oomKilled = value == JsonToken.VALUE_TRUE;
                        case "Error" -> error = value == JsonToken.VALUE_STRING ? p.getText() : null;
                        case "Health" -> health = value == JsonToken.START_OBJECT ? healthStatus(EngineJson.field(p, "Status"))
                                : null;
                        default -> p.skipChildren();
                    }
                }
            }
        }
        return new ReplicaState(running, exitCode, oomKilled, error, health, List.of());
    }

    /** {@code Health.Status}, "starting" when the engine gives none (as {@link AppEngine#state} reads it). */
    private static String healthStatus(String status) {
        return status == null || status.isEmpty() ? "starting" : status;
    }

    private static String firstName(JsonParser p, JsonToken value) throws IOException {
        if (value != JsonToken.START_ARRAY) {
            p.skipChildren();
            return null;
        }
        String first = null;
        while (p.nextToken() == JsonToken.VALUE_STRING) {
            if (first == null) {
                first = p.getText().replaceFirst("^/", "");
            }
        }
        return first;
    }

    private static void expect(JsonToken got, JsonToken wanted) throws IOException {
        if (got != wanted) {
            throw new IOException("the engine's answer starts with " + got + ", not " + wanted);
        }
    }
}
