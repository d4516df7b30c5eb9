package io.jenkins.plugins.containerrollout.core.verify;

import io.jenkins.plugins.containerrollout.core.RequestException;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/**
 * What the caller should do when verification fails. The verifier only carries it; the rollback itself is the deploy
 * engine's job, done by the step or CLI after reading {@link VerificationResult#rollbackRequested()}.
 *
 * <p>Usage: {@code OnFailure.parse("unstable")}
 */
public enum OnFailure {
    /** Roll the application back to its previous revision, then fail. */
    ROLLBACK,
    /** Fail the build, leave the application as it is. */
    FAIL,
    /** Mark the build unstable, leave the application as it is. */
    UNSTABLE;

    /** Accepts {@code rollback}, {@code fail}, {@code unstable} in any case; null or blank means {@link #FAIL}. */
    @JsonCreator
    public static OnFailure parse(String value) {
        if (value == null || value.isBlank()) {
            return FAIL;
        }
        return Arrays.stream(values()).filter(v -> v.name().equalsIgnoreCase(value.trim())).findFirst()
                .orElseThrow(() -> new RequestException("onFailure '" + value
                        + "' is not one of rollback, fail, unstable"));
    }

    /** The lower-case name used in JSON and Pipeline scripts. */
    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
