package io.jenkins.plugins.containerrollout.core.deploy;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The executors of closed deployers that still run calls: the stops a converged rollout told before it returned
 * (the Docker deployer's {@code DeployerResources.close}). Its own small class, in the deploy API, so that a command
 * line exiting after {@code --help} loads nothing of a deployer.
 *
 * <p>Usage: {@code LeftRunning.await(Duration.ofSeconds(1)); System.exit(code);}
 */
public final class LeftRunning {
    private static final Set<ExecutorService> EXECUTORS = ConcurrentHashMap.newKeySet();

    private LeftRunning() {
    }

    /** A closed deployer's executor whose calls still run; {@link #remove} once they have ended. */
    public static void add(ExecutorService executor) {
        EXECUTORS.add(executor);
    }

    public static void remove(ExecutorService executor) {
        EXECUTORS.remove(executor);
    }

    /**
     * For a process about to exit: waits at most {@code bound} for those calls, so that the exit does not cut a stop
     * request before the engine has it. A stop the engine has received goes on without its caller (moby's
     * {@code daemon/stop.go}; {@code cli.LastStopsAfterExitEngineTest}).
     */
    public static void await(Duration bound) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        for (ExecutorService e : List.copyOf(EXECUTORS)) {
            e.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        }
    }
}
