package io.jenkins.plugins.containerrollout.core.image;

import io.jenkins.plugins.containerrollout.core.engine.BlockInputStream;
import io.jenkins.plugins.containerrollout.core.engine.BlockOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A fixed-size byte ring between one producer thread and one reader. Unlike {@link java.io.PipedInputStream} it
 * reports the producer's failure to the reader instead of a silent end of stream, and a reader that closes early
 * makes the producer's next write fail at once.
 */
final class BoundedPipe {
    private final byte[] ring;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition readable = lock.newCondition();
    private final Condition writable = lock.newCondition();
    private int head;
    private int count;
    private boolean producerDone;
    private Throwable failure;
    private boolean readerClosed;

    BoundedPipe(int capacity) {
        this.ring = new byte[capacity];
    }

    /** The producer's end; closing it does nothing, {@link #finish(Throwable)} ends the stream. */
    OutputStream sink() {
        return new BlockOutputStream() {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                put(b, off, len);
            }
        };
    }

    /** Ends the stream: normally when {@code failure} is null, else the reader sees it as an {@link IOException}. */
    void finish(Throwable failure) {
        lock.lock();
        try {
            this.producerDone = true;
            this.failure = failure;
            readable.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The reader's end; {@code onClose} runs after the producer has been told to stop. */
    InputStream source(Runnable onClose) {
        return new BlockInputStream() {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return take(b, off, len);
            }

            @Override
            public int available() {
                lock.lock();
                try {
                    return count;
                } finally {
                    lock.unlock();
                }
            }

            @Override
            public void close() {
                lock.lock();
                try {
                    if (readerClosed) {
                        return;
                    }
                    readerClosed = true;
                    writable.signalAll();
                } finally {
                    lock.unlock();
                }
                onClose.run();
            }
        };
    }

    private void put(byte[] b, int off, int len) throws IOException {
        lock.lock();
        try {
            while (len > 0) {
                while (count == ring.length && !readerClosed) {
                    awaitOn(writable, "sending the build context");
                }
                if (readerClosed) {
                    throw new IOException("build context reader closed");
                }
                int tail = (head + count) % ring.length;
                int n = Math.min(len, Math.min(ring.length - count, ring.length - tail));
                System.arraycopy(b, off, ring, tail, n);
                count += n;
                off += n;
                len -= n;
                readable.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    private int take(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        lock.lock();
        try {
            if (readerClosed) {
                throw new IOException("stream closed");
            }
            while (count == 0 && !producerDone) {
                awaitOn(readable, "reading the build context");
            }
            if (count == 0) {
                if (failure == null) {
                    return -1;
                }
                if (failure instanceof IOException io) {
                    throw new IOException(io.getMessage(), io);
                }
                throw new IOException("building the context failed: " + failure, failure);
            }
            int n = Math.min(len, Math.min(count, ring.length - head));
            System.arraycopy(ring, head, b, off, n);
            head = (head + n) % ring.length;
            count -= n;
            writable.signalAll();
            return n;
        } finally {
            lock.unlock();
        }
    }

    private static void awaitOn(Condition condition, String what) throws InterruptedIOException {
        try {
            condition.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while " + what);
        }
    }
}
