package io.jenkins.plugins.containerrollout.core.deploy.docker;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import io.jenkins.plugins.containerrollout.core.engine.LogText;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects a container's log frames (stdout and stderr in the order written) and cuts them into lines, keeping the
 * tail within a line and a byte bound: a replica that logs megabytes before it dies must not swell the record.
 */
final class LogLines extends ResultCallback.Adapter<Frame> {
    private final StringBuilder text = new StringBuilder();

    @Override
    public void onNext(Frame frame) {
        synchronized (text) {
            if (text.length() < 1 << 20) { // the engine sends at most the requested tail; this only bounds a surprise
                text.append(new String(frame.getPayload(), StandardCharsets.UTF_8));
            }
        }
    }

    /** The last {@code lines} lines within {@code maxBytes}, oldest first. */
    ReplicaEngine.LogTail tail(int lines, int maxBytes) {
        String all;
        synchronized (text) {
            all = text.toString();
        }
        List<String> split = LogText.lines(all);
        boolean truncated = split.size() > lines;
        List<String> kept = new ArrayList<>(split.subList(Math.max(0, split.size() - lines), split.size()));
        int bytes = kept.stream().mapToInt(l -> l.getBytes(StandardCharsets.UTF_8).length + 1).sum();
        while (bytes > maxBytes && !kept.isEmpty()) {
            bytes -= kept.remove(0).getBytes(StandardCharsets.UTF_8).length + 1;
            truncated = true;
        }
        return new ReplicaEngine.LogTail(kept, truncated);
    }
}
