package io.jenkins.plugins.containerrollout.core.verify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** An {@link HttpCheck}'s expectations on one answer; says in a few words which one was not met. */
final class HttpExpectations {
    private final HttpCheck check;
    private final Pattern body;

    HttpExpectations(HttpCheck check) {
        this.check = check;
        this.body = Validation.blank(check.bodyRegex()) ? null : Pattern.compile(check.bodyRegex());
    }

    /** Why the answer falls short, or empty when it meets every expectation. */
    Optional<String> mismatch(Exchange e) {
        if (!e.answered()) {
            return Optional.of(e.error());
        }
        if (!check.expectedStatus().contains(e.status())) {
            return Optional.of("status " + e.status() + ", expected " + describe(check));
        }
        if (body != null && !body.matcher(e.body()).find()) {
            return Optional.of("body does not match /" + check.bodyRegex() + "/");
        }
        for (Map.Entry<String, String> h : check.headers().entrySet()) {
            String value = e.headers().firstValue(h.getKey()).orElse(null);
            if (value == null) {
                return Optional.of("header " + h.getKey() + " is missing");
            }
            if (!Pattern.compile(h.getValue()).matcher(value).find()) {
                return Optional.of("header " + h.getKey() + ": '" + value + "' does not match /" + h.getValue() + "/");
            }
        }
        return Validation.blank(check.jsonPath()) ? Optional.empty() : jsonMismatch(e.body());
    }

    private Optional<String> jsonMismatch(String text) {
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(text);
        } catch (JsonProcessingException ex) {
            return Optional.of("body is not JSON (" + ex.getOriginalMessage() + ")");
        }
        for (String part : check.jsonPath().split("\\.")) {
            node = node == null ? null : node.isArray() && part.matches("\\d+") ? node.get(Integer.parseInt(part)) : node.get(part);
        }
        if (node == null || node.isMissingNode()) {
            return Optional.of("JSON has no " + check.jsonPath());
        }
        String actual = node.isValueNode() ? node.asText() : node.toString();
        return actual.equals(check.jsonValue()) ? Optional.empty()
                : Optional.of("JSON " + check.jsonPath() + " is '" + actual + "', expected '" + check.jsonValue() + "'");
    }

    private static String describe(HttpCheck check) {
        return check.expectedStatus().size() == 1 ? String.valueOf(check.expectedStatus().get(0))
                : "one of " + check.expectedStatus();
    }
}
