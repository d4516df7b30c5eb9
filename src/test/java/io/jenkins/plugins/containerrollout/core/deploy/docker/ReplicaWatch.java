package io.jenkins.plugins.containerrollout.core.deploy.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import io.jenkins.plugins.containerrollout.core.deploy.AppLabels;
import io.jenkins.plugins.containerrollout.core.engine.DockerClientFactory;
import io.jenkins.plugins.containerrollout.core.engine.DockerHost;
import io.jenkins.plugins.containerrollout.core.engine.EngineException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Watches an application's replicas through the engine's own listing ({@code docker ps} by the app label) in a
 * background thread, back to back, until closed: the most replicas running at once, the fewest the engine reported
 * healthy (images with a HEALTHCHECK), and which revisions ran side by side. What a budget test asserts on, from
 * outside the deployer.
 *
 * <p>Usage: {@code try (ReplicaWatch w = new ReplicaWatch(host, app)) { deploy(); } assertTrue(w.mostRunning() <= 5);}
 */
final class ReplicaWatch implements AutoCloseable {
    private final DockerClient docker;
    private final String app;
    private final Thread thread;
    private final AtomicInteger mostRunning = new AtomicInteger();
    private final AtomicInteger fewestHealthy = new AtomicInteger(Integer.MAX_VALUE);
    private final AtomicInteger samples = new AtomicInteger();
    private final Set<String> revisionMixes = new ConcurrentSkipListSet<>();
    private volatile boolean running = true;

    ReplicaWatch(DockerHost host, String app) throws EngineException {
        this.docker = DockerClientFactory.DEFAULT.create(host);
        this.app = app;
        this.thread = new Thread(this::loop, "replica-watch");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        while (running) {
            List<Container> up = docker.listContainersCmd().withLabelFilter(Map.of(AppLabels.APP, app,
                    AppLabels.ROLE, AppLabels.ROLE_REPLICA)).withStatusFilter(List.of("running")).exec();
            mostRunning.accumulateAndGet(up.size(), Math::max);
            int healthy = (int) up.stream().filter(c -> String.valueOf(c.getStatus()).contains("(healthy)")).count();
            fewestHealthy.accumulateAndGet(healthy, Math::min);
            Set<String> revisions = new TreeSet<>();
            up.forEach(c -> revisions.add(c.getLabels().get(AppLabels.REVISION)));
            revisionMixes.add(String.join("+", revisions));
            samples.incrementAndGet();
        }
    }

    /** The most replicas the engine listed running at once. */
    int mostRunning() {
        return mostRunning.get();
    }

    /** The fewest replicas the engine listed running and healthy at once. */
    int fewestHealthy() {
        return fewestHealthy.get();
    }

    /** Each set of revisions seen running at once, e.g. {@code 1}, {@code 1+2}, {@code 2} ({@code ""}: none ran). */
    Set<String> revisionMixes() {
        return Set.copyOf(revisionMixes);
    }

    /** Listings taken; a budget asserted over a handful of them proves little. */
    int samples() {
        return samples.get();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(10_000);
        DockerClientFactory.closeQuietly(docker);
    }
}
