package io.jenkins.plugins.containerrollout.core.health;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
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
}
