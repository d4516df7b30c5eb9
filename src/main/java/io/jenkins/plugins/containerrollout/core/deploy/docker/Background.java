package io.jenkins.plugins.containerrollout.core.deploy.docker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * The one owner of a rollout's concurrent engine calls, on the deployer's bounded executor: a batch of calls at once
 * ({@link #each}: starting or stopping a container is mostly waiting on the engine, so a batch of {@code maxSurge}
 * replicas takes about as long as one), the stops of replaced replicas that run while the rollout goes on, the
 * containers created ahead of the next batch, and the state write done while the rollout looks at what runs.
 * Every call is bounded by the engine client's response timeout; the first failure of a group is thrown once all of
 * it has ended. Used by one rollout thread at a time.
 *
 * <p>Usage: {@code background.each(ids, engine::start); background.stop(port, () -> engine.stop(id, 10)); background.settle();}
 */
final class Background implements SlotPlan.PortView {
    private final ExecutorService executor;
    /** Stops running in the background, by the port their replica still holds until it ends. */
    private final Map<Integer, Stop> stopping = new TreeMap<>();
    /** Containers of the next batch being created in the background, by slot. */
    private final Map<Integer, Future<ReplicaRef>> creating = new TreeMap<>();
    private Future<?> firstWrite = CompletableFuture.completedFuture(null);
    /** A call every start waits for (a new revision's record): the containers may be created before it ends. */
    private Future<?> beforeStarts = CompletableFuture.completedFuture(null);

    Background(ExecutorService executor) {
        this.executor = executor;
    }

    /**
     * Applies {@code action} to every item, concurrently, and returns when all are done.
     *
     * @throws RuntimeException     the first failure, after every call has ended
     * @throws InterruptedException interrupted while waiting; the calls still running are cancelled
     */
    <T> void each(List<T> items, Consumer<T> action) throws InterruptedException {
        if (items.size() <= 1) {
            items.forEach(action);
            return;
        }
        List<Future<?>> calls = new ArrayList<>();
        items.forEach(item -> calls.add(executor.submit(() -> action.accept(item))));
        try {
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
        } catch (InterruptedException e) {
            calls.forEach(c -> c.cancel(true));
            throw e;
        }
    }

    /** Runs {@code call} beside the rollout; {@link #await} takes its result. */
    <T> Future<T> submit(Callable<T> call) {
        return executor.submit(call);
    }

    /**
     * Has {@code write} (the rollout's state record, say) done while the rollout looks at what runs; it has ended
     * before the rollout changes anything ({@link #awaitFirstWrite}), and its failure is the rollout's.
     */
    <T> Future<T> writeFirst(Callable<T> write) {
        Future<T> written = executor.submit(write);
        firstWrite = written;
        return written;
    }

    void awaitFirstWrite() throws InterruptedException {
        await(firstWrite);
    }

    /**
     * Has {@code call} (a new revision's record) done beside the rollout before any replica starts
     * ({@link #awaitBeforeStarts}), while the first batch's containers are created; its failure is the rollout's.
     */
    void beforeStarts(Callable<?> call) {
        beforeStarts = executor.submit(call);
    }

    void awaitBeforeStarts() throws InterruptedException {
        await(beforeStarts);
    }

    /** Stops the replica holding {@code port} beside the rollout. */
    void stop(int port, Runnable stop) {
        CompletableFuture<Void> began = new CompletableFuture<>();
        stopping.put(port, new Stop(executor.submit(() -> {
            began.complete(null);
            stop.run();
        }), began));
    }

    /** A stop beside the rollout: its engine call, and when that began (the replica was told to stop). */
    private record Stop(Future<?> call, CompletableFuture<Void> began) {
    }

    /** Creates the container for {@code slot} ahead of its batch. */
    void create(int slot, Callable<ReplicaRef> create) {
        creating.put(slot, executor.submit(create));
    }

    /**
     * Waits for the creations ahead of a batch; returns what they created by slot. One that failed (a name left over
     * from a crash, an engine error) is left out: the batch creates that one itself, as always.
     */
    Map<Integer, ReplicaRef> awaitCreated() throws InterruptedException {
        Map<Integer, ReplicaRef> created = new TreeMap<>();
        for (Map.Entry<Integer, Future<ReplicaRef>> e : creating.entrySet()) {
            try {
                created.put(e.getKey(), e.getValue().get()); // bounded: the client's response timeout
            } catch (ExecutionException failed) {
                // the batch creates it itself
            }
        }
        creating.clear();
        return created;
    }

    /** Waits for the stops holding {@code ports} (those that run); the first failure is thrown once all have ended. */
    void awaitStops(List<Integer> ports) throws InterruptedException {
        RuntimeException first = null;
        for (Integer port : ports) {
            Stop stop = stopping.remove(port);
            try {
                if (stop != null) {
                    stop.call().get(); // bounded: the engine call has the client's response timeout
                }
            } catch (ExecutionException e) {
                first = first != null ? first : failure(e);
            }
        }
        if (first != null) {
            throw first;
        }
    }

    /** Waits for every stop still running. */
    void awaitAllStops() throws InterruptedException {
        awaitStops(List.copyOf(stopping.keySet()));
    }

    /**
     * Returns the ports whose stop is still running once each of those has begun its engine call (within
     * {@code bound}; the executor runs them at once unless it is full): their replicas are told to stop, and the engine
     * carries the stop through (signal, grace, SIGKILL) without this process: moby's {@code daemon/stop.go}
     * ({@code containerStop}, under {@code context.WithoutCancel}) does not cancel a stop whose caller hangs up, as
     * {@code cli.LastStopsAfterExitEngineTest} shows on the test bed's engine. Stops that have ended are collected;
     * the first failure among them is thrown.
     */
    List<Integer> awaitTold(Duration bound) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        List<Integer> goingOn = new ArrayList<>();
        RuntimeException first = null;
        for (Map.Entry<Integer, Stop> e : List.copyOf(stopping.entrySet())) {
            Future<?> stop = e.getValue().call();
            if (!stop.isDone()) {
                awaitBegun(e.getValue().began(), deadline);
            }
            if (!stop.isDone()) {
                goingOn.add(e.getKey());
                continue;
            }
            stopping.remove(e.getKey());
            try {
                stop.get();
            } catch (ExecutionException failed) {
                first = first != null ? first : failure(failed);
            }
        }
        if (first != null) {
            throw first;
        }
        return goingOn;
    }

    private static void awaitBegun(CompletableFuture<Void> began, long deadline) throws InterruptedException {
        try {
            began.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException | ExecutionException queued) {
            // still queued behind other calls: it runs once one ends; recorded as told all the same
        }
    }

    @Override
    public boolean freeNow(int port) {
        Stop stop = stopping.get(port);
        return stop != null ? stop.call().isDone() : io.jenkins.plugins.containerrollout.core.deploy.Ports.free(port);
    }

    @Override
    public boolean heldByStop(int port) {
        return stopping.containsKey(port);
    }

    /** The result of a background call, once it has ended; its failure is thrown as the call's own. */
    static <T> T await(Future<T> call) throws InterruptedException {
        try {
            return call.get(); // bounded: each engine call has the client's response timeout
        } catch (ExecutionException e) {
            throw failure(e);
        }
    }

    /** What a background call threw: its own runtime exception, else wrapped. */
    private static RuntimeException failure(ExecutionException e) {
        return e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
    }
}
