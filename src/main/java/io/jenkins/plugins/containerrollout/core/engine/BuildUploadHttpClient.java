package io.jenkins.plugins.containerrollout.core.engine;

import com.github.dockerjava.transport.DockerHttpClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * docker-java's HttpClient 5 transport, with one request sent our own way: the build context of {@code POST /build}
 * to a unix:// engine. HttpClient 5 writes a streamed request body 4 KiB at a time, one chunk and a socket write or two
 * each; a 100 MB context then costs some 50 000 writes, and the engine as many wake-ups, where the docker CLI sends
 * 32 KiB chunks (the build bench in docs/benchmarks.md compares the two end to end). Here the context goes out in 64 KiB
 * chunks with gathering writes, on a connection of its own ({@link ChunkedPost}). The response goes back to docker-java as it came, which
 * decodes the build stream and the engine's errors as always. Every other request goes through the delegate.
 *
 * <p>No read timeout of its own: a build is bounded by its caller, which closes the response (or this client) to stop
 * it, and that ends any read or write under way.
 *
 * <p>Usage: {@code new BuildUploadHttpClient(apacheClient, Path.of("/var/run/docker.sock"))}
 */
final class BuildUploadHttpClient implements DockerHttpClient {
    private static final Pattern BUILD = Pattern.compile("^(/v[0-9.]+)?/build(\\?.*)?$");

    private final DockerHttpClient delegate;
    private final Path socket;
    private final Set<SocketChannel> open = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    BuildUploadHttpClient(DockerHttpClient delegate, Path socket) {
        this.delegate = delegate;
        this.socket = socket;
    }

    /** Whether {@code request} is a build whose context this client sends itself. */
    static boolean isBuild(Request request) {
        return "POST".equals(request.method()) && BUILD.matcher(request.path()).matches()
                && request.hijackedInput() == null;
    }

    @Override
    public Response execute(Request request) {
        if (!isBuild(request)) {
            return delegate.execute(request);
        }
        SocketChannel channel = null;
        try {
            channel = SocketChannel.open(UnixDomainSocketAddress.of(socket));
            open.add(channel);
            if (closed) {
                throw new IOException("the Docker client was closed");
            }
            return exchange(channel, request);
        } catch (IOException | RuntimeException e) {
            release(channel);
            throw e instanceof RuntimeException r ? r : new UncheckedIOException("build request to unix://" + socket
                    + " failed: " + e.getMessage(), (IOException) e);
        }
    }

    private Response exchange(SocketChannel channel, Request request) throws IOException {
        return ChunkedPost.exchange(channel, ChunkedPost.head(request.path(), "localhost", request.headers()),
                request.body(), () -> release(channel));
    }

    private void release(SocketChannel channel) {
        if (channel == null) {
            return;
        }
        open.remove(channel);
        try {
            channel.close();
        } catch (IOException ignored) {
            // a connection we are done with
        }
    }

    /** Closes the delegate and every build connection still open, which ends their reads and writes. */
    @Override
    public void close() throws IOException {
        closed = true;
        for (SocketChannel channel : List.copyOf(open)) {
            release(channel);
        }
        delegate.close();
    }
}
