package io.jenkins.plugins.containerrollout.core.image;

import com.github.dockerjava.api.model.PushResponseItem;
import io.jenkins.plugins.containerrollout.core.ProgressSink;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a push's JSON stream: reports layer states (not the byte-by-byte progress), keeps the manifest digest the
 * engine announces in its {@code aux} message (or, from older engines, in the {@code "digest: sha256:..."} status),
 * and turns the error that ended a push into a message that says whether credentials or the network are to blame.
 */
final class PushLog extends StreamWatcher<PushResponseItem> {
    private static final Pattern DIGEST = Pattern.compile("digest: (sha256:[0-9a-f]{64})");

    private final ImageReference ref;
    private final ProgressSink sink;
    private volatile String digest;
    private volatile String error;

    PushLog(ImageReference ref, ProgressSink sink) {
        super("push-" + ref.repository().replace('/', '-') + "-" + ref.tag());
        this.ref = ref;
        this.sink = sink;
    }

    @Override
    protected void handle(PushResponseItem item) {
        if (item.getAux() != null && item.getAux().getDigest() != null) {
            digest = item.getAux().getDigest();
        }
        String status = item.getStatus();
        if (status != null && item.getProgress() == null) {
            sink.line(ref + ": " + (item.getId() == null ? status : item.getId() + " " + status));
            Matcher m = DIGEST.matcher(status);
            if (m.find() && digest == null) {
                digest = m.group(1);
            }
        }
        if (item.getErrorDetail() != null && item.getErrorDetail().getMessage() != null) {
            error = item.getErrorDetail().getMessage();
        } else if (item.getError() != null) {
            error = item.getError();
        }
    }

    String digest() {
        return digest;
    }

    String error() {
        return error;
    }

    /** Explains a push failure from the engine's message, so the user knows to fix credentials or the address. */
    BuildException pushFailure(String message) {
        return new BuildException(explain(ref, message));
    }

    static String explain(ImageReference ref, String message) {
        String m = message.toLowerCase(Locale.ROOT);
        String registry = ref.registryHost();
        if (m.contains("unauthorized") || m.contains("authentication required") || m.contains("no basic auth")
                || m.contains("denied") || m.contains("401")) {
            return "push of " + ref + " refused by " + registry + ": authentication failed — check the registry"
                    + " username and password (" + message + ")";
        }
        if (m.contains("connection refused") || m.contains("no such host") || m.contains("i/o timeout")
                || m.contains("dial tcp") || m.contains("network is unreachable") || m.contains("timeout exceeded")) {
            String why = m.contains("connection refused") ? "connection refused"
                    : m.contains("no such host") ? "unknown host" : "network error";
            return "cannot reach registry " + registry + " to push " + ref + ": " + why + " (" + message + ")";
        }
        if (m.contains("server gave http response to https client")) {
            return "registry " + registry + " speaks plain HTTP but the engine wants HTTPS: add it to the engine's"
                    + " insecure-registries (" + message + ")";
        }
        return "push of " + ref + " failed: " + message;
    }
}
