package io.jenkins.plugins.containerrollout.steps;

import io.jenkins.plugins.containerrollout.core.RequestException;
import io.jenkins.plugins.containerrollout.core.deploy.AppName;
import io.jenkins.plugins.containerrollout.core.deploy.DeployImage;
import io.jenkins.plugins.containerrollout.core.deploy.DeployRequest;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The argument rules and conversions the deploy, verify and rollback steps share: Pipeline maps and lists made
 * plain, and the checks the core would make too late or in its own words (a missing {@code app}).
 *
 * <p>Usage: {@code StepArguments.requireApp(app); this.env = StepArguments.copy(env);}
 */
final class StepArguments {
    private StepArguments() {
    }

    /** @throws IllegalArgumentException when {@code app} is missing or not a valid application name */
    static void requireApp(String app) {
        if (app == null || app.isBlank()) {
            throw new RequestException("app: required; name the application, e.g. app: 'web'");
        }
        AppName.check(app);
    }

    /** @throws IllegalArgumentException when {@code image} is missing, a bare digest or not an image reference */
    static void requireImage(String image) {
        if (image == null || image.isBlank()) {
            throw new RequestException("image: required; give the image reference to deploy, e.g. "
                    + "'127.0.0.1:5000/web:7' (or the imageRef containerBuild returned)");
        }
        DeployImage.require("image", image);
        String reference = image.strip();
        int at = reference.indexOf('@');
        String problem = ImageReferences.problem(at < 0 ? reference : reference.substring(0, at));
        if (problem != null) {
            throw new RequestException("image: " + problem);
        }
    }

    /** @throws IllegalArgumentException when {@code replicas} is out of range */
    static void requireReplicas(int replicas) {
        if (replicas < 1 || replicas > DeployRequest.MAX_REPLICAS) {
            throw new RequestException("replicas: " + replicas + " is out of range; use 1 to " + DeployRequest.MAX_REPLICAS);
        }
    }

    /** @throws IllegalArgumentException when {@code port} is not an unprivileged port */
    static void requirePort(String field, int port) {
        if (port < 1024 || port > 65535) {
            throw new RequestException(field + ": " + port + " is not a usable port; use 1024 to 65535");
        }
    }

    /**
     * An argument a user may write as a number or as text ({@code maxSurge: 1} or {@code '25%'}, {@code cpus: 0.5}), as
     * text. Its parameter is declared {@code Object} because structs never turns a number into a {@code String}
     * (jenkinsci/structs-plugin, {@code DescribableModel.coerce}: a value that is not an instance of the declared type,
     * a symbol, a map or a string fails with "expects class java.lang.String but received class java.lang.Integer"),
     * while it passes any value through to an {@code Object} parameter, and so does Stapler for a form's text
     * ({@code RequestImpl.TypePair.convertJSON}: no converter for {@code Object}, the value as is).
     *
     * @return the text, stripped, or null when none was given
     * @throws IllegalArgumentException naming {@code parameter} when the value is neither a number nor text
     */
    static String numberOrText(String parameter, Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof CharSequence text) {
            return text.toString().isBlank() ? null : text.toString().strip();
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString(); // as written: a Groovy literal keeps its digits, 1.10 stays "1.10"
        }
        if (value instanceof Double || value instanceof Float) {
            return new BigDecimal(value.toString()).stripTrailingZeros().toPlainString();
        }
        if (value instanceof Number) {
            return value.toString();
        }
        throw new RequestException(parameter + ": expects a number or a string, e.g. 1 or '25%', not "
                + (value instanceof Boolean ? value : value instanceof Iterable<?> ? "a list" : value instanceof Map<?, ?>
                ? "a map" : "'" + value + "'"));
    }

    /**
     * A duration given in seconds, the unit of every duration parameter (fractions allowed, {@code 0.5}), as the core
     * takes it.
     *
     * @throws IllegalArgumentException naming {@code parameter} when it is negative or not a number
     */
    static Duration seconds(String parameter, double seconds) {
        if (!(seconds >= 0) || Double.isInfinite(seconds)) {
            throw new RequestException(parameter + ": " + seconds + " is not a duration; give seconds, 0 or more, "
                    + "e.g. 0.5");
        }
        return Duration.ofNanos(Math.round(seconds * 1_000_000_000d));
    }

    /** A Pipeline map as plain strings: a Groovy map may carry GStrings or numbers as values. */
    static Map<String, String> copy(Map<String, String> map) {
        Map<String, String> copy = new LinkedHashMap<>();
        if (map != null) {
            for (Map.Entry<?, ?> entry : ((Map<?, ?>) map).entrySet()) {
                copy.put(String.valueOf(entry.getKey()), entry.getValue() == null ? "" : String.valueOf(entry.getValue()));
            }
        }
        return copy;
    }

    /** A Pipeline list as plain strings; an entry of several lines (a form's text area) gives one item per line. */
    static List<String> lines(List<String> list) {
        List<String> out = new ArrayList<>();
        if (list != null) {
            for (Object entry : (List<?>) list) {
                String text = String.valueOf(entry);
                if (text.contains("\n")) {
                    out.addAll(FormChecks.lines(text));
                } else if (!text.isBlank()) {
                    out.add(text);
                }
            }
        }
        return out;
    }

    /** A negative {@code revisionHistoryLimit}. */
    static void requireHistoryLimit(int limit) {
        if (limit < 0) {
            throw new RequestException("revisionHistoryLimit: must be 0 or more; the default is 10");
        }
    }
}
