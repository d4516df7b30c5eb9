package io.jenkins.plugins.containerrollout.testing;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.HostConfig;
import io.jenkins.plugins.containerrollout.core.health.ProbeSettings;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the bare engine API allows, for the benchmarks that compare a rollout with it: no records, no lock, no router,
 * only container calls and a health poll at the probe interval (any tool using those health settings must poll so).
 * The containers run the {@link TestImages} app on the host network, each on its own loopback port, and are removed
 * when a measurement ends.
 *
 * <p>Usage: {@code long ms = new EngineFloor(docker, probe).replacementBatch(v1, v2, "bench-batch", 3, 35900);}
 */
public final class EngineFloor {
    private final DockerClient docker;
    private final ProbeSettings probe;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    /** Measures through {@code docker}, polling health at {@code probe}'s path, interval and timeout. */
    public EngineFloor(DockerClient docker, ProbeSettings probe) {
        this.docker = docker;
        this.probe = probe;
    }

    /** One container of {@code image} on {@code port}: create, start, and poll its health until it answers 200 (ms). */
    public long startAndReady(String image, String name, int port) throws InterruptedException {
        long start = System.nanoTime();
        String id = container(image, name, port);
        try {
            docker.startContainerCmd(id).exec();
            awaitHealthy(port);
            return (System.nanoTime() - start) / 1_000_000;
        } finally {
            docker.removeContainerCmd(id).withForce(true).exec();
        }
    }

