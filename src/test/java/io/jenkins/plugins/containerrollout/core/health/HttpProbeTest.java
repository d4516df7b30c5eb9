package io.jenkins.plugins.containerrollout.core.health;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.Test;

/** The HTTP probe against a loopback server: 2xx/3xx ready, 5xx an answer that is not ready, nothing no answer. */
public class HttpProbeTest {
    @Test
    public void classifiesStatusCodesAndRefusedConnections() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/ok", x -> { x.sendResponseHeaders(204, -1); x.close(); });
        server.createContext("/moved", x -> { x.getResponseHeaders().add("Location", "/ok"); x.sendResponseHeaders(302, -1); x.close(); });
        server.createContext("/bad", x -> { x.sendResponseHeaders(500, -1); x.close(); });
        server.start();
        int port = server.getAddress().getPort();
        ProbeSettings settings = ProbeSettings.defaults().withInterval(Duration.ofMillis(100));
        try {
            assertTrue(new HttpProbe(settings.withPath("/ok")).get(port).ok());
            assertTrue(new HttpProbe(settings.withPath("/moved")).get(port).ok());
            ProbeResult bad = new HttpProbe(settings.withPath("/bad")).get(port);
            assertFalse(bad.ok());
            assertTrue(bad.answered());
            assertEquals("500", bad.detail());
        } finally {
            server.stop(0);
        }
        ProbeResult refused = new HttpProbe(settings.withPath("/ok")).get(port);
        assertFalse(refused.ok());
        assertFalse(refused.answered());
        assertEquals("connection refused", refused.detail()); // words, not the JDK's nameless ConnectException
    }

    /**
     * A listener that never answers is no answer within the probe's timeout (not a hang); one that closes at once, or
     * answers with something that is not HTTP, is no answer either (never ready).
     */
    @Test
    public void aSilentClosingOrNonHttpListenerIsNoAnswer() throws Exception {
        ProbeSettings settings = new ProbeSettings("/", Duration.ofSeconds(1), Duration.ofMillis(300), 1, 3,
                Duration.ofSeconds(60));
        try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            long start = System.nanoTime();
            ProbeResult r = new HttpProbe(settings).get(silent.getLocalPort());
            assertFalse(r.answered());
            assertEquals("no answer within the timeout", r.detail());
            assertTrue("bounded by the probe's timeout", System.nanoTime() - start < 5_000_000_000L);
        }
        assertEquals("the connection closed without an answer", answering(settings, "").detail());
        ProbeResult garbage = answering(settings, "SSH-2.0-OpenSSH_9.2\r\n");
        assertFalse(garbage.answered());
        assertEquals("not an HTTP answer", garbage.detail());
        assertEquals("503", answering(settings, "HTTP/1.0 503 Service Unavailable\r\n\r\n").detail());
    }

    /** What the probe makes of a listener that writes {@code answer} to its first connection and closes it. */
    private static ProbeResult answering(ProbeSettings settings, String answer) throws Exception {
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Thread t = new Thread(() -> {
                try (Socket s = server.accept()) {
                    s.getOutputStream().write(answer.getBytes(StandardCharsets.ISO_8859_1));
                } catch (java.io.IOException ignored) {
                    // the probe saw what it saw
                }
            });
            t.start();
            ProbeResult r = new HttpProbe(settings).get(server.getLocalPort());
            t.join();
            return r;
        }
    }
}
