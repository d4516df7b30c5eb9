package io.jenkins.plugins.containerrollout.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.jenkins.plugins.containerrollout.core.record.PauseInfo;
import java.io.IOException;
import java.io.StringWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/**
 * Writes plain records (strings, numbers, booleans, enums, instants, lists, maps and nested records) as the JSON
 * {@link JsonOutput}'s mapper writes them, with Jackson's streaming generator alone: the quick status answers in a
 * fresh JVM, where building the data-binding mapper and its reflection over each class costs more than the query.
 * Only for types made of those; the equality with {@link JsonOutput} is tested ({@code RecordJsonTest}).
 *
 * <p>Usage: {@code String json = RecordJson.write(status);}
 */
final class RecordJson {
    private static final JsonFactory JSON = new JsonFactory();

    private RecordJson() {
    }

    static String write(Object value) throws IOException {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            value(g, value);
        }
        return out.toString();
    }

    private static void value(JsonGenerator g, Object v) throws IOException {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof String s) {
            g.writeString(s);
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            g.writeNumber(((Number) v).longValue());
        } else if (v instanceof Double d) {
            g.writeNumber(d);
        } else if (v instanceof Float f) {
            g.writeNumber(f);
        } else if (v instanceof Enum<?> e) {
            g.writeString(e.name());
        } else if (v instanceof Instant i) {
            g.writeString(i.toString());
        } else if (v instanceof Collection<?> c) {
            g.writeStartArray();
            for (Object item : c) {
                value(g, item);
            }
            g.writeEndArray();
        } else if (v instanceof Map<?, ?> m) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                g.writeFieldName(String.valueOf(e.getKey()));
                value(g, e.getValue());
            }
            g.writeEndObject();
        } else if (v instanceof Record r) {
            record(g, r);
        } else {
            throw new IllegalArgumentException("not plain data: " + v.getClass().getName());
        }
    }

    private static void record(JsonGenerator g, Record r) throws IOException {
        g.writeStartObject();
        for (RecordComponent c : r.getClass().getRecordComponents()) {
            g.writeFieldName(c.getName());
            try {
                value(g, c.getAccessor().invoke(r));
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("record " + r.getClass().getName() + " hides " + c.getName(), e);
            }
        }
        if (r instanceof PauseInfo pause) {
            for (Map.Entry<String, Object> e : JsonOutput.pauseExtras(pause, System.currentTimeMillis()).entrySet()) {
                g.writeFieldName(e.getKey());
                value(g, e.getValue());
            }
        }
        g.writeEndObject();
    }
}
