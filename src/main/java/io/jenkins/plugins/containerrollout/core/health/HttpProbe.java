package io.jenkins.plugins.containerrollout.core.health;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * The HTTP readiness probe: {@code GET http://127.0.0.1:PORT<path>} on a connection of its own, within the probe's
 * timeout (connecting included). Loopback only, by design: replicas use the host network and bind 127.0.0.1.
 *
 * <p>A blocking socket on the caller's thread rather than {@code java.net.http}: a probe reads one status line, a new
 * connection each time (as the kubelet's probes do, so a replica that stopped accepting connections is not hidden by
 * a pooled one), and no selector thread is left behind. That thread sits in native code, and a JVM exiting waits up to
 * 300 ms for such threads (HotSpot's {@code VM_Exit::wait_for_threads_in_native_to_block}): every CLI command that
 * probed paid it.
 *
 * <p>Usage: {@code ProbeResult r = new HttpProbe(settings).get(20001);}
 */
public final class HttpProbe {
    /** A status line is short; more than this before its end is not an HTTP server. */
    private static final int STATUS_LINE_MAX = 256;

    private final ProbeSettings settings;

    public HttpProbe(ProbeSettings settings) {
        this.settings = settings;
    }

    /** Probes one port; never throws. 2xx and 3xx are ready (a redirect is an answer, not followed). */
    public ProbeResult get(int port) {
        long timeout = Math.max(1, settings.timeout().toMillis());
        long deadline = System.nanoTime() + timeout * 1_000_000;
        try (Socket socket = new Socket()) {
            try {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), (int) timeout);
            } catch (SocketTimeoutException e) {
                return ProbeResult.noAnswer("connect timed out");
            } catch (ConnectException e) {
                return ProbeResult.noAnswer("connection refused");
            }
            socket.setTcpNoDelay(true);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + settings.path() + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
                    + "\r\nUser-Agent: container-rollout-probe\r\nAccept: */*\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            int status = status(statusLine(socket, deadline));
            if (status < 0) {
                return ProbeResult.noAnswer("not an HTTP answer");
            }
            return status >= 200 && status < 400 ? ProbeResult.ready(String.valueOf(status))
                    : ProbeResult.notReady(String.valueOf(status));
        } catch (SocketTimeoutException e) {
            return ProbeResult.noAnswer("no answer within the timeout");
        } catch (IOException e) {
            return ProbeResult.noAnswer(NoAnswer.describe(e));
        }
    }

    /** The first line of the answer, read until the deadline; empty when the server closed without a word. */
    private static String statusLine(Socket socket, long deadline) throws IOException {
        InputStream in = socket.getInputStream();
        StringBuilder line = new StringBuilder();
        while (line.length() < STATUS_LINE_MAX) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                throw new SocketTimeoutException();
            }
            socket.setSoTimeout((int) left);
            int b = in.read();
            if (b < 0 || b == '\n') {
                break;
            }
            line.append((char) b);
        }
        if (line.length() == 0) {
            throw new IOException("the connection closed without an answer");
        }
        return line.toString();
    }

    /** The code of {@code HTTP/1.x NNN reason}, or -1 for anything else. */
    static int status(String line) {
        String[] parts = line.trim().split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/") || parts[1].length() != 3) {
            return -1;
        }
        try {
            int code = Integer.parseInt(parts[1]);
            return code >= 100 ? code : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
