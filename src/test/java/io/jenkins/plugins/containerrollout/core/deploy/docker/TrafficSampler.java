package io.jenkins.plugins.containerrollout.core.deploy.docker;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A background loop standing in for a router and its clients: it sends bounded loopback requests to every port a
 * router could be told about ({@code portBase .. portBase + span - 1}) and records, per round, how many replicas
 * answered their health check and which versions the healthy ones served.
 */
final class TrafficSampler implements AutoCloseable {
    private final int portBase;
    private final int span;
    private final Thread thread;
    private final AtomicInteger minHealthy = new AtomicInteger(Integer.MAX_VALUE);
    private final AtomicInteger rounds = new AtomicInteger();
    private final AtomicInteger requests = new AtomicInteger();
    private final Set<String> healthyVersions = new ConcurrentSkipListSet<>();
    private volatile boolean running = true;
    private volatile String worstRound = "";

    TrafficSampler(int portBase, int span) {
        this.portBase = portBase;
        this.span = span;
        this.thread = new Thread(this::loop, "traffic-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    /** One round probes every port at once, so a round is a near-instant snapshot, not a slow sweep. */
    private void loop() {
        ExecutorService pool = Executors.newFixedThreadPool(span);
        try {
            while (running) {
                List<Callable<String>> probes = new ArrayList<>();
                for (int port = portBase; port < portBase + span; port++) {
                    int p = port;
                    probes.add(() -> probe(p));
                }
                List<String> versions = new ArrayList<>();
                StringBuilder round = new StringBuilder(System.currentTimeMillis() + ":");
                int port = portBase;
                for (Future<String> f : pool.invokeAll(probes)) {
                    String v = f.get();
                    round.append(' ').append(port++).append('=').append(v);
                    if (v != null) {
                        versions.add(v);
                    }
                }
                if (versions.size() < minHealthy.get()) {
                    worstRound = round.toString();
                }
                if (!running) {
                    return;
                }
                healthyVersions.addAll(versions);
                minHealthy.accumulateAndGet(versions.size(), Math::min);
                rounds.incrementAndGet();
                Thread.sleep(10);
            }
        } catch (InterruptedException | ExecutionException e) {
            // stopped
        } finally {
            pool.shutdownNow();
        }
    }

    /** The version a healthy replica on {@code port} serves, or null when it is not healthy. */
    private String probe(int port) {
        HttpResponse<String> health = DeployFixture.get(port, "/cgi-bin/health");
        requests.incrementAndGet();
        if (health == null || health.statusCode() != 200) {
            return null;
        }
        requests.incrementAndGet();
        String v = DeployFixture.version(port);
        return v; // null: it stopped between the two requests
    }

    int minHealthy() {
        return minHealthy.get();
    }

    /** The round with the fewest healthy replicas: {@code millis: port=version ...} (null = not healthy). */
    String worstRound() {
        return worstRound;
    }

    int rounds() {
        return rounds.get();
    }

    int requests() {
        return requests.get();
    }

    Set<String> healthyVersions() {
        return Set.copyOf(healthyVersions);
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(5000);
    }
}
