package io.jenkins.plugins.containerrollout.core.engine;

import com.github.dockerjava.transport.DockerHttpClient;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An HTTP/1.1 response read off a connection of {@link BuildUploadHttpClient}: status, headers, and the body as it
 * arrives (de-chunked, or bounded by its Content-Length). Closing it closes the connection.
 */
final class RawHttpResponse implements DockerHttpClient.Response {
    private final int status;
    private final Map<String, List<String>> headers;
    private final InputStream body;
    private final Runnable release;

    private RawHttpResponse(int status, Map<String, List<String>> headers, InputStream body, Runnable release) {
        this.status = status;
        this.headers = headers;
        this.body = body;
        this.release = release;
    }

    static RawHttpResponse read(InputStream in, Runnable release) throws IOException {
        String statusLine = ChunkedBodyInputStream.readLine(in);
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
            throw new IOException("not an HTTP response from the engine: '" + statusLine + "'");
        }
        int status;
        try {
            status = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw new IOException("not an HTTP status from the engine: '" + statusLine + "'", e);
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String line = ChunkedBodyInputStream.readLine(in); !line.isEmpty();
                line = ChunkedBodyInputStream.readLine(in)) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.computeIfAbsent(line.substring(0, colon).trim(), k -> new ArrayList<>())
                        .add(line.substring(colon + 1).trim());
            }
        }
        return new RawHttpResponse(status, headers, body(in, headers), release);
    }

    private static InputStream body(InputStream in, Map<String, List<String>> headers) throws IOException {
        String encoding = header(headers, "Transfer-Encoding");
        if (encoding != null && encoding.toLowerCase(Locale.ROOT).contains("chunked")) {
            return new ChunkedBodyInputStream(in);
        }
        String length = header(headers, "Content-Length");
        if (length == null) {
            return in; // until the engine closes the connection
        }
        long[] left = {parseLength(length)};
        return new BlockInputStream() {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (left[0] <= 0) {
                    return -1;
                }
                int n = in.read(b, off, (int) Math.min(len, left[0]));
                left[0] -= Math.max(n, 0);
                return n;
            }

            @Override
            public void close() throws IOException {
                in.close();
            }
        };
    }

    private static long parseLength(String length) throws IOException {
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            throw new IOException("not a Content-Length from the engine: '" + length + "'", e);
        }
    }

    private static String header(Map<String, List<String>> headers, String name) {
        for (Map.Entry<String, List<String>> h : headers.entrySet()) {
            if (h.getKey().equalsIgnoreCase(name) && !h.getValue().isEmpty()) {
                return h.getValue().get(0);
            }
        }
        return null;
    }

    @Override
    public int getStatusCode() {
        return status;
    }

    @Override
    public Map<String, List<String>> getHeaders() {
        return headers;
    }

    @Override
    public String getHeader(String name) {
        return header(headers, name);
    }

    @Override
    public InputStream getBody() {
        return body;
    }

    @Override
    public void close() {
        release.run();
    }
}
