package io.jenkins.plugins.containerrollout.core.verify;

import io.jenkins.plugins.containerrollout.core.ProgressSink;

/** Progress lines prefixed with the verification's name, e.g. {@code "verify web: http GET ... → 200 in 4 ms"}. */
final class CheckLog {
    private final ProgressSink sink;
    private final String prefix;

    CheckLog(ProgressSink sink, String name) {
        this.sink = sink;
        this.prefix = "verify " + name + ": ";
    }

    void line(String text) {
        sink.line(prefix + text);
    }
}
