package io.jenkins.plugins.containerrollout.core.verify;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server on 127.0.0.1 (a free port in 30000–32999) whose handlers play the endpoint under test: slow,
 * flapping, JSON, headers. Counts the requests it gets.
 *
 * <p>Usage: {@code try (LocalHttp http = new LocalHttp()) { http.handle("/health", LocalHttp.text(200, "ok")); ... }}
 */
final class LocalHttp implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(8);
    final AtomicInteger requests = new AtomicInteger();

    LocalHttp() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", freePort()), 50);
        server.setExecutor(threads);
        server.start();
    }

    /** {@code http://127.0.0.1:PORT} */
    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    LocalHttp handle(String path, HttpHandler handler) {
        server.createContext(path, exchange -> {
            requests.incrementAndGet();
            try (exchange) {
                handler.handle(exchange);
            }
        });
        return this;
    }

    /** Answers {@code status} with a text body and the given headers. */
    static HttpHandler respond(int status, String body, Map<String, String> headers) {
        return exchange -> send(exchange, status, body, headers);
    }

    static HttpHandler text(int status, String body) {
        return respond(status, body, Map.of());
    }

    static void send(HttpExchange exchange, int status, String body, Map<String, String> headers) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        headers.forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** A port in 30000–32999 nobody listens on right now. */
    static int freePort() {
        for (int i = 0; i < 100; i++) {
            int port = ThreadLocalRandom.current().nextInt(30000, 33000);
            try (ServerSocket probe = new ServerSocket()) {
                probe.bind(new InetSocketAddress("127.0.0.1", port));
                return port;
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IllegalStateException("no free port in 30000-32999");
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
