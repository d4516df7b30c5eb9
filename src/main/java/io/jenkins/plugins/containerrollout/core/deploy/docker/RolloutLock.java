package io.jenkins.plugins.containerrollout.core.deploy.docker;

import static io.jenkins.plugins.containerrollout.core.deploy.AppLabels.*;

import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.model.Container;
import io.jenkins.plugins.containerrollout.core.deploy.AppLabels;
import io.jenkins.plugins.containerrollout.core.deploy.LockOwner;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

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
        return acquire(engine, app, "app '" + app + "'", imageId, staleAfter);
    }

    /**
     * The lock kept for {@code app} (an app's, or a stack's under a name no app can have), refused as {@code what}
     * ("stack 'shop'") when held.
     */
    static RolloutLock acquire(AppEngine engine, String app, String what, String imageId, Duration staleAfter) {
        Map<String, String> labels = new HashMap<>();
        labels.put(APP, app);
        labels.put(ROLE, ROLE_LOCK);
        labels.put(OWNER, LockOwner.current());
        labels.put(CREATED, String.valueOf(System.currentTimeMillis()));
        for (int attempt = 0; ; attempt++) {
            try {
                return new RolloutLock(engine, engine.createMarker(AppLabels.lockName(app), imageId, labels));
            } catch (ConflictException held) {
                Optional<Container> holder = holder(engine, app);
                if (holder.isEmpty() && attempt < 3) {
                    continue; // released between our attempt and our look
                }
                if (attempt < 3 && holder.isPresent() && LockOwner.stale(holder.get().getLabels(), staleAfter)) {
                    engine.remove(holder.get().getId());
                    continue;
                }
                throw LockOwner.held(what, holder.map(Container::getLabels).orElse(Map.of()),
                        "container " + AppLabels.lockName(app));
            }
        }
    }

    private static Optional<Container> holder(AppEngine engine, String app) {
        return engine.containers(app, ROLE_LOCK).stream().findFirst();
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
