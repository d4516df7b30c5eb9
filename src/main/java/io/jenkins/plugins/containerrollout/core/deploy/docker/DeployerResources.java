package io.jenkins.plugins.containerrollout.core.deploy.docker;

import io.jenkins.plugins.containerrollout.core.deploy.LeftRunning;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * What a deployer owns and lends to each of its rollouts: the engine, one bounded executor for the calls that run
 * beside a rollout, and the clock. Made once per deployer and closed with
 * it, so no thread outlives the deployer.
 *
 * @param engine   the replica calls to the engine
 * @param executor bounded: at most {@link #THREADS} calls at once, the rest queue (threads end when idle)
 * @param clock    what deadlines and readiness read
 */
record DeployerResources(ReplicaEngine engine, ExecutorService executor, Clock clock)
        implements AutoCloseable {
    /**
     * Concurrent calls beside one deployer's rollouts: a batch's probes plus the stops still running (a stop can take
     * a replica's whole stop timeout) fit with room to spare; more would only queue up in the engine.
     */
    static final int THREADS = 32;

    /** Resources over {@code engine} with a new bounded executor and the system clock. */
    static DeployerResources over(ReplicaEngine engine) {
        ThreadPoolExecutor executor = new ThreadPoolExecutor(THREADS, THREADS, 10, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "rollout-engine-call");
                    t.setDaemon(true); // a deployer a caller forgot to close must not keep a CLI process alive
                    return t;
                });
        executor.allowCoreThreadTimeOut(true);
        return new DeployerResources(engine, executor, Clock.systemUTC());
    }

    /**
     * Stops the executor, which takes no more calls. The calls it still has end on their own (each is bounded by the
     * engine client's timeout): a converged rollout returns once its last stops have begun, and interrupting one
     * could cut its request before the engine has it (the replica would then run on, out of traffic, until the next
     * rollout stops it). Its threads are daemons and end when idle.
     */
    @Override
    public void close() {
        closeThen(() -> { });
    }

    /** {@link #close}, then {@code after} (closing the engine client those calls use) once they have ended. */
    void closeThen(Runnable after) {
        executor.shutdown();
        if (executor.isTerminated()) {
            after.run();
            return;
        }
        LeftRunning.add(executor);
        Thread closer = new Thread(() -> {
            try {
                executor.awaitTermination(1, TimeUnit.HOURS); // bounded sooner: each call has the client's timeout
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                LeftRunning.remove(executor);
                after.run();
            }
        }, "rollout-close");
        closer.setDaemon(true);
        closer.start();
    }
}
