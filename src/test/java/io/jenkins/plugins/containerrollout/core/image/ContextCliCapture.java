package io.jenkins.plugins.containerrollout.core.image;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.jenkins.plugins.containerrollout.testing.TestBed;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Captures the exact bytes {@code DOCKER_BUILDKIT=0 docker build} sends: the CLI is pointed at a tiny fake engine on
 * loopback that answers the ping, keeps the {@code POST /build} body and query, and reports a built image.
 *
 * <p>Usage: {@code ContextCliCapture.Sent sent = ContextCliCapture.capture(dir, null);}
 */
final class ContextCliCapture {
    private ContextCliCapture() {
    }

    /** The context tar the CLI sent and the {@code dockerfile} parameter it named. */
    record Sent(byte[] tar, String dockerfile) {
    }

    static Sent capture(Path dir, String dockerfile) throws IOException {
        AtomicReference<Sent> sent = new AtomicReference<>();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> answer(exchange, sent));
        server.start();
        try {
            List<String> command = new ArrayList<>(List.of("docker", "-H",
                    "tcp://127.0.0.1:" + server.getAddress().getPort(), "build"));
            if (dockerfile != null) {
                command.addAll(List.of("-f", dockerfile));
            }
            command.add(".");
            TestBed.Result result = TestBed.run(command, dir);
            if (result.exitCode() != 0 || sent.get() == null) {
                throw new AssertionError("capturing the CLI's context failed:\n" + result.output());
            }
            return sent.get();
        } finally {
            server.stop(0);
        }
    }

    private static void answer(HttpExchange exchange, AtomicReference<Sent> sent) throws IOException {
        String path = exchange.getRequestURI().getPath();
        exchange.getResponseHeaders().add("Api-Version", "1.41");
        exchange.getResponseHeaders().add("Ostype", "linux");
        exchange.getResponseHeaders().add("Builder-Version", "1");
        if (path.endsWith("/build")) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            sent.set(new Sent(body, queryParameter(exchange.getRequestURI().getRawQuery(), "dockerfile")));
            byte[] reply = ("{\"stream\":\"Successfully built 0123456789ab\\n\"}\n"
                    + "{\"aux\":{\"ID\":\"sha256:0123456789ab\"}}\n").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, reply.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(reply);
            }
            return;
        }
        exchange.getRequestBody().readAllBytes();
        byte[] ok = "OK".getBytes(StandardCharsets.UTF_8);
        boolean head = "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(200, head ? -1 : ok.length);
        try (OutputStream out = exchange.getResponseBody()) {
            if (!head) {
                out.write(ok);
            }
        }
    }

    private static String queryParameter(String query, String name) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}
