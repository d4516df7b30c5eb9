package io.jenkins.plugins.containerrollout.core.engine;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A {@code POST} whose body goes out chunked, 64 KiB at a time with gathering writes, on a connection of its own, and
 * its answer as it arrives: how a build context reaches the engine (the docker CLI sends 32 KiB chunks; HttpClient 5,
 * 4 KiB). Used by docker-java's transport ({@link BuildUploadHttpClient}) and by {@link PlainEngine}.
 */
final class ChunkedPost {
    static final int CHUNK = 64 * 1024;
    /** Headers written here whatever the caller gives: the framing of the request is this class's. */
    private static final Set<String> FRAMING = Set.of("host", "content-length", "transfer-encoding", "connection");

    private ChunkedPost() {
    }

    /** The request line and headers of {@code POST path}; a tar content type unless the caller gives one. */
    static String head(String path, String host, Map<String, String> headers) {
        StringBuilder head = new StringBuilder("POST ").append(path).append(" HTTP/1.1\r\nHost: ").append(host).append("\r\n");
        boolean contentType = false;
        for (Map.Entry<String, String> h : headers.entrySet()) {
            String name = h.getKey().toLowerCase(Locale.ROOT);
            if (!FRAMING.contains(name) && h.getValue() != null) {
                head.append(h.getKey()).append(": ").append(h.getValue()).append("\r\n");
                contentType |= name.equals("content-type");
            }
        }
        if (!contentType) {
            head.append("Content-Type: application/x-tar\r\n");
        }
        return head.append("Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n").toString();
    }

    /**
     * Sends {@code head} and {@code body} (closed afterwards; null: empty) and reads the answer's status and headers.
     * A body the engine stopped reading (it refused the build) does not hide the answer it sent: that is read first.
     */
    static RawHttpResponse exchange(SocketChannel channel, String head, InputStream body, Runnable release)
            throws IOException {
        writeFully(channel, ByteBuffer.wrap(head.getBytes(StandardCharsets.UTF_8)));
        IOException sendFailure = null;
        try (InputStream in = body == null ? InputStream.nullInputStream() : body) {
            sendChunked(channel, in);
        } catch (IOException e) {
            sendFailure = e;
        }
        InputStream in = new BufferedInputStream(Channels.newInputStream(channel), CHUNK);
        try {
            return RawHttpResponse.read(in, release);
        } catch (IOException readFailure) {
            if (sendFailure != null) {
                sendFailure.addSuppressed(readFailure);
                throw sendFailure;
            }
            throw readFailure;
        }
    }

    private static void sendChunked(SocketChannel channel, InputStream body) throws IOException {
        byte[] buffer = new byte[CHUNK];
        ByteBuffer crlf = ByteBuffer.wrap(new byte[] {'\r', '\n'});
        int n;
        while ((n = body.readNBytes(buffer, 0, CHUNK)) > 0) {
            ByteBuffer size = ByteBuffer.wrap((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            writeFully(channel, size, ByteBuffer.wrap(buffer, 0, n), crlf.rewind());
        }
        writeFully(channel, ByteBuffer.wrap("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII)));
    }

    private static void writeFully(SocketChannel channel, ByteBuffer... buffers) throws IOException {
        long left = 0;
        for (ByteBuffer b : buffers) {
            left += b.remaining();
        }
        while (left > 0) {
            left -= channel.write(buffers);
        }
    }
}
