package io.jenkins.plugins.containerrollout.core.image;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Counts the bytes of the build context as the engine's HTTP request reads them (so {@code contextBytes} is what was
 * really sent, after {@code .dockerignore}), and tells who reads: the docker-java thread that uploads the request,
 * which we must be able to wait for when a build is cancelled before the engine has answered.
 */
final class CountingInputStream extends FilterInputStream {
    private final AtomicLong count = new AtomicLong();
    private final Consumer<Thread> reader;
    private volatile boolean seen;
    private volatile IOException failure;

    CountingInputStream(InputStream in, Consumer<Thread> reader) {
        super(in);
        this.reader = reader;
    }

    long count() {
        return count.get();
    }

    /**
     * The error reading the context itself (an unreadable file), if any: the HTTP client reports it only as a
     * failed request, which would read like an engine problem.
     */
    IOException failure() {
        return failure;
    }

    private IOException remember(IOException e) {
        if (failure == null) {
            failure = e;
        }
        return e;
    }

    private void note(long n) {
        if (!seen) {
            seen = true;
            reader.accept(Thread.currentThread());
        }
        if (n > 0) {
            count.addAndGet(n);
        }
    }

    @Override
    public int read() throws IOException {
        try {
            int b = super.read();
            note(b < 0 ? 0 : 1);
            return b;
        } catch (IOException e) {
            throw remember(e);
        }
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        try {
            int n = super.read(buffer, offset, length);
            note(n);
            return n;
        } catch (IOException e) {
            throw remember(e);
        }
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        note(skipped);
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }
}
