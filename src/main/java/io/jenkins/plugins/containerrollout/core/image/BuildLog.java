package io.jenkins.plugins.containerrollout.core.image;

import com.github.dockerjava.api.model.BuildResponseItem;
import io.jenkins.plugins.containerrollout.core.ProgressSink;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the legacy builder's JSON stream: forwards its {@code stream} text to the progress sink line by line (a
 * message may hold half a line or several), remembers the step in progress and its last output lines, and the error
 * that ended the build, so a failure can say which step failed, with what exit code and what it printed.
 */
final class BuildLog extends StreamWatcher<BuildResponseItem> {
    static final int TAIL = 10;
    private static final Pattern STEP = Pattern.compile("^Step \\d+/\\d+ : .*");
    private static final Pattern BUILT = Pattern.compile("^Successfully built ([0-9a-f]+)\\s*$");
    private static final Pattern EXIT = Pattern.compile("returned a non-zero code: (\\d+)");

    private final ProgressSink sink;
    private final StringBuilder partial = new StringBuilder();
    private final Deque<String> tail = new ArrayDeque<>();
    private volatile String step;
    private volatile String imageId;
    private volatile String error;

    BuildLog(String name, ProgressSink sink) {
        super("build-" + name);
        this.sink = sink;
    }

    /**
     * One message of the stream, as docker-java's {@link BuildResponseItem} or {@link PlainBuild} reads it.
     *
     * @param progress     whether it carries a progress detail (a pull's progress bar: not logged)
     * @param errorMessage the error detail's message, or null
     */
    record Item(String stream, String status, String id, boolean progress, String error, String errorMessage) {
        static Item of(BuildResponseItem item) {
            return new Item(item.getStream(), item.getStatus(), item.getId(), item.getProgressDetail() != null,
                    item.getError(), item.getErrorDetail() == null ? null : item.getErrorDetail().getMessage());
        }
    }

    @Override
    protected void handle(BuildResponseItem item) {
        handle(Item.of(item));
    }

    /** An item read without docker-java ({@link PlainBuild}), unless the stream was closed. */
    void next(Item item) {
        if (!closed()) {
            handle(item);
        }
    }

    private synchronized void handle(Item item) {
        if (item.stream() != null) {
            partial.append(item.stream());
            int nl;
            while ((nl = partial.indexOf("\n")) >= 0) {
                line(partial.substring(0, nl));
                partial.delete(0, nl + 1);
            }
        }
        if (item.status() != null && !item.progress()) {
            sink.line(item.id() == null ? item.status() : item.id() + ": " + item.status());
        }
        if (item.errorMessage() != null) {
            error = item.errorMessage();
        } else if (item.error() != null) {
            error = item.error();
        }
    }

    @Override
    protected synchronized void finish() {
        if (partial.length() > 0) {
            line(partial.toString());
            partial.setLength(0);
        }
    }

    private void line(String raw) {
        String line = raw.endsWith("\r") ? raw.substring(0, raw.length() - 1) : raw;
        sink.line(line);
        if (STEP.matcher(line).matches()) {
            step = line;
            tail.clear();
            return;
        }
        Matcher built = BUILT.matcher(line);
        if (built.matches()) {
            imageId = built.group(1);
        }
        // the builder's own chatter (" ---> Running in ...", " ---> 1a2b3c") is not what a step printed
        if (!line.startsWith(" ---> ") && !line.startsWith("Removing intermediate container") && !line.isBlank()) {
            tail.addLast(line);
            if (tail.size() > TAIL) {
                tail.removeFirst();
            }
        }
    }

    /** The image id the builder announced ("Successfully built"), or null. */
    String imageId() {
        return imageId;
    }

    /** The error message the engine sent in the stream, or null when the build succeeded. */
    String error() {
        return error;
    }

    /** A one-line description of the failed build, naming the step, the exit code and its last output. */
    synchronized BuildException stepFailure() {
        List<String> lines = List.copyOf(tail);
        String where = step == null ? "build failed" : step + " failed";
        Matcher exit = EXIT.matcher(error);
        String what = exit.find() ? where + " (exit code " + exit.group(1) + ")" : where + ": " + error;
        String output = lines.isEmpty() ? "" : "; last output: " + String.join(" | ", lines);
        return new BuildException(what + output, lines);
    }
}
