package io.jenkins.plugins.containerrollout.core.swarm;

import io.jenkins.plugins.containerrollout.core.engine.LogText;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The Engine API's log stream as lines. Without a TTY the engine multiplexes stdout and stderr in frames of an 8-byte
 * header (stream type, three zero bytes, the payload's length as a big-endian int) and the payload; with a TTY the
 * stream is the raw text (Docker Engine API, "Attach to a container": stream format).
 */
final class LogFrames {
    private LogFrames() {
    }

    static List<String> lines(byte[] stream) {
        StringBuilder text = new StringBuilder();
        if (multiplexed(stream)) {
            ByteBuffer b = ByteBuffer.wrap(stream);
            while (b.remaining() >= 8) {
                b.position(b.position() + 4);
                int size = b.getInt();
                int take = Math.min(size, b.remaining());
                text.append(new String(stream, b.position(), take, StandardCharsets.UTF_8));
                b.position(b.position() + take);
            }
        } else {
            text.append(new String(stream, StandardCharsets.UTF_8));
        }
        return LogText.lines(text.toString());
    }

    /** A frame header starts with stream 0, 1 or 2 followed by three zero bytes. */
    private static boolean multiplexed(byte[] s) {
        return s.length >= 8 && s[0] >= 0 && s[0] <= 2 && s[1] == 0 && s[2] == 0 && s[3] == 0;
    }
}
