package io.jenkins.plugins.containerrollout.core.deploy.docker;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Runs one engine call per replica of a rolling batch at once: starting or stopping a container is mostly waiting on
 * the engine, so a batch of {@code maxSurge} replicas takes about as long as one.
 *
 * <p>The helpers for background engine calls ({@link #await}, {@link #failure}) live here too.
 *
 * <p>Usage: {@code Batch.each(ids, engine::start)}
 */
final class Batch {
    /** More concurrent calls than this only queue up in the engine. */
    private static final int MAX_THREADS = 8;

    private Batch() {
    }

    /**
     * Applies {@code action} to every item, concurrently, and returns when all are done.
     *
     * @throws RuntimeException     the first failure, after every call has ended
     * @throws InterruptedException interrupted while waiting; the calls still running are cancelled
     */
    static <T> void each(List<T> items, Consumer<T> action) throws InterruptedException {
        if (items.size() <= 1) {
            items.forEach(action);
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(items.size(), MAX_THREADS), r -> {
            Thread t = new Thread(r, "rollout-batch");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> calls = new ArrayList<>();
            items.forEach(item -> calls.add(pool.submit(() -> action.accept(item))));
            RuntimeException first = null;
            for (Future<?> call : calls) {
                try {
                    call.get(); // bounded: each engine call has the client's response timeout
                } catch (ExecutionException e) {
                    first = first == null ? failure(e) : first;
                }
            }
            if (first != null) {
                throw first;
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** What a background engine call threw: its own runtime exception, else wrapped. */
    static RuntimeException failure(ExecutionException e) {
        return e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
    }

    /** The result of a background engine call, once it has ended; its failure is thrown as the call's own. */
    static <T> T await(Future<T> call) throws InterruptedException {
        try {
            return call.get(); // bounded: each engine call has the client's response timeout
        } catch (ExecutionException e) {
            throw failure(e);
        }
    }
}