    /**
     * One batch of a replacement, as bare as the engine allows (ms): {@code parallelism} running replicas of
     * {@code oldImage} are killed while as many containers of {@code newImage} (created beforehand, as a rollout
     * creates them ahead) start; until the new ones answer. Takes {@code 2 x parallelism} ports from {@code basePort}.
     */
    public long replacementBatch(String oldImage, String newImage, String name, int parallelism, int basePort)
            throws InterruptedException {
        List<String> old = new ArrayList<>(), fresh = new ArrayList<>();
        try {
            startOld(old, oldImage, name, parallelism, basePort);
            for (int i = 0; i < parallelism; i++) {
                awaitHealthy(basePort + i);
                fresh.add(container(newImage, name + "-new" + i, basePort + parallelism + i));
            }
            List<Thread> calls = new ArrayList<>();
            long start = System.nanoTime();
            for (int i = 0; i < parallelism; i++) {
                String o = old.get(i), f = fresh.get(i);
                calls.add(started(() -> docker.killContainerCmd(o).exec()));
                calls.add(started(() -> docker.startContainerCmd(f).exec()));
            }
            for (int i = 0; i < parallelism; i++) {
                calls.get(2 * i + 1).join(); // the start; the kills go on meanwhile
                awaitHealthy(basePort + parallelism + i);
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            for (Thread call : calls) {
                call.join();
            }
            return millis;
        } finally {
            remove(old);
            remove(fresh);
        }
    }

    /**
     * A whole rolling update with bare engine calls (ms), as a tool with no records, lock, router or listings would
     * do it: {@code replicas} running containers of {@code oldImage} (started untimed), then batch after batch of
     * {@code surge}: their containers created (with {@code createAhead}, the next batch's are created while this one
     * starts, as our rollout does), started, polled until they answer, and only then as many old ones killed
     * (maxUnavailable 0), those kills going on while the next batch comes up. Timed until the last new ones answer
     * and the last kills are issued. Takes {@code 2 x replicas} ports from {@code basePort}.
     */
    public long rollingUpdate(String oldImage, String newImage, String name, int replicas, int surge, int basePort,
            boolean createAhead) throws InterruptedException {
        List<String> old = new ArrayList<>();
        String[] fresh = new String[replicas];
        Thread[] creates = new Thread[replicas];
        List<Thread> kills = new ArrayList<>();
        try {
            startOld(old, oldImage, name, replicas, basePort);
            for (int i = 0; i < replicas; i++) {
                awaitHealthy(basePort + i);
            }
            long start = System.nanoTime();
            for (int from = 0; from < replicas; from += surge) {
                int to = Math.min(replicas, from + surge);
                create(creates, fresh, newImage, name, from, to, basePort + replicas); // none if created ahead
                for (int i = from; i < to; i++) {
                    creates[i].join();
                }
                if (createAhead) {
                    create(creates, fresh, newImage, name, to, Math.min(replicas, to + surge), basePort + replicas);
                }
                List<Thread> starts = new ArrayList<>();
                for (int i = from; i < to; i++) {
                    String id = fresh[i];
                    starts.add(started(() -> docker.startContainerCmd(id).exec()));
                }
                for (int i = from; i < to; i++) {
                    starts.get(i - from).join();
                    awaitHealthy(basePort + replicas + i);
                }
                for (int i = from; i < to; i++) {
                    String o = old.get(i);
                    kills.add(started(() -> docker.killContainerCmd(o).exec()));
                }
            }
            return (System.nanoTime() - start) / 1_000_000;
        } finally {
            for (Thread t : creates) {
                if (t != null) {
                    t.join();
                }
            }
            for (Thread kill : kills) {
                kill.join();
            }
            remove(old);
            remove(Arrays.stream(fresh).filter(Objects::nonNull).toList());
        }
    }

    /** Creates, each in its own thread, the containers of slots {@code from} to {@code to} not created yet. */
    private void create(Thread[] creates, String[] ids, String image, String name, int from, int to, int basePort) {
        for (int i = from; i < to; i++) {
            if (creates[i] == null) {
                int slot = i;
                creates[i] = started(() -> ids[slot] = container(image, name + "-new" + slot, basePort + slot));
            }
        }
    }

    /**
     * One record written as the engine allows it (ms): a never-started container carrying {@code labels} (as
     * revision records, and state entries before they were volumes, are written: no network, an entrypoint that is
     * never run), or, {@code volume}, a volume carrying them. Removed afterwards, untimed.
     */
    public long labelledRecord(boolean volume, String image, String name, Map<String, String> labels) {
        long start = System.nanoTime();
        if (volume) {
            docker.createVolumeCmd().withName(name).withDriver("local").withLabels(labels).exec();
        } else {
            docker.createContainerCmd(image).withName(name).withLabels(labels)
                    .withEntrypoint("/rollout-record-never-started").withCmd(List.of())
                    .withHostConfig(HostConfig.newHostConfig().withNetworkMode("none")).exec();
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        if (volume) {
            docker.removeVolumeCmd(name).exec();
        } else {
            docker.removeContainerCmd(name).withForce(true).exec();
        }
        return millis;
    }

    /** Polls the health path on {@code port} at the probe interval until it answers 200. */
    public void awaitHealthy(int port) throws InterruptedException {
        while (!healthy(port)) {
            Thread.sleep(probe.interval().toMillis());
        }
    }

    private boolean healthy(int port) throws InterruptedException {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + probe.path()))
                    .timeout(probe.timeout()).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException notYet) {
            return false;
        }
    }

    /** Creates and starts {@code count} containers of {@code image} on ports from {@code basePort}, into {@code ids}. */
    private void startOld(List<String> ids, String image, String name, int count, int basePort) {
        for (int i = 0; i < count; i++) {
            ids.add(container(image, name + "-old" + i, basePort + i));
            docker.startContainerCmd(ids.get(i)).exec();
        }
    }

    private void remove(List<String> ids) {
        for (String id : ids) {
            docker.removeContainerCmd(id).withForce(true).exec();
        }
    }

    private String container(String image, String name, int port) {
        return docker.createContainerCmd(image).withName(name).withEnv("PORT=" + port)
                .withHostConfig(HostConfig.newHostConfig().withNetworkMode("host")).exec().getId();
    }

    private static Thread started(Runnable call) {
        Thread t = new Thread(call, "bench-engine-call");
        t.start();
        return t;
    }
}
