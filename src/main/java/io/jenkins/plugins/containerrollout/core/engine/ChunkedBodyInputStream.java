package io.jenkins.plugins.containerrollout.core.engine;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * The body of an HTTP/1.1 response sent with {@code Transfer-Encoding: chunked}, decoded: chunk sizes, extensions and
 * trailers are consumed, the data passed on. A stream that ends inside a chunk is an {@link EOFException}, never a
 * silently short body.
 *
 * <p>Usage: {@code InputStream body = new ChunkedBodyInputStream(connectionStream);}
 */
final class ChunkedBodyInputStream extends BlockInputStream {
    private static final int MAX_LINE = 8192;

    private final InputStream in;
    /** Bytes left in the current chunk; 0 before the first and between chunks. */
    private long remaining;
    private boolean started;
    private boolean ended;

    ChunkedBodyInputStream(InputStream in) {
        this.in = in;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (remaining == 0 && !nextChunk()) {
            return -1;
        }
        int n = in.read(b, off, (int) Math.min(len, remaining));
        if (n < 0) {
            throw new EOFException("the engine's response ended inside a chunk (" + remaining + " bytes missing)");
        }
        remaining -= n;
        return n;
    }

    /** Moves to the next chunk's data; false at the last chunk (whose trailers are read). */
    private boolean nextChunk() throws IOException {
        if (ended) {
            return false;
        }
        if (started && !line().isEmpty()) {
            throw new IOException("malformed chunked response: no CRLF after a chunk's data");
        }
        started = true;
        String size = line();
        int extension = size.indexOf(';');
        try {
            remaining = Long.parseLong((extension >= 0 ? size.substring(0, extension) : size).trim(), 16);
        } catch (NumberFormatException e) {
            throw new IOException("malformed chunked response: chunk size '" + size + "'", e);
        }
        if (remaining < 0) {
            throw new IOException("malformed chunked response: chunk size '" + size + "'");
        }
        if (remaining == 0) {
            ended = true;
            while (!line().isEmpty()) {
                // trailers: nothing of the engine's answer is in them
            }
            return false;
        }
        return true;
    }

    /** One CRLF-terminated line, without its terminator. */
    private String line() throws IOException {
        return readLine(in);
    }

    /** Reads one CRLF- (or LF-) terminated header-style line from {@code in}; EOF before its end is an error. */
    static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new EOFException("the engine's response ended in the middle of a line");
            }
            if (line.length() >= MAX_LINE) {
                throw new IOException("the engine's response has a line longer than " + MAX_LINE + " bytes");
            }
            line.append((char) c);
        }
        int end = line.length();
        if (end > 0 && line.charAt(end - 1) == '\r') {
            line.setLength(end - 1);
        }
        return new String(line.toString().getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
