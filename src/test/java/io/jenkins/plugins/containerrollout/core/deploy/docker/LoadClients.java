package io.jenkins.plugins.containerrollout.core.deploy.docker;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Concurrent clients of a router's frontend, bounded in count and time: each thread sends {@code GET /version}
 * at most once every {@link #PACE_NANOS} (back to back when answers are slower), every request on a new connection
 * (HTTP/1.0, no keep-alive), so every connect and every answer is counted; nothing is retried. A request fails when
 * it cannot connect, gets no complete answer, or gets anything but 200. The pace keeps the load the same on a fast
 * machine, where clients sending back to back once spent the whole count within a test's first 10 s (40,000 answers)
 * and then sent nothing: {@link #failed} refuses to answer once the bound has stopped the clients, as "none failed"
 * would then not cover the rest of the test.
 *
 * <p>Usage: {@code try (LoadClients load = new LoadClients(8080, 4)) { deploy(); } assertEquals(0, load.failed());}
 */
final class LoadClients implements AutoCloseable {
    /** Bounds on the load: requests in all, and how long the clients run. */
    private static final int MAX_REQUESTS = 200_000;
    private static final long MAX_MILLIS = 180_000;
    /** At most 500 requests a second per client. */
    private static final long PACE_NANOS = 2_000_000;

    private final int port;
    private final long until = System.currentTimeMillis() + MAX_MILLIS;
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final Map<String, Integer> answers = new ConcurrentHashMap<>();
    private final List<String> failures = new ArrayList<>();
    private volatile String last = "";
    private volatile boolean running = true;
    private volatile boolean bounded;

    LoadClients(int port, int clients) {
        this.port = port;
        for (int i = 0; i < clients; i++) {
            Thread t = new Thread(this::loop, "load-client-" + i);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
    }

    private void loop() {
        long next = System.nanoTime();
        while (running) {
            if (System.currentTimeMillis() >= until || sent.incrementAndGet() > MAX_REQUESTS) {
                bounded = true;
                return;
            }
            next += PACE_NANOS;
            long early = next - System.nanoTime();
            if (early > 0) {
                LockSupport.parkNanos(early);
            } else {
                next = System.nanoTime(); // behind: no burst to catch up
            }
            String answer = request();
            answers.merge(answer, 1, Integer::sum);
            if (answer.startsWith("version ")) {
                last = answer.substring("version ".length());
            } else {
                failed.incrementAndGet();
                synchronized (failures) {
                    failures.add(System.currentTimeMillis() + " " + answer);
                }
            }
        }
    }

    /** {@code version V} for a 200, else what went wrong. */
    private String request() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
            s.setSoTimeout(5000);
            OutputStream out = s.getOutputStream();
            out.write("GET /version HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            int body = response.indexOf("\r\n\r\n");
            String status = response.lines().findFirst().orElse("");
            if (!status.matches("HTTP/1\\.\\d 200 .*") || body < 0) {
                return "answer " + (status.isEmpty() ? "(empty)" : status);
            }
            return "version " + response.substring(body + 4).trim();
        } catch (IOException e) {
            return "error " + e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }

    /** Requests answered and failed so far. */
    int total() {
        return answers.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Requests failed so far; an assertion error once the bound (count or time) has stopped the clients. */
    int failed() {
        if (bounded) {
            throw new AssertionError("the load clients reached their bound (" + MAX_REQUESTS + " requests or "
                    + MAX_MILLIS / 1000 + " s) and stopped before the test ended: " + answers());
        }
        return failed.get();
    }

    /** The version in the last 200 answer. */
    String lastVersion() {
        return last;
    }

    /** Each kind of answer ({@code version 2}, {@code answer HTTP/1.0 503 ...}, {@code error ...}) with its count. */
    Map<String, Integer> answers() {
        return new TreeMap<>(answers);
    }

    /** The first failures with their time, for the assertion message. */
    List<String> firstFailures() {
        synchronized (failures) {
            return List.copyOf(failures.subList(0, Math.min(10, failures.size())));
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        for (Thread t : threads) {
            t.join(10_000);
        }
    }
}
