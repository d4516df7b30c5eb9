package io.jenkins.plugins.containerrollout.core.engine;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reading the engine's JSON answers with Jackson's streaming parser, for the paths that go without docker-java's
 * model ({@link PlainEngine}'s callers): one factory, and the few shapes those answers take (a string, an object of
 * strings such as labels, one field of an object).
 *
 * <p>Usage: {@code try (JsonParser p = EngineJson.parser(body)) { ... EngineJson.strings(p, p.nextToken()) ... }}
 */
public final class EngineJson {
    private static final JsonFactory JSON = new JsonFactory();

    private EngineJson() {
    }

    public static JsonFactory factory() {
        return JSON;
    }

    public static JsonParser parser(String json) throws IOException {
        return JSON.createParser(json);
    }

    public static JsonParser parser(InputStream json) throws IOException {
        return JSON.createParser(json);
    }

    /** The text of the value just read ({@code value}); null for null, an object or an array (skipped). */
    public static String text(JsonParser p, JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_NULL) {
            return null;
        }
        if (value.isStructStart()) {
            p.skipChildren();
            return null;
        }
        return p.getText();
    }

    /** The object just opened ({@code value}) as strings, in order; empty for null or anything else (skipped). */
    public static Map<String, String> strings(JsonParser p, JsonToken value) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        if (value != JsonToken.START_OBJECT) {
            p.skipChildren();
            return out;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.getCurrentName();
            out.put(key, text(p, p.nextToken()));
        }
        return out;
    }

    /** The string field {@code name} of the object the parser is in (its other fields skipped), or null. */
    public static String field(JsonParser p, String name) throws IOException {
        String found = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            boolean wanted = name.equals(p.getCurrentName());
            JsonToken value = p.nextToken();
            if (wanted) {
                found = text(p, value);
            } else {
                p.skipChildren();
            }
        }
        return found;
    }
}
