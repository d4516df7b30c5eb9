package io.jenkins.plugins.containerrollout.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The loopback side of engine tests: a run of free ports inside the range a test class was given, and what the
 * {@link TestImages} app serves on a port.
 *
 * <p>Usage: {@code int base = Loopback.freeBase(app, 34000, 34999, 3); assertEquals("1.0", Loopback.version(base));}
 */
public final class Loopback {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();

    private Loopback() {
    }

    /**
     * A base port in {@code [from, to]} followed by {@code span - 1} more, all free now; derived from {@code seed} so
     * concurrent tests with different seeds start apart.
     */
    public static int freeBase(String seed, int from, int to, int span) {
        int slots = to - from + 2 - span;
        for (int attempt = 0; attempt < 300; attempt++) {
            int base = from + Math.floorMod(seed.hashCode() + attempt * 7, slots);
            boolean free = true;
            for (int p = base; p < base + span && free; p++) {
                free = free(p);
            }
            if (free) {
                return base;
            }
        }
        throw new AssertionError("no " + span + " free ports in " + from + "-" + to);
    }

    /** Nothing listens on 127.0.0.1:port (connections lingering in TIME_WAIT do not count, as for a server). */
    public static boolean free(int port) {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
            return true;
        } catch (IOException inUse) {
            return false;
        }
    }

    /** What {@code GET http://127.0.0.1:port/version} answers with 200, trimmed; null for anything else. */
    public static String version(int port) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/version"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? r.body().trim() : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
