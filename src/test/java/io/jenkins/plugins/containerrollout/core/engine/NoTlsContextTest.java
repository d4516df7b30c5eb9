package io.jenkins.plugins.containerrollout.core.engine;

import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.Test;

/**
 * The replica probes' {@code java.net.http} client is built on {@link NoTlsContext} (so building it reads no trust
 * store), and an https request through it is refused with a message, never sent over an unverified connection.
 */
public class NoTlsContextTest {

    @Test
    public void aClientBuiltOnItRefusesHttpsSayingWhy() {
        HttpClient client = HttpClient.newBuilder().sslContext(NoTlsContext.instance())
                .connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest https = HttpRequest.newBuilder(URI.create("https://127.0.0.1:1/health")).build();

        Exception e = assertThrows(Exception.class, () -> client.send(https, HttpResponse.BodyHandlers.discarding()));

        StringBuilder chain = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            chain.append(t).append(" <- ");
        }
        assertTrue(chain.toString(), chain.toString().contains("this client speaks no TLS"));
    }
}
