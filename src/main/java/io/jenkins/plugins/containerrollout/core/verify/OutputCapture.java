package io.jenkins.plugins.containerrollout.core.verify;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Keeps the first {@link #LIMIT} bytes of a process's output and counts the rest, so a chatty command cannot fill the
 * agent's memory. It is the callback of exec and log streams; docker-java delivers frames on its own thread.
 */
final class OutputCapture extends ResultCallback.Adapter<Frame> {
    static final int LIMIT = 4096;

    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private long dropped;

    @Override
    public void onNext(Frame frame) {
        write(frame.getPayload());
    }

    synchronized void write(byte[] bytes) {
        int room = LIMIT - kept.size();
        kept.write(bytes, 0, Math.min(room, bytes.length));
        dropped += Math.max(0, bytes.length - room);
    }

    @Override
    public synchronized String toString() {
        String text = kept.toString(StandardCharsets.UTF_8);
        return dropped == 0 ? text : text + "\n[" + dropped + " more bytes not kept]";
    }
}
