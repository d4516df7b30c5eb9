package io.jenkins.plugins.containerrollout.core.deploy.docker;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Users' traffic during a rollout: {@code clients} concurrent clients, each sending {@code GET path} to the router's
 * frontend with a short pause, until closed or {@code maxPerClient} requests each (bounded in time and count,
 * loopback only). What they got is kept: the status per request (0: no answer).
 */
final class ClientLoad implements AutoCloseable {
    private final List<Thread> threads = new ArrayList<>();
    private final List<Integer> statuses = new ArrayList<>();
    private volatile boolean running = true;

    ClientLoad(int port, String path, int clients, int maxPerClient) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        URI uri = URI.create("http://127.0.0.1:" + port + path);
        for (int c = 0; c < clients; c++) {
            Thread t = new Thread(() -> {
                for (int i = 0; i < maxPerClient && running; i++) {
                    int status = send(http, uri);
                    synchronized (statuses) {
                        statuses.add(status);
                    }
                    try {
                        Thread.sleep(10);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "client-load");
            t.setDaemon(true);
            t.start();
            threads.add(t);
        }
    }

    private static int send(HttpClient http, URI uri) {
        try {
            return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    /** Every status so far, in order of the answers. */
    List<Integer> statuses() {
        synchronized (statuses) {
            return List.copyOf(statuses);
        }
    }

    /** The share of 2xx/3xx answers, what a frontend-mix analysis measures. */
    double successRatio() {
        List<Integer> all = statuses();
        return all.stream().filter(s -> s >= 200 && s < 400).count() / (double) Math.max(1, all.size());
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        for (Thread t : threads) {
            t.join(10_000);
        }
    }
}
