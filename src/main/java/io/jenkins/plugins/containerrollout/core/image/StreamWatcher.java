package io.jenkins.plugins.containerrollout.core.image;

import com.github.dockerjava.api.async.ResultCallback;
import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Follows one streamed engine response (build or push) that docker-java reads on a thread of its own. We write this
 * instead of using docker-java's callback templates because we must own three things they blur: the first error is
 * kept rather than thrown from {@code awaitCompletion}, closing really stops the stream, and we know the reading
 * thread so we can wait for it to end — an interrupted build must leave no thread behind.
 *
 * <p>The reading thread is renamed {@code container-rollout-<what>}: a thread dump on a busy agent then says which
 * build a stream belongs to, and tests can count our threads by name.
 */
abstract class StreamWatcher<T> implements ResultCallback<T> {
    /** Prefix of the names of every thread that reads an engine stream for us. */
    static final String THREAD_PREFIX = "container-rollout-";

    private final String threadName;
    private final CountDownLatch done = new CountDownLatch(1);
    private volatile Closeable stream;
    private volatile Throwable failure;
    private volatile boolean closed;
    private volatile Thread worker;

    StreamWatcher(String what) {
        this.threadName = THREAD_PREFIX + what;
    }

    /** Handles one message of the stream; runs on the reading thread. */
    protected abstract void handle(T item);

    /** Called on the reading thread once the stream has ended normally or not; flushes partial output. */
    protected void finish() {
    }

    /** Notes the thread that works for this stream (docker-java's, or the one reading our request body). */
    final void adopt(Thread thread) {
        if (worker == null) {
            worker = thread;
            thread.setName(threadName);
        }
    }

    @Override
    public void onStart(Closeable closeable) {
        adopt(Thread.currentThread());
        stream = closeable;
        if (closed) {
            closeQuietly(closeable);
        }
    }

    @Override
    public void onNext(T item) {
        if (!closed) {
            handle(item);
        }
    }

    @Override
    public void onError(Throwable throwable) {
        if (!closed && failure == null) {
            failure = throwable;
        }
        end();
    }

    @Override
    public void onComplete() {
        end();
    }

    private void end() {
        try {
            finish();
        } finally {
            done.countDown();
        }
    }

    /** Stops reading: closes the response, which ends docker-java's thread. Idempotent. */
    @Override
    public void close() {
        closed = true;
        Closeable s = stream;
        if (s != null) {
            closeQuietly(s);
        }
        done.countDown();
    }

    /** Whether {@link #close()} was called: what comes after is not handled. */
    final boolean closed() {
        return closed;
    }

    /** Waits for the end of the stream; false when {@code timeout} passed first. */
    boolean await(Duration timeout) throws InterruptedException {
        return done.await(Math.max(0, timeout.toMillis()), TimeUnit.MILLISECONDS);
    }

    /** The error that ended the stream, or null. */
    Throwable streamError() {
        return failure;
    }

    /**
     * After {@link #close()}: waits up to {@code timeout} for the reading thread to end, ignoring interrupts (the
     * caller is already handling one and restores the flag).
     */
    void awaitWorkerExit(Duration timeout) {
        Thread t = worker;
        if (t == null || t == Thread.currentThread()) {
            return;
        }
        long end = System.nanoTime() + timeout.toNanos();
        boolean interrupted = false;
        while (t.isAlive() && System.nanoTime() < end) {
            try {
                t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime())));
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    static void closeQuietly(Closeable c) {
        try {
            c.close();
        } catch (IOException | RuntimeException ignored) {
            // closing is how we abandon the stream; a failure to close changes nothing
        }
    }
}
