package io.jenkins.plugins.containerrollout.model;

import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A headless Debian Chromium driven over the DevTools protocol (JDK WebSocket, no driver library), for the browser
 * checks of the report: the same flags as {@code scripts/check-report} (no background networking, a fresh profile),
 * loopback only. One page target, attached in flat mode; commands wait at most 30 s.
 *
 * <p>Usage: {@code try (DevTools chrome = DevTools.start(profile)) { chrome.send("Page.navigate", Map.of("url", url)); }}
 */
final class DevTools implements AutoCloseable {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> replies = new ConcurrentHashMap<>();
    /** Every event of the page session and of the frames attached to it, in arrival order. */
    final BlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();
    private String session;

    private DevTools(Process process, WebSocket socket) {
        this.process = process;
        this.socket = socket;
    }

    /**
     * Skips the calling test where Debian's {@code chromium} is not installed; on CI fails instead, so a missing
     * browser never passes as a skipped check ({@code scripts/testbed up} installs it).
     */
    static void assumeChromium() {
        if ("true".equals(System.getenv("CI"))) {
            assertTrue("Debian chromium is not installed (scripts/testbed up installs it)", Files.isExecutable(CHROMIUM));
        }
        assumeTrue("Debian chromium is not installed", Files.isExecutable(CHROMIUM));
    }

    /** A started loopback HTTP server answering {@code path} with {@code body} and the given headers. */
    static HttpServer serve(String path, Map<String, String> headers, byte[] body) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext(path, exchange -> {
            headers.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        return server;
    }

    /** Starts Chromium with a fresh profile in {@code profile} and attaches to a blank page. */
    static DevTools start(Path profile) throws Exception {
        Process p = new ProcessBuilder(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--user-data-dir=" + profile, "--remote-debugging-address=127.0.0.1",
                "--remote-debugging-port=0", "about:blank")
                .redirectErrorStream(true).redirectOutput(profile.resolveSibling("chromium.log").toFile()).start();
        Path portFile = profile.resolve("DevToolsActivePort");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!Files.exists(portFile) || Files.readAllLines(portFile).size() < 2) {
            if (System.nanoTime() > deadline || !p.isAlive()) {
                p.destroyForcibly();
                throw new IOException("Chromium did not open its DevTools port; see chromium.log");
            }
            Thread.sleep(100);
        }
        List<String> lines = Files.readAllLines(portFile);
        DevTools[] self = new DevTools[1];
        StringBuilder partial = new StringBuilder();
        WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create("ws://127.0.0.1:" + lines.get(0) + lines.get(1)), new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
                        partial.append(data);
                        if (last) {
                            self[0].receive(partial.toString());
                            partial.setLength(0);
                        }
                        w.request(1);
                        return null;
                    }
                }).get(30, TimeUnit.SECONDS);
        DevTools tools = new DevTools(p, ws);
        self[0] = tools;
        String target = tools.send("Target.createTarget", Map.of("url", "about:blank")).path("targetId").asText();
        tools.session = tools.send("Target.attachToTarget", Map.of("targetId", target, "flatten", true))
                .path("sessionId").asText();
        tools.send("Page.enable", Map.of());
        return tools;
    }

    private void receive(String text) {
        try {
            JsonNode message = JSON.readTree(text);
            if (message.has("id")) {
                CompletableFuture<JsonNode> reply = replies.remove(message.get("id").asInt());
                if (reply != null) {
                    reply.complete(message);
                }
            } else if (message.has("sessionId")) {
                events.add(message);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The page's session. */
    String page() {
        return session;
    }

    /** Sends a command (to the page once attached) and returns its result; a protocol error fails. */
    JsonNode send(String method, Map<String, ?> params) throws Exception {
        return sendTo(session, method, params);
    }

    /**
     * Attaches to the page's frames that run in their own process (a sandboxed {@code iframe} does) and returns the
     * session of the first one, with its Page domain on.
     */
    String frameSession() throws Exception {
        send("Target.setAutoAttach", Map.of("autoAttach", true, "waitForDebuggerOnStart", false, "flatten", true));
        JsonNode attached = await("Target.attachedToTarget", 10);
        if (attached == null) {
            throw new IOException("the page has no frame in a process of its own");
        }
        String frame = attached.path("params").path("sessionId").asText();
        sendTo(frame, "Page.enable", Map.of());
        return frame;
    }

    /** Sends a command to {@code target} (a session id, or null for the browser). */
    JsonNode sendTo(String target, String method, Map<String, ?> params) throws Exception {
        int id = ids.incrementAndGet();
        ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
        message.set("params", JSON.valueToTree(params));
        if (target != null) {
            message.put("sessionId", target);
        }
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        replies.put(id, reply);
        socket.sendText(JSON.writeValueAsString(message), true).get(30, TimeUnit.SECONDS);
        JsonNode answer = reply.get(30, TimeUnit.SECONDS);
        if (answer.has("error")) {
            throw new IOException(method + ": " + answer.get("error"));
        }
        return answer.path("result");
    }

    /** The next page event named {@code method}, skipping others, or null after {@code seconds}. */
    JsonNode await(String method, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        for (long left = seconds * 1_000_000_000L; left > 0; left = deadline - System.nanoTime()) {
            JsonNode e = events.poll(left, TimeUnit.NANOSECONDS);
            if (e != null && method.equals(e.path("method").asText())) {
                return e;
            }
        }
        return null;
    }

    @Override
    public void close() throws InterruptedException {
        socket.abort();
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }
}
