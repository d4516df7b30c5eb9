package io.jenkins.plugins.containerrollout.core.deploy.docker;

import java.util.concurrent.CancellationException;

/** How an interrupt during an engine call reaches the callers of the deployer: as the InterruptedException they expect. */
final class EngineInterrupts {
    private EngineInterrupts() {
    }

    /** A rollout step that may be interrupted. */
    @FunctionalInterface
    interface Step<T> {
        T run() throws InterruptedException;
    }

    /**
     * docker-java reports an interrupt during an engine call as a {@link CancellationException} (its connection pool
     * refuses to lease): callers get the {@link InterruptedException} they expect instead.
     */
    static <T> T interruptible(Step<T> step) throws InterruptedException {
        try {
            return step.run();
        } catch (CancellationException e) {
            Thread.interrupted();
            InterruptedException interrupted = new InterruptedException("rollout interrupted during an engine call; "
                    + "the next deploy or rollback converges from where it stopped");
            interrupted.initCause(e);
            throw interrupted;
        }
    }
}
