package io.jenkins.plugins.containerrollout.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import io.jenkins.plugins.containerrollout.core.deploy.AppStatus;
import io.jenkins.plugins.containerrollout.core.image.BuildResult;
import io.jenkins.plugins.containerrollout.core.record.PauseInfo;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes a command's result as one JSON object on one line of stdout, so {@code jq} or a script can read it while
 * progress goes to stderr. Records are written field by field, in declaration order; a paused rollout's
 * {@link PauseInfo} also says how long it has been paused when printed ({@code pausedSeconds}, {@code pausedFor}).
 *
 * <p>Usage: {@code JsonOutput.print(result, terminal.out());}
 */
public final class JsonOutput {
    /** The mappers, built on first use: a status or a build written by {@link RecordJson} never builds them. */
    private static final class Mappers {
        /** Instants as RFC 3339 text ({@code 2026-11-25T15:04:05Z}), which people and jq read; no JSR-310 module needed. */
        static final ObjectMapper MAPPER = new ObjectMapper()
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .registerModule(new SimpleModule().addSerializer(Instant.class, ToStringSerializer.instance)
                        .addSerializer(PauseInfo.class, new PauseSerializer()));
        /** Writes a pause's own fields, which {@link PauseSerializer} then adds to. */
        static final ObjectMapper PLAIN = new ObjectMapper();
    }

    private JsonOutput() {
    }

    public static void print(Object result, PrintStream out) throws IOException {
        // a status and a build are written without the data-binding mapper: a fresh JVM builds it in tens of ms
        out.println(result instanceof AppStatus || result instanceof BuildResult ? RecordJson.write(result) : mapped(result));
        out.flush();
    }

    /** {@code result} as the data-binding mapper writes it, whatever its type. */
    static String mapped(Object result) throws IOException {
        return Mappers.MAPPER.writeValueAsString(result);
    }

    /** What a printed pause adds to its own fields: how long it has been paused at {@code nowMillis}. */
    static Map<String, Object> pauseExtras(PauseInfo pause, long nowMillis) {
        Map<String, Object> extras = new LinkedHashMap<>();
        extras.put("pausedSeconds", Math.max(0, (nowMillis - pause.pausedAtMillis()) / 1000));
        extras.put("pausedFor", pause.pausedFor(nowMillis));
        return extras;
    }

    /** A pause's fields, then how long it has been paused now: what {@code status} answers a script. */
    private static final class PauseSerializer extends StdSerializer<PauseInfo> {
        private static final long serialVersionUID = 1L;

        PauseSerializer() {
            super(PauseInfo.class);
        }

        @Override
        public void serialize(PauseInfo pause, JsonGenerator gen, SerializerProvider provider) throws IOException {
            ObjectNode node = Mappers.PLAIN.valueToTree(pause);
            pauseExtras(pause, System.currentTimeMillis()).forEach((k, v) -> node.putPOJO(k, v));
            gen.writeTree(node);
        }
    }
}
