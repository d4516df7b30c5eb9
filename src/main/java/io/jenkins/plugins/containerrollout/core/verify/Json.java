package io.jenkins.plugins.containerrollout.core.verify;

import io.jenkins.plugins.containerrollout.core.RequestException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.util.stream.Collectors;

/**
 * The one mapper for requests and results, strict about unknown properties so a typo in a check is reported rather
 * than silently ignored; and the translation of Jackson's errors into {@link IllegalArgumentException}s a user can act on.
 */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private Json() {
    }

    /** Turns a mapping failure into a one-line message naming where in the input it happened. */
    static IllegalArgumentException invalid(JsonProcessingException e) {
        if (e instanceof ValueInstantiationException && e.getCause() instanceof IllegalArgumentException iae) {
            return new RequestException(where(e) + iae.getMessage(), iae);
        }
        if (e instanceof InvalidTypeIdException t) {
            String given = t.getTypeId();
            return new RequestException(where(e) + (given == null ? "type is missing" : "unknown check type '" + given + "'")
                    + "; use one of " + Check.TYPES, e);
        }
        if (e instanceof UnrecognizedPropertyException u) {
            return new RequestException(where(e) + "unknown parameter '" + u.getPropertyName() + "'; known: "
                    + u.getKnownPropertyIds().stream().map(String::valueOf).sorted().collect(Collectors.joining(", ")), e);
        }
        return new RequestException(where(e) + e.getOriginalMessage(), e);
    }

    /** {@code "checks[1]: "} from Jackson's path, or "" at the top level. */
    private static String where(JsonProcessingException e) {
        if (!(e instanceof JsonMappingException m) || m.getPath().isEmpty()) {
            return "";
        }
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference r : m.getPath()) {
            if (r.getIndex() >= 0) {
                path.append('[').append(r.getIndex()).append(']');
            } else if (r.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(r.getFieldName());
            }
        }
        return path.length() == 0 ? "" : path + ": ";
    }
}
