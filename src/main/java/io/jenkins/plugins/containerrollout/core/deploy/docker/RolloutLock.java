package io.jenkins.plugins.containerrollout.core.deploy.docker;

import static io.jenkins.plugins.containerrollout.core.deploy.AppLabels.*;

import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.model.Container;
import io.jenkins.plugins.containerrollout.core.deploy.AppLabels;
import io.jenkins.plugins.containerrollout.core.deploy.RolloutLockedException;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The per-application rollout lock, held in the engine: a never-started container with the fixed name
 * {@code <app>.lock}. The engine refuses a second container of that name, which makes taking the lock atomic across
 * processes and machines. A lock is stale (taken over) when it is older than {@code staleAfter}, or when its owner
 * ran on this host and that process is gone (a killed agent).
 */
final class RolloutLock implements AutoCloseable {
    private final AppEngine engine;
    private final String id;

    private RolloutLock(AppEngine engine, String id) {
        this.engine = engine;
        this.id = id;
    }

    static RolloutLock acquire(AppEngine engine, String app, String imageId, Duration staleAfter) {
        Map<String, String> labels = new HashMap<>();
        labels.put(APP, app);
        labels.put(ROLE, ROLE_LOCK);
        labels.put(OWNER, owner());
        labels.put(CREATED, String.valueOf(System.currentTimeMillis()));
        for (int attempt = 0; ; attempt++) {
            try {
                return new RolloutLock(engine, engine.createMarker(AppLabels.lockName(app), imageId, labels));
            } catch (ConflictException held) {
                Optional<Container> holder = holder(engine, app);
                if (holder.isEmpty() && attempt < 3) {
                    continue; // released between our attempt and our look
                }
                if (attempt < 3 && holder.isPresent() && stale(holder.get().getLabels(), staleAfter)) {
                    engine.remove(holder.get().getId());
                    continue;
                }
                Map<String, String> l = holder.map(Container::getLabels).orElse(Map.of());
                String what = app.endsWith(".stack") ? "stack '" + app.substring(0, app.length() - 6) + "'"
                        : "app '" + app + "'"; // DockerDeployer.lockStack: a name no app can have
                throw new RolloutLockedException(what + " is already being rolled out by "
                        + l.getOrDefault(OWNER, "another process") + " since "
                        + Instant.ofEpochMilli(Long.parseLong(l.getOrDefault(CREATED, "0")))
                        + "; rollouts of one app never interleave: wait for it to finish (the lock container '"
                        + AppLabels.lockName(app) + "' goes away), or remove that container if its owner is gone");
            }
        }
    }

    /** Who holds the lock of {@code app}, or empty. */
    static Optional<String> owner(AppEngine engine, String app) {
        return holder(engine, app).map(c -> c.getLabels().get(OWNER));
    }

    private static Optional<Container> holder(AppEngine engine, String app) {
        return engine.containers(app, ROLE_LOCK).stream().findFirst();
    }

    static boolean stale(Map<String, String> labels, Duration staleAfter) {
        long created = Long.parseLong(labels.getOrDefault(CREATED, "0"));
        if (System.currentTimeMillis() - created > staleAfter.toMillis()) {
            return true;
        }
        String[] owner = labels.getOrDefault(OWNER, "").split(" ");
        if (owner.length >= 2 && owner[0].equals(hostName())) {
            try {
                return ProcessHandle.of(Long.parseLong(owner[1].replace("pid=", ""))).isEmpty();
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return false;
    }

    /** {@code <host> pid=<pid> <random>}: enough to find the process, and unique per acquisition. */
    static String owner() {
        return hostName() + " pid=" + ProcessHandle.current().pid() + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "unknown-host";
        }
    }

    /** Releases the lock even on an interrupted thread (the HTTP pool refuses work then), keeping the interrupt. */
    @Override
    public void close() {
        boolean interrupted = Thread.interrupted();
        try {
            engine.remove(id);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
