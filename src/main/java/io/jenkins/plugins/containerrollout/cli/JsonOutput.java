package io.jenkins.plugins.containerrollout.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.io.PrintStream;
import java.time.Instant;

/**
 * Writes a command's result as one JSON object on one line of stdout, so {@code jq} or a script can read it while
 * progress goes to stderr. Records are written field by field, in declaration order.
 *
 * <p>Usage: {@code JsonOutput.print(result, terminal.out());}
 */
public final class JsonOutput {
    /** Instants as RFC 3339 text ({@code 2026-11-25T15:04:05Z}), which is what people and jq read; no JSR-310 module needed. */
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .registerModule(new SimpleModule().addSerializer(Instant.class, ToStringSerializer.instance));

    private JsonOutput() {
    }

    public static void print(Object result, PrintStream out) throws JsonProcessingException {
        out.println(MAPPER.writeValueAsString(result));
        out.flush();
    }
}
