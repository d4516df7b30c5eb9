package io.jenkins.plugins.containerrollout.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintStream;

/**
 * Writes a command's result as one JSON object on one line of stdout, so {@code jq} or a script can read it while
 * progress goes to stderr. Records are written field by field, in declaration order.
 *
 * <p>Usage: {@code JsonOutput.print(result, terminal.out());}
 */
public final class JsonOutput {
    private static final ObjectMapper MAPPER = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private JsonOutput() {
    }

    public static void print(Object result, PrintStream out) throws JsonProcessingException {
        out.println(MAPPER.writeValueAsString(result));
        out.flush();
    }
}
