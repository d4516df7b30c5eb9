package io.jenkins.plugins.containerrollout.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Traffic as users would send it: several concurrent clients sending {@code GET path} to a loopback port, a bounded
 * number of requests each, optionally paced. What they got is counted by status (0: no answer).
 *
 * <p>Usage: {@code Map<Integer, Integer> byStatus = Load.send(frontendPort, "/", 6, 50, 0);}
 */
public final class Load {
    private Load() {
    }

    /**
     * {@code clients} clients each send {@code perClient} requests to {@code http://127.0.0.1:port/path}, waiting
     * {@code pauseMillis} between two of theirs; returns the count of answers per status code.
     */
    public static Map<Integer, Integer> send(int port, String path, int clients, int perClient, long pauseMillis)
            throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        URI uri = URI.create("http://127.0.0.1:" + port + path);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<List<Integer>>> results = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                results.add(pool.submit(() -> {
                    List<Integer> statuses = new ArrayList<>();
                    for (int i = 0; i < perClient; i++) {
                        statuses.add(status(http, uri));
                        Thread.sleep(pauseMillis);
                    }
                    return statuses;
                }));
            }
            Map<Integer, Integer> byStatus = new TreeMap<>();
            for (Future<List<Integer>> f : results) {
                f.get().forEach(s -> byStatus.merge(s, 1, Integer::sum));
            }
            return byStatus;
        } catch (java.util.concurrent.ExecutionException e) {
            throw new AssertionError("a load client failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static int status(HttpClient http, URI uri) throws InterruptedException {
        try {
            return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return 0;
        }
    }
}
