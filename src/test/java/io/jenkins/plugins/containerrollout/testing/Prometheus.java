package io.jenkins.plugins.containerrollout.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A private Prometheus (Debian's {@code /usr/bin/prometheus}, installed by {@code scripts/testbed up}) on
 * {@code 127.0.0.1:port}, scraping the given loopback targets every second, its storage in a temporary directory.
 * Each test class starts its own: its targets are its own HAProxy and the 1 s scrape interval gives a rate within
 * seconds, so no test depends on a shared one's state. It answers within a fraction of a second, but scrapes only
 * about 5 s later (Prometheus hands discovered targets to the scrapers at most every 5 s): {@link #start} waits for
 * the first scrape of every target, so traffic sent afterwards is seen from its start. Stopped, and its
 * directory removed, by {@link #close()}.
 *
 * <p>Usage: {@code try (Prometheus p = Prometheus.start(41006, List.of("127.0.0.1:41005"))) { p.url() ... }}
 */
public final class Prometheus implements AutoCloseable {
    private static final Path BINARY = Path.of("/usr/bin/prometheus");

    private final Path dir;
    private final Process process;
    private final int port;

    private Prometheus(Path dir, Process process, int port) {
        this.dir = dir;
        this.process = process;
        this.port = port;
    }

    /**
     * Starts Prometheus scraping {@code targets} ({@code host:port}, path /metrics) and waits (20 s at most) until it
     * has scraped each of them once.
     */
    public static Prometheus start(int port, List<String> targets) throws IOException, InterruptedException {
        if (!Files.isExecutable(BINARY)) {
            throw new IllegalStateException(BINARY + " is missing: run scripts/testbed up (it installs Debian's prometheus)");
        }
        Path dir = Files.createTempDirectory("prometheus");
        Files.writeString(dir.resolve("prometheus.yml"), String.join("\n",
                "global:",
                "  scrape_interval: 1s",
                "  scrape_timeout: 1s",
                "scrape_configs:",
                "  - job_name: haproxy",
                "    static_configs:",
                "      - targets: [" + String.join(", ", targets.stream().map(t -> "'" + t + "'").toList()) + "]",
                ""));
        Process process = new ProcessBuilder(BINARY.toString(), "--config.file=" + dir.resolve("prometheus.yml"),
                "--storage.tsdb.path=" + dir.resolve("data"), "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true).redirectOutput(dir.resolve("prometheus.log").toFile()).start();
        Prometheus prometheus = new Prometheus(dir, process, port);
        HttpClient http = HttpClient.newHttpClient();
        long until = System.currentTimeMillis() + 20_000;
        while (process.isAlive() && System.currentTimeMillis() < until) {
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(prometheus.url()
                        + "/api/v1/query?query=count(up)")).timeout(Duration.ofSeconds(1)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().contains("\"" + targets.size() + "\"]")) {
                    return prometheus;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        String log = Files.readString(dir.resolve("prometheus.log"));
        prometheus.close();
        throw new IllegalStateException("prometheus on 127.0.0.1:" + port + " did not scrape " + targets + " within 20 s: "
                + log);
    }

    /** {@code http://127.0.0.1:port}. */
    public String url() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    public void close() throws InterruptedException {
        Cleanup.stopDaemon(process, dir, 10);
    }
}
